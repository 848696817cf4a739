import type { ProfileConfig } from '../../shared/profile-config';
import { SyncSettings } from '../../shared/sync-settings';
import { FatalSyncError } from './ports';

/** True when the profile binds a ServiceTitan integration (sandbox) tenant to a production Visma company. */
export function isSandboxIntoProduction(config: Pick<ProfileConfig, 'servicetitan' | 'visma'>): boolean {
  return config.servicetitan.environment === 'integration' && config.visma.environment === 'production';
}

/**
 * Refuses to connect a profile whose ServiceTitan sandbox would post into a production Visma company, unless that
 * was confirmed explicitly (and audited) — test documents must never reach real books by accident.
 */
export function assertEnvironmentsAllowed(config: ProfileConfig): void {
  if (!isSandboxIntoProduction(config)) return;
  if (SyncSettings.parse(config.sync ?? {}).crossEnvironmentConfirmedAt) return;
  throw new FatalSyncError(
    `Profile "${config.id}" connects a ServiceTitan integration (test) tenant to the production Visma company ` +
      `${config.visma.companyName ?? config.visma.companyId}. Nothing is posted until you confirm this in ` +
      'Settings → Profiles (or set sync.crossEnvironmentConfirmedAt in the config file).',
  );
}
