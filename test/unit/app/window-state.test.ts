import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, nativeThemeMock, resetElectronMock, screenMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { createMainWindow } = await import('../../../main/app/window');
const { placeWindow, readWindowState } = await import('../../../main/app/window-state');

const laptop = { x: 0, y: 0, width: 1366, height: 728 };
const rightMonitor = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('where the main window opens', () => {
  it('opens where it was left when that is on a screen', () => {
    const saved = { x: 1500, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor])).toEqual({ x: 1500, y: 100, width: 1200, height: 800 });
  });

  it('opens at the default place when the monitor it was on is gone', () => {
    const saved = { x: 1500, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop])).toBeUndefined();
  });

  it('shrinks and moves a window that no longer fits onto the screen it overlaps', () => {
    const saved = { x: 1000, y: -20, width: 1900, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop])).toEqual({ x: 0, y: 0, width: 1366, height: 728 });
  });

  it('does not count a sliver on the screen as visible', () => {
    const saved = { x: 1300, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop])).toBeUndefined();
  });

  it('opens at the default place with nothing saved', () => {
    expect(placeWindow(undefined, [laptop])).toBeUndefined();
  });
});

describe('remembering the main window', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    resetElectronMock();
    dir = mkdtempSync(join(tmpdir(), 'window-state-'));
    file = join(dir, 'window-state.json');
  });
  afterEach(() => {
    vi.useRealTimers();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves size, place and maximised state on close and opens there again, maximised', () => {
    createMainWindow('/p/preload.cjs', 'Title', file);
    const first = FakeBrowserWindow.instances[0]!;
    first.normalBounds = { x: 200, y: 120, width: 1100, height: 700 };
    first.maximized = true;
    first.emit('close');
    expect(readWindowState(file)).toEqual({ x: 200, y: 120, width: 1100, height: 700, maximized: true });

    createMainWindow('/p/preload.cjs', 'Title', file);
    const second = FakeBrowserWindow.instances[1]!;
    expect(second.options).toMatchObject({ x: 200, y: 120, width: 1100, height: 700 });
    second.emit('ready-to-show');
    expect(second.maximize).toHaveBeenCalledTimes(1);
    expect(second.show).toHaveBeenCalledTimes(1);
  });

  it('saves after a move once the window rests', () => {
    vi.useFakeTimers();
    createMainWindow('/p/preload.cjs', 'Title', file);
    const window = FakeBrowserWindow.instances[0]!;
    window.normalBounds = { x: 10, y: 20, width: 1000, height: 650 };
    window.emit('move');
    window.emit('resize');
    expect(readWindowState(file)).toBeUndefined();
    vi.runAllTimers();
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 650, maximized: false });
  });

  it('opens centred at the default size when the saved place is off every screen', () => {
    writeFileSync(file, JSON.stringify({ x: 5000, y: 100, width: 1200, height: 800, maximized: true }));
    screenMock.workAreas = [laptop];
    createMainWindow('/p/preload.cjs', 'Title', file);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options).toMatchObject({ width: 1280, height: 820 });
    expect(window.options).not.toHaveProperty('x');
    window.emit('ready-to-show');
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('opens at the default place when the saved file is damaged, and repairs it on close', () => {
    writeFileSync(file, '{"x": 1, "y":');
    createMainWindow('/p/preload.cjs', 'Title', file);
    const window = FakeBrowserWindow.instances[0]!;
    expect(window.options).not.toHaveProperty('x');
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ width: 1280, maximized: false });
  });

  it('paints the window background dark before the page loads when the OS is dark', () => {
    nativeThemeMock.shouldUseDarkColors = true;
    createMainWindow('/p/preload.cjs', 'Title', file);
    expect(FakeBrowserWindow.instances[0]!.options).toMatchObject({ backgroundColor: '#292929' });
  });
});
