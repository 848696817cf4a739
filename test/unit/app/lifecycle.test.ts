import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/contract';
import {
  FakeBrowserWindow,
  appMock,
  electronMock,
  ipcMainMock,
  resetElectronMock,
  utilityProcessMock,
} from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { runApp, appPaths } = await import('../../../main/app/lifecycle');

/** Lets the `whenReady().then(...)` chain run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('app lifecycle', () => {
  let dir: string;
  beforeEach(() => {
    resetElectronMock();
    dir = mkdtempSync(join(tmpdir(), 'life-'));
    appMock.userData = dir;
  });
  afterEach(async () => {
    await utilityProcessMock.endAll();
    rmSync(dir, { recursive: true, force: true });
  });

  it('quits at once when another instance holds the lock', async () => {
    appMock.requestSingleInstanceLock.mockImplementation(() => false);
    runApp();
    await settle();
    expect(appMock.quit).toHaveBeenCalled();
    expect(appMock.whenReady).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toEqual([]);
  });

  it('starts: app scheme, hardened session, IPC for every channel, menu, and one window', async () => {
    const opened = FakeBrowserWindow.created();
    runApp();
    await opened;
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electronMock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electronMock.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect([...ipcMainMock.handlers.keys()].sort()).toEqual([...channelNames].sort());
    expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const preload = (FakeBrowserWindow.instances[0]?.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(appPaths('/fake/app').preload);
    expect(appMock.quit).not.toHaveBeenCalled();
  });

  it('installs the app-wide web-contents and session guards before the app is ready', async () => {
    const opened = FakeBrowserWindow.created();
    runApp();
    await opened;
    const order = (event: string) =>
      appMock.on.mock.invocationCallOrder[appMock.on.mock.calls.findIndex(([name]) => name === event)];
    const ready = appMock.whenReady.mock.invocationCallOrder[0]!;
    expect(order('web-contents-created')).toBeLessThan(ready);
    expect(order('session-created')).toBeLessThan(ready);
    // The window the app opens is hardened through that guard too.
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    appMock.emit('web-contents-created', {}, contents);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
    expect(contents.fire('will-navigate', 'https://evil.example.com/')).toBe(true);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const opened = FakeBrowserWindow.created();
    runApp();
    const window = await opened;
    window.isMinimized.mockReturnValue(true);
    appMock.emit('second-instance');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('shows a clear error and quits when the ledger refuses to open', async () => {
    const db = new Database(join(dir, 'ledger.sqlite'));
    db.exec(
      'CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    db.prepare("INSERT INTO schema_migrations VALUES (999, 'from-the-future', '2030-01-01')").run();
    db.close();
    const refused = new Promise<void>((resolve) =>
      electronMock.dialog.showErrorBox.mockImplementationOnce(() => resolve()),
    );
    runApp();
    await refused;
    expect(electronMock.dialog.showErrorBox).toHaveBeenCalledWith(
      expect.stringContaining('cannot start'),
      expect.stringMatching(/newer version.*0999 "from-the-future"/),
    );
    expect(appMock.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toEqual([]);
  });

  it('starts with defaults when the settings file is corrupt', async () => {
    writeFileSync(join(dir, 'settings.json'), '{{{');
    const opened = FakeBrowserWindow.created();
    runApp();
    await opened;
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('answers the window calls from the engine process', async () => {
    const opened = FakeBrowserWindow.created();
    runApp();
    await opened;
    const call = (name: string, input: unknown) =>
      ipcMainMock.handlers.get(name)!({ senderFrame: { url: 'app://renderer/index.html' } }, input);
    expect(await call('app.info', {})).toMatchObject({
      ok: true,
      value: { host: 'electron', version: '9.9.9-test', dataDir: dir },
    });
    expect(utilityProcessMock.fork).toHaveBeenCalledWith(
      appPaths('/fake/app').engine,
      expect.any(Array),
      expect.anything(),
    );
    expect(utilityProcessMock.children[0]?.process.pid).not.toBe(process.pid);
    expect(await call('profiles.list', { extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
