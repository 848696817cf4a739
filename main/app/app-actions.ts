import { execFile } from 'node:child_process';
import { channels, type BridgeResult, type ChannelName } from '../../shared/contract';
import { buildWindowsTask, type CliLauncher, type WindowsTaskPlan } from '../api/windows-task';
import type { CallRoute } from './ipc';

/** What the app's own answers need: its data folder, the OS, how its CLI is started, and the two OS actions. */
export interface AppActionDeps {
  dataDir: string;
  platform: NodeJS.Platform;
  /** The installed executable (in CLI mode it runs `sync …` without a window). */
  launcher: CliLauncher;
  /** `shell.openPath`: resolves to an error message, or '' when the folder was opened. */
  openPath(path: string): Promise<string>;
  /** Runs `schtasks.exe` with these arguments (no shell) and resolves to what it printed. */
  runSchtasks(argv: string[]): Promise<string>;
}

const fail = (code: 'invalid_input' | 'conflict' | 'unavailable', message: string): BridgeResult<never> => ({
  ok: false,
  error: { code, message },
});

/** Runs `schtasks.exe` without a shell or a console window; a refusal rejects with what it printed. */
export function runSchtasks(argv: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('schtasks.exe', argv, { windowsHide: true, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error((stderr || stdout || err.message).trim()));
      else resolve(stdout.trim());
    });
  });
}

/**
 * Routes calls to `route` (the engine), except those only the app can answer: opening the data folder with the
 * shell, and the Windows task, which must start the installed executable (the engine only knows how Node was
 * started) and which the app can create itself on Windows.
 */
export function withAppActions(route: CallRoute, deps: AppActionDeps): CallRoute {
  const plan = async (
    profileId: string,
  ): Promise<BridgeResult<WindowsTaskPlan & { schedule: string | null }>> => {
    const settings = await route('profiles.getSettings', { profileId });
    if (!settings.ok) return settings;
    const { schedule } = settings.value as { schedule: string | null };
    const built = buildWindowsTask({ profileId, schedule, dataDir: deps.dataDir, launcher: deps.launcher });
    return { ok: true, value: { ...built, schedule } };
  };
  const canRun = (p: WindowsTaskPlan) =>
    deps.platform === 'win32' && p.argv !== null && p.problem !== 'too_long';
  const own: Partial<Record<ChannelName, (input: unknown) => Promise<BridgeResult<unknown>>>> = {
    'app.openDataFolder': async () => {
      const problem = await deps.openPath(deps.dataDir);
      if (problem)
        return fail('unavailable', `The data folder ${deps.dataDir} could not be opened: ${problem}`);
      return { ok: true, value: { path: deps.dataDir, opened: true } };
    },
    'profiles.windowsTask': async (input) => {
      const { profileId } = input as { profileId: string };
      const p = await plan(profileId);
      if (!p.ok) return p;
      const { taskName, schedule, command, problem } = p.value;
      return {
        ok: true,
        value: { profileId, taskName, schedule, command, problem, canRun: canRun(p.value) },
      };
    },
    'profiles.createWindowsTask': async (input) => {
      if (deps.platform !== 'win32') return route('profiles.createWindowsTask', input);
      const { profileId } = input as { profileId: string };
      const p = await plan(profileId);
      if (!p.ok) return p;
      if (!canRun(p.value) || !p.value.argv)
        return fail(
          'conflict',
          `No task can be created for "${profileId}" (${p.value.problem ?? 'no schedule'}).`,
        );
      try {
        return {
          ok: true,
          value: { taskName: p.value.taskName, output: await deps.runSchtasks(p.value.argv) },
        };
      } catch (err) {
        return fail(
          'conflict',
          `Task Scheduler refused the task: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    },
  };
  return async (name, input) => {
    const handler = Object.prototype.hasOwnProperty.call(own, name) ? own[name as ChannelName] : undefined;
    if (!handler) return route(name, input);
    const parsed = channels[name as ChannelName].input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid_input', `The request to "${name}" was not valid.`);
    return handler(parsed.data);
  };
}
