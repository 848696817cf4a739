import type { ProfileSummary } from '../../../shared/contract';
import { startSimulators } from '../../cli/simulators';
import { importMappings } from '../../engine/mapping/rule-store';
import { logger } from '../../log/logger';
import { appendAudit } from '../../storage/audit';
import { forgetProfileRows } from '../../storage/profile-rows';
import { upsertProfile } from '../../storage/profiles';
import type { StoredProfile } from '../../storage/types';
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

/** True for a profile "Try with demo data" made: its companies live in simulators that end with the host. */
const madeByDemoStep = (p: StoredProfile) => (p as { demo?: unknown }).demo === true;

/**
 * The demo's companies ended with the host that ran them, so on the next start each demo profile gets fresh ones:
 * the simulators start again with the same seed, the profile points at them, and what the ledger knew about the old
 * companies (documents, master data, mappings, cursors) is dropped so the demo starts over cleanly; the audit log
 * keeps its history and says that the demo started over.
 */
export async function resumeDemoProfiles(services: AppServices, engine: EngineService): Promise<string[]> {
  const demos = services.settings.read().profiles.filter(madeByDemoStep);
  for (const profile of demos) {
    const sims = await startSimulators({ seed: 1 });
    engine.onClose(() => sims.stop());
    const dropped = forgetProfileRows(services.ledger, profile.id, ['audit_log']);
    await upsertProfile(services.settings, { ...sims.config, id: profile.id, demo: true }, services.secrets);
    importMappings(services.ledger, profile.id, sims.mappings, 'system');
    engine.dropConnection(profile.id);
    const message = `The demo companies of ${profile.id} started over (they end when the app closes); ${dropped} ledger rows of the old ones were dropped.`;
    appendAudit(services.ledger, {
      profileId: profile.id,
      actor: 'system',
      action: 'profile.demo-restarted',
      outcome: 'info',
      message,
      messageCode: 'demoRestarted',
      messageParams: { rows: dropped },
    });
    logger.info(message, profile.id);
  }
  return demos.map((p) => p.id);
}
