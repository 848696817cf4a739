import { describe, expect, it } from 'vitest';
import {
  buildWindowsTask,
  cronToTrigger,
  quoteWindowsArgument,
  taskRunLine,
} from '../../../main/api/windows-task';

/** The C runtime's reading of a Windows command line (how schtasks and the app split theirs), to check quoting. */
function parseWindowsCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inQuotes = false;
  let started = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (char === '\\') {
      let count = 0;
      while (line[i] === '\\') {
        count += 1;
        i += 1;
      }
      if (line[i] === '"') {
        current += '\\'.repeat(Math.floor(count / 2));
        if (count % 2 === 1) current += '"';
        else inQuotes = !inQuotes;
      } else {
        current += '\\'.repeat(count);
        i -= 1;
      }
      started = true;
    } else if (char === '"') {
      inQuotes = !inQuotes;
      started = true;
    } else if (/\s/.test(char) && !inQuotes) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) args.push(current);
  return args;
}

const APP = 'C:\\Program Files\\ServiceTitan Visma Connector\\st-visma-connector.exe';
const DATA = 'C:\\Users\\Kari Nordmann\\AppData\\Roaming\\ServiceTitan → Visma Connector';

describe('quoteWindowsArgument', () => {
  it('leaves plain words alone and quotes spaces, quotes and empty text', () => {
    expect(quoteWindowsArgument('sync')).toBe('sync');
    expect(quoteWindowsArgument('')).toBe('""');
    expect(quoteWindowsArgument('C:\\Program Files\\x.exe')).toBe('"C:\\Program Files\\x.exe"');
    expect(quoteWindowsArgument('say "hi"')).toBe('"say \\"hi\\""');
  });
  it('doubles backslashes before the closing quote, so a folder ending in \\ stays one argument', () => {
    expect(quoteWindowsArgument('C:\\My Data\\', true)).toBe('"C:\\My Data\\\\"');
    expect(parseWindowsCommandLine(`${quoteWindowsArgument('C:\\My Data\\', true)} next`)).toEqual([
      'C:\\My Data\\',
      'next',
    ]);
  });
  it('round-trips awkward values through the C runtime rules', () => {
    for (const value of ['a b', 'a\\b c', 'a\\"b', 'x\\\\ y\\\\', '"', 'tab\there', 'ü → ø']) {
      expect(parseWindowsCommandLine(quoteWindowsArgument(value, true))).toEqual([value]);
    }
  });
});

describe('cronToTrigger', () => {
  it('reads the offered presets', () => {
    expect(cronToTrigger('*/15 * * * *')).toEqual(['/SC', 'MINUTE', '/MO', '15', '/ST', '00:00']);
    expect(cronToTrigger('0 * * * *')).toEqual(['/SC', 'HOURLY', '/MO', '1', '/ST', '00:00']);
    expect(cronToTrigger('0 6 * * 1-5')).toEqual([
      '/SC',
      'WEEKLY',
      '/D',
      'MON,TUE,WED,THU,FRI',
      '/ST',
      '06:00',
    ]);
  });
  it('reads the other simple shapes', () => {
    expect(cronToTrigger('* * * * *')).toEqual(['/SC', 'MINUTE', '/MO', '1', '/ST', '00:00']);
    expect(cronToTrigger('30 */2 * * *')).toEqual(['/SC', 'HOURLY', '/MO', '2', '/ST', '00:30']);
    expect(cronToTrigger('5 7 * * *')).toEqual(['/SC', 'DAILY', '/ST', '07:05']);
    expect(cronToTrigger('0 18 * * sun,6')).toEqual(['/SC', 'WEEKLY', '/D', 'SAT,SUN', '/ST', '18:00']);
    expect(cronToTrigger('0 2 1 * *')).toEqual(['/SC', 'MONTHLY', '/D', '1', '/ST', '02:00']);
  });
  it('refuses what Task Scheduler cannot repeat the same way', () => {
    // Every 7 minutes restarts at each hour in cron; Task Scheduler's would drift.
    for (const cron of ['*/7 * * * *', '0 6,12 * * *', '0 6 * 1 *', '0 6 1 * 1', '0 */5 * * *', 'nonsense'])
      expect(cronToTrigger(cron)).toBeNull();
  });
});

describe('buildWindowsTask', () => {
  const input = {
    profileId: 'nordic-hvac',
    schedule: '*/15 * * * *',
    dataDir: DATA,
    launcher: { program: APP, args: [] },
  };

  it('prints the exact command, with paths containing spaces quoted for schtasks and for the app', () => {
    const plan = buildWindowsTask(input);
    expect(plan.problem).toBeNull();
    expect(plan.command).toBe(
      'schtasks /Create /TN "ST-Visma sync nordic-hvac" ' +
        '/TR "\\"C:\\Program Files\\ServiceTitan Visma Connector\\st-visma-connector.exe\\" sync --data-dir ' +
        '\\"C:\\Users\\Kari Nordmann\\AppData\\Roaming\\ServiceTitan → Visma Connector\\" --profile nordic-hvac" ' +
        '/SC MINUTE /MO 15 /ST 00:00 /F',
    );
  });

  it('gives schtasks one /TR argument that the app splits back into the CLI arguments', () => {
    const plan = buildWindowsTask(input);
    const schtasks = parseWindowsCommandLine(plan.command!);
    expect(schtasks.slice(1)).toEqual(plan.argv);
    const run = schtasks[schtasks.indexOf('/TR') + 1]!;
    expect(parseWindowsCommandLine(run)).toEqual([
      APP,
      'sync',
      '--data-dir',
      DATA,
      '--profile',
      'nordic-hvac',
    ]);
  });

  it('keeps a development launcher (electron <folder>) before the CLI arguments', () => {
    const run = taskRunLine({
      ...input,
      launcher: { program: 'C:\\dev\\node_modules\\electron\\dist\\electron.exe', args: ['C:\\dev\\my app'] },
    });
    expect(parseWindowsCommandLine(run)).toEqual([
      'C:\\dev\\node_modules\\electron\\dist\\electron.exe',
      'C:\\dev\\my app',
      'sync',
      '--data-dir',
      DATA,
      '--profile',
      'nordic-hvac',
    ]);
  });

  it('says why there is no command: no schedule, or none Task Scheduler has', () => {
    expect(buildWindowsTask({ ...input, schedule: null })).toMatchObject({
      problem: 'no_schedule',
      command: null,
    });
    expect(buildWindowsTask({ ...input, schedule: '*/7 * * * *' })).toMatchObject({
      problem: 'not_expressible',
      argv: null,
    });
  });

  it('warns about a command line over 262 characters and about characters cmd reads specially', () => {
    const deep = `C:\\Users\\${'Very Long Folder Name '.repeat(10)}`;
    expect(buildWindowsTask({ ...input, dataDir: deep }).problem).toBe('too_long');
    expect(buildWindowsTask({ ...input, dataDir: 'C:\\Users\\R&D\\data' }).problem).toBe(
      'special_characters',
    );
    expect(buildWindowsTask({ ...input, dataDir: 'C:\\Users\\100%\\data' }).problem).toBe(
      'special_characters',
    );
  });
});
