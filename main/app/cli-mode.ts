import { app } from 'electron';
import { commandNames, main as runCli } from '../cli/program';
import { appPaths } from './lifecycle';

/** Flags that ask the CLI rather than the window for something (`<app> --version`). */
const CLI_FLAGS = ['--help', '-h', '--version', '-v'];

/**
 * The arguments meant for the app: after the executable, and after the app folder too when started as
 * `electron <folder>` (Electron sets `process.defaultApp` then).
 */
export function userArguments(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

/**
 * CLI mode: the first argument is a command of the `st-visma` program (`sync`, `reconcile`, `review`, `demo`, …) or
 * a help/version flag. Anything else (no arguments, Chromium switches, a file the OS passed) opens the window.
 * Returns the CLI's arguments, or null for window mode.
 */
export function cliArguments(argv: readonly string[], defaultApp: boolean): string[] | null {
  const args = userArguments(argv, defaultApp);
  const first = args[0];
  if (first === undefined) return null;
  return CLI_FLAGS.includes(first) || commandNames().includes(first) ? args : null;
}

/**
 * Runs the same CLI program as `st-visma`, without a window, the single-instance lock or the app's services (a
 * scheduled `sync` can run while the window is open), then exits with the CLI's exit code once stdout is written.
 */
export async function runCliMode(args: string[]): Promise<void> {
  let code: number;
  try {
    await runCli(args, { from: 'user', rendererDir: appPaths(app.getAppPath()).rendererDir });
    code = Number(process.exitCode ?? 0);
  } catch (err) {
    process.stderr.write(`st-visma: ${err instanceof Error ? err.message : String(err)}\n`);
    code = 1;
  }
  process.stdout.write('', () => app.exit(code));
}
