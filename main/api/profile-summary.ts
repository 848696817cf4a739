import type { ProfileSummary } from '../../shared/contract';
import { SyncSettings } from '../../shared/sync-settings';
import { isSandboxIntoProduction } from '../engine/environment-guard';
import type { StoredProfile } from '../storage/types';

/** What the UI shows of a stored profile: names, environments and the sandbox → production state, no secrets. */
export function summarizeProfile(p: StoredProfile): ProfileSummary {
  const confirmed = SyncSettings.parse(p.sync ?? {}).crossEnvironmentConfirmedAt !== null;
  return {
    id: p.id,
    name: p.name,
    timeZone: p.timeZone,
    servicetitan: { environment: p.servicetitan.environment, tenantId: p.servicetitan.tenantId },
    visma: {
      environment: p.visma.environment,
      companyId: p.visma.companyId,
      ...(p.visma.companyName ? { companyName: p.visma.companyName } : {}),
    },
    crossEnvironment: !isSandboxIntoProduction(p) ? 'none' : confirmed ? 'confirmed' : 'unconfirmed',
    ...(p.demo ? { demo: true } : {}),
  };
}
