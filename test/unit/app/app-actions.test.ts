import { describe, expect, it, vi } from 'vitest';
import { withAppActions, type AppActionDeps } from '../../../main/app/app-actions';
import type { CallRoute } from '../../../main/app/ipc';

const EXE = 'C:\\Users\\Kari Nordmann\\AppData\\Local\\Programs\\st-visma-connector\\st-visma-connector.exe';
const DATA = 'C:\\Users\\Kari Nordmann\\AppData\\Roaming\\ServiceTitan → Visma Connector';

/** The engine as the app sees it: answers `profiles.getSettings` with a schedule and echoes every other call. */
function engineRoute(schedule: string | null): CallRoute & { calls: string[] } {
  const calls: string[] = [];
  const route = (name: string, input: unknown) => {
    calls.push(name);
    if (name === 'profiles.getSettings') return Promise.resolve({ ok: true as const, value: { schedule } });
    if (name === 'profiles.createWindowsTask')
      return Promise.resolve({
        ok: false as const,
        error: { code: 'conflict' as const, message: 'Only the installed Windows app can create the task.' },
      });
    return Promise.resolve({ ok: true as const, value: { echoed: name, input } });
  };
  return Object.assign(route, { calls });
}

function deps(over: Partial<AppActionDeps> = {}): AppActionDeps {
  return {
    dataDir: DATA,
    platform: 'win32',
    launcher: { program: EXE, args: [] },
    openPath: vi.fn(() => Promise.resolve('')),
    runSchtasks: vi.fn(() =>
      Promise.resolve('SUCCESS: The scheduled task "ST-Visma sync acme" has successfully been created.'),
    ),
    ...over,
  };
}

describe('withAppActions', () => {
  it('passes every other call to the engine untouched', async () => {
    const route = engineRoute(null);
    const call = withAppActions(route, deps());
    expect(await call('profiles.list', {})).toEqual({
      ok: true,
      value: { echoed: 'profiles.list', input: {} },
    });
  });

  it('opens the data folder with the shell, and says so plainly when it cannot', async () => {
    const openPath = vi.fn(() => Promise.resolve(''));
    expect(await withAppActions(engineRoute(null), deps({ openPath }))('app.openDataFolder', {})).toEqual({
      ok: true,
      value: { path: DATA, opened: true },
    });
    expect(openPath).toHaveBeenCalledWith(DATA);
    const failing = withAppActions(
      engineRoute(null),
      deps({ openPath: () => Promise.resolve('Access denied') }),
    );
    expect(await failing('app.openDataFolder', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('Access denied') as string },
    });
  });

  it('builds the task for the installed executable and the app’s data folder, runnable on Windows', async () => {
    const r = await withAppActions(engineRoute('0 6 * * 1-5'), deps())('profiles.windowsTask', {
      profileId: 'acme',
    });
    expect(r).toMatchObject({ ok: true, value: { canRun: true, problem: null, schedule: '0 6 * * 1-5' } });
    const command = r.ok ? (r.value as { command: string }).command : '';
    expect(command).toContain(`/TR "\\"${EXE}\\" sync --data-dir \\"${DATA}\\" --profile acme"`);
    expect(command).toContain('/SC WEEKLY /D MON,TUE,WED,THU,FRI /ST 06:00 /F');
  });

  it('runs schtasks with separate arguments (no shell) on Windows', async () => {
    const runSchtasks = vi.fn(() => Promise.resolve('SUCCESS'));
    const call = withAppActions(engineRoute('*/15 * * * *'), deps({ runSchtasks }));
    expect(await call('profiles.createWindowsTask', { profileId: 'acme' })).toEqual({
      ok: true,
      value: { taskName: 'ST-Visma sync acme', output: 'SUCCESS' },
    });
    expect(runSchtasks).toHaveBeenCalledWith([
      '/Create',
      '/TN',
      'ST-Visma sync acme',
      '/TR',
      `"${EXE}" sync --data-dir "${DATA}" --profile acme`,
      '/SC',
      'MINUTE',
      '/MO',
      '15',
      '/ST',
      '00:00',
      '/F',
    ]);
  });

  it('reports a refusal of Task Scheduler, and creates nothing without a schedule', async () => {
    const refusing = withAppActions(
      engineRoute('*/15 * * * *'),
      deps({ runSchtasks: () => Promise.reject(new Error('ERROR: Access is denied.')) }),
    );
    expect(await refusing('profiles.createWindowsTask', { profileId: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('Access is denied') as string },
    });
    const runSchtasks = vi.fn(() => Promise.resolve(''));
    const manual = withAppActions(engineRoute(null), deps({ runSchtasks }));
    expect(await manual('profiles.createWindowsTask', { profileId: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(runSchtasks).not.toHaveBeenCalled();
  });

  it('off Windows shows the command but cannot run it, and leaves the refusal to the engine', async () => {
    const route = engineRoute('*/15 * * * *');
    const runSchtasks = vi.fn(() => Promise.resolve(''));
    const call = withAppActions(route, deps({ platform: 'linux', runSchtasks }));
    expect(await call('profiles.windowsTask', { profileId: 'acme' })).toMatchObject({
      ok: true,
      value: { canRun: false },
    });
    expect(await call('profiles.createWindowsTask', { profileId: 'acme' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(runSchtasks).not.toHaveBeenCalled();
  });

  it('takes no inherited name for one of its own calls', async () => {
    const route = engineRoute(null);
    const call = withAppActions(route, deps());
    for (const name of ['__proto__', 'constructor', 'toString']) {
      expect(await call(name, {})).toEqual({ ok: true, value: { echoed: name, input: {} } });
    }
  });

  it('validates the input of the calls it answers itself', async () => {
    const call = withAppActions(engineRoute(null), deps());
    expect(await call('profiles.windowsTask', { profileId: 'Not Valid!' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
