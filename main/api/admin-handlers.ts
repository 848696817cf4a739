import { SyncSettings } from '../../shared/sync-settings';
import type { Handlers } from './dispatch';
import { exportDiagnostics } from './diagnostics/export';
import type { EngineService } from './engine-service';
import { removeProfileWithBackup } from './profile-removal';
import type { AppServices } from './services';
import { buildWindowsTask, nodeCliLauncher, type CliLauncher } from './windows-task';
import { refuse } from './refusals';

type AdminChannels =
  | 'profiles.remove'
  | 'profiles.windowsTask'
  | 'profiles.createWindowsTask'
  | 'app.openDataFolder'
  | 'diagnostics.export';

/**
 * Handlers of the profile administration in Settings: remove a profile, its Windows task, the data folder and the
 * diagnostics export. The app (main/app) answers `app.openDataFolder` and the Windows task itself, where it can open
 * folders and run `schtasks`; these are the answers of every other host.
 */
export function createAdminHandlers(
  services: AppServices,
  engine: EngineService,
  launcher: CliLauncher = nodeCliLauncher(),
): Pick<Handlers, AdminChannels> {
  const stored = (profileId: string) => {
    const p = services.settings.read().profiles.find((x) => x.id === profileId);
    if (!p) throw refuse('noProfile', { profile: profileId });
    return p;
  };
  return {
    'profiles.remove': ({ profileId, confirmation }) =>
      removeProfileWithBackup(services, engine, profileId, confirmation),
    'profiles.windowsTask': ({ profileId }) => {
      const schedule = SyncSettings.parse(stored(profileId).sync ?? {}).schedule;
      const plan = buildWindowsTask({ profileId, schedule, dataDir: services.dataDir, launcher });
      return Promise.resolve({
        profileId,
        taskName: plan.taskName,
        schedule,
        command: plan.command,
        problem: plan.problem,
        canRun: false,
      });
    },
    'profiles.createWindowsTask': ({ profileId }) => {
      stored(profileId);
      return Promise.reject(refuse('windowsTaskOnly'));
    },
    'app.openDataFolder': () => Promise.resolve({ path: services.dataDir, opened: false }),
    'diagnostics.export': () => exportDiagnostics(services, new Date()),
  };
}
