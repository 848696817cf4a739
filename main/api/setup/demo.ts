import type { ProfileSummary } from '../../../shared/contract';
import { startSimulators } from '../../cli/simulators';
import { importMappings } from '../../engine/mapping/rule-store';
import { logger } from '../../log/logger';
import { upsertProfile } from '../../storage/profiles';
import type { EngineService } from '../engine-service';
import { summarizeProfile } from '../profile-summary';
import type { AppServices } from '../services';

/** A profile id not yet taken: `demo`, else `demo-2`, `demo-3`… */
function freeDemoId(taken: readonly string[]): string {
  if (!taken.includes('demo')) return 'demo';
  let n = 2;
  while (taken.includes(`demo-${n}`)) n++;
  return `demo-${n}`;
}

/**
 * "Try with demo data": starts the built-in simulators (the loader `st-visma demo` uses) for as long as this host
 * runs, saves a profile for them marked as demo (its secrets are the simulators' own) and imports the mappings that
 * glue the two seeded companies. The simulators stop when the host closes.
 */
export async function startDemoProfile(
  services: AppServices,
  engine: EngineService,
): Promise<ProfileSummary> {
  const sims = await startSimulators({ seed: 1 });
  engine.onClose(() => sims.stop());
  const id = freeDemoId(services.settings.read().profiles.map((p) => p.id));
  const stored = await upsertProfile(services.settings, { ...sims.config, id, demo: true }, services.secrets);
  importMappings(services.ledger, id, sims.mappings, 'system');
  engine.dropConnection(id);
  logger.info(`Demo profile ${id} created on the built-in simulators.`, id);
  return summarizeProfile(stored);
}
