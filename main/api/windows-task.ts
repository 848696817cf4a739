import type { WindowsTaskProblem } from '../../shared/contract';

/** How the installed command line is started: the program and the arguments before the CLI's own. */
export interface CliLauncher {
  program: string;
  args: readonly string[];
}

/** What a Windows task for a profile is built from. */
export interface WindowsTaskInput {
  profileId: string;
  /** The profile's cron expression; null when it syncs only by hand. */
  schedule: string | null;
  /** The data folder the CLI must read (`--data-dir`): the app's own, so it finds the profile and its ledger. */
  dataDir: string;
  launcher: CliLauncher;
}

/** A task ready to create, or why there is none. */
export interface WindowsTaskPlan {
  taskName: string;
  problem: WindowsTaskProblem | null;
  /** The whole `schtasks /Create …` line for a Command Prompt; null when there is nothing to create. */
  command: string | null;
  /** The same as arguments of `schtasks.exe` (for running it without a shell); null with `command`. */
  argv: string[] | null;
}

/** Microsoft's schtasks reference: the /TR value "must not exceed 262 characters". */
export const MAX_TASK_RUN_LENGTH = 262;

/** Characters the Command Prompt acts on even inside the quoting schtasks needs for /TR. */
const CMD_SPECIAL = /[&|<>^%]/;

/**
 * One argument as Windows programs read their command line (the C runtime's rules): quoted when it holds a space, a
 * tab or a quote or is empty (or always, with `force`); a quote inside becomes `\"` and backslashes before a quote
 * (or before the closing quote) are doubled, so `C:\dir\` stays one argument.
 */
export function quoteWindowsArgument(value: string, force = false): string {
  if (!force && value !== '' && !/[\s"]/.test(value)) return value;
  let out = '"';
  let backslashes = 0;
  for (const char of value) {
    if (char === '\\') {
      backslashes += 1;
      continue;
    }
    if (char === '"') out += '\\'.repeat(backslashes * 2 + 1) + '"';
    else out += '\\'.repeat(backslashes) + char;
    backslashes = 0;
  }
  return out + '\\'.repeat(backslashes * 2) + '"';
}

const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;
const NUMBER = /^\d{1,2}$/;
const EVERY = /^\*\/(\d{1,4})$/;

/** Day-of-week field (`1-5`, `1,3`, `MON-FRI`, 0 and 7 = Sunday) as schtasks day names, Monday first; null if not one. */
function weekDays(field: string): string[] | null {
  const numeric = field.toUpperCase().replace(/[A-Z]{3}/g, (name) => {
    const at = DAY_NAMES.indexOf(name as (typeof DAY_NAMES)[number]);
    return at < 0 ? name : String(at);
  });
  if (!/^[0-7](?:-[0-7])?(?:,[0-7](?:-[0-7])?)*$/.test(numeric)) return null;
  const days = new Set<number>();
  for (const part of numeric.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    if (to < from) return null;
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7)).map((d) => DAY_NAMES[d]!);
}

const at = (hour: number, minute: number) =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;

/**
 * The Task Scheduler trigger (`/SC …` arguments) of a five-field cron expression, or null when it has none: every N
 * minutes or hours (N dividing the hour or day, so the runs fall on the same clock times as cron's), hourly at a
 * minute, daily, on week days, or monthly on one day, at one time.
 */
export function cronToTrigger(expression: string): string[] | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return null;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (month !== '*') return null;
  const anyDay = dayOfMonth === '*' && dayOfWeek === '*';
  if (hour === '*' && anyDay) {
    const every = minute === '*' ? 1 : Number(EVERY.exec(minute)?.[1] ?? NaN);
    if (every >= 1 && every < 60 && 60 % every === 0)
      return ['/SC', 'MINUTE', '/MO', String(every), '/ST', '00:00'];
  }
  if (!NUMBER.test(minute) || Number(minute) > 59) return null;
  const m = Number(minute);
  if (anyDay && hour === '*') return ['/SC', 'HOURLY', '/MO', '1', '/ST', at(0, m)];
  const everyHours = Number(EVERY.exec(hour)?.[1] ?? NaN);
  if (anyDay && everyHours >= 1 && everyHours < 24 && 24 % everyHours === 0)
    return ['/SC', 'HOURLY', '/MO', String(everyHours), '/ST', at(0, m)];
  if (!NUMBER.test(hour) || Number(hour) > 23) return null;
  const time = at(Number(hour), m);
  if (anyDay) return ['/SC', 'DAILY', '/ST', time];
  if (dayOfMonth === '*') {
    const days = weekDays(dayOfWeek);
    return days ? ['/SC', 'WEEKLY', '/D', days.join(','), '/ST', time] : null;
  }
  if (dayOfWeek === '*' && NUMBER.test(dayOfMonth) && Number(dayOfMonth) >= 1 && Number(dayOfMonth) <= 31)
    return ['/SC', 'MONTHLY', '/D', String(Number(dayOfMonth)), '/ST', time];
  return null;
}

/** The task's name in Task Scheduler (profile ids are letters, digits and dashes: always a valid name). */
export function windowsTaskName(profileId: string): string {
  return `ST-Visma sync ${profileId}`;
}

/** The command line the task runs: `<program> sync --data-dir "<dir>" --profile <id>`. */
export function taskRunLine(input: WindowsTaskInput): string {
  return [
    quoteWindowsArgument(input.launcher.program, true),
    ...input.launcher.args.map((a) => quoteWindowsArgument(a)),
    'sync',
    '--data-dir',
    quoteWindowsArgument(input.dataDir, true),
    '--profile',
    quoteWindowsArgument(input.profileId),
  ].join(' ');
}

/**
 * Builds the `schtasks /Create` command that runs `sync --profile <id>` of the installed command line on the
 * profile's schedule, as the current user (/F replaces an earlier task of the same name).
 */
export function buildWindowsTask(input: WindowsTaskInput): WindowsTaskPlan {
  const taskName = windowsTaskName(input.profileId);
  if (!input.schedule) return { taskName, problem: 'no_schedule', command: null, argv: null };
  const trigger = cronToTrigger(input.schedule);
  if (!trigger) return { taskName, problem: 'not_expressible', command: null, argv: null };
  const run = taskRunLine(input);
  const argv = ['/Create', '/TN', taskName, '/TR', run, ...trigger, '/F'];
  const command = ['schtasks', ...argv.map((a) => quoteWindowsArgument(a))].join(' ');
  const problem: WindowsTaskProblem | null =
    run.length > MAX_TASK_RUN_LENGTH
      ? 'too_long'
      : CMD_SPECIAL.test(input.dataDir + input.launcher.program + input.launcher.args.join(''))
        ? 'special_characters'
        : null;
  return { taskName, problem, command, argv };
}

/**
 * The command line of a host that is not the installed app (the browser host, the CLI): this Node and the script it
 * was started with (`bin/st-visma.mjs`).
 */
export function nodeCliLauncher(
  argv: readonly string[] = process.argv,
  node = process.execPath,
): CliLauncher {
  const script = argv[1];
  return { program: node, args: script ? [script] : [] };
}
