import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** A stand-in for a WebContents that records its handlers so tests can fire them. */
export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly send = vi.fn();
  destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fires a navigation-like event; returns true when a listener called preventDefault. */
  fire(event: string, url: string): boolean {
    let prevented = false;
    const evt = { preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) (l as (e: unknown, u: string) => void)(evt, url);
    return prevented;
  }
}

/** A stand-in for BrowserWindow; every instance is kept in `FakeBrowserWindow.instances`. */
export class FakeBrowserWindow {
  static instances: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.instances;
  /** Resolves when the next window is created. */
  static created(): Promise<FakeBrowserWindow> {
    return new Promise((resolve) => FakeBrowserWindow.waiters.push(resolve));
  }
  private static waiters: ((window: FakeBrowserWindow) => void)[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly windowListeners = new Map<string, Listener[]>();
  readonly once = vi.fn((event: string, listener: Listener) => this.on(event, listener));
  readonly on = vi.fn((event: string, listener: Listener) => {
    this.windowListeners.set(event, [...(this.windowListeners.get(event) ?? []), listener]);
    return this;
  });
  normalBounds = { x: 0, y: 0, width: 1280, height: 820 };
  maximized = false;
  readonly getNormalBounds = vi.fn(() => this.normalBounds);
  readonly isMaximized = vi.fn(() => this.maximized);
  readonly maximize = vi.fn(() => (this.maximized = true));
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this);
    for (const resolve of FakeBrowserWindow.waiters.splice(0)) resolve(this);
  }
  /** Fires a window event (`resize`, `close`, `ready-to-show`, …) at its listeners. */
  emit(event: string): void {
    for (const listener of this.windowListeners.get(event) ?? []) listener();
  }
}

/** The desktop as `screen` reports it: one 1920×1080 display with a task bar, unless a test sets others. */
export const screenMock = {
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1040 }],
  getAllDisplays: vi.fn(() => screenMock.workAreas.map((workArea) => ({ workArea }))),
};

/** The OS appearance as `nativeTheme` reports it. */
export const nativeThemeMock = { shouldUseDarkColors: false };

/** Records `ipcMain.handle` registrations. */
export const ipcMainMock = {
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  handle: vi.fn((name: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => {
    ipcMainMock.handlers.set(name, fn);
  }),
  removeHandler: vi.fn((name: string) => ipcMainMock.handlers.delete(name)),
  on: vi.fn(),
};

/** Records the session hooks. */
export const sessionMock = {
  webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
  setDisplayMediaRequestHandler: vi.fn(),
};

const ENGINE_SOURCE = join(import.meta.dirname, '../../../main/engine-process/engine-entry.ts');

/**
 * `utilityProcess.fork`: whatever bundle path the app asks for, runs this checkout's engine entry from source as a
 * Node child process (same structured-clone messages). Every child is kept so a test can end them.
 */
export const utilityProcessMock = {
  children: [] as { process: ChildProcess; exited: Promise<void> }[],
  fork: vi.fn((_modulePath: string, args: string[]) => {
    const child = fork(ENGINE_SOURCE, args, { serialization: 'advanced', execArgv: ['--import', 'tsx'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    utilityProcessMock.children.push({ process: child, exited });
    return {
      postMessage: (message: unknown) => void (child.connected && child.send(message as object)),
      on(event: string, listener: Listener) {
        child.on(event, listener as (...args: unknown[]) => void);
        return this;
      },
      once(event: string, listener: Listener) {
        child.once(event, listener as (...args: unknown[]) => void);
        return this;
      },
      kill: () => child.kill(),
    };
  }),
  /** Ends every engine child and waits until they are gone. */
  async endAll(): Promise<void> {
    for (const { process } of utilityProcessMock.children) process.kill();
    await Promise.all(utilityProcessMock.children.map((c) => c.exited));
    utilityProcessMock.children = [];
  },
};

const appListeners = new Map<string, Listener[]>();

/** The parts of `app` the shell uses. */
export const appMock = {
  listeners: appListeners,
  userData: '',
  appPath: '/fake/app',
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  on: vi.fn((event: string, listener: Listener) => {
    appListeners.set(event, [...(appListeners.get(event) ?? []), listener]);
    return appMock;
  }),
  emit(event: string, ...args: unknown[]): void {
    for (const l of appListeners.get(event) ?? []) (l as (...a: unknown[]) => void)(...args);
  },
  whenReady: vi.fn(() => Promise.resolve()),
  getPath: vi.fn(() => appMock.userData),
  getAppPath: vi.fn(() => appMock.appPath),
  getVersion: vi.fn(() => '9.9.9-test'),
  isPackaged: true,
};

/** The whole mocked `electron` module (named exports plus `default`, as electron-store imports it). */
export const electronMock = {
  app: appMock,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: ipcMainMock,
  utilityProcess: utilityProcessMock,
  session: { defaultSession: sessionMock },
  screen: screenMock,
  nativeTheme: nativeThemeMock,
  shell: { openExternal: vi.fn(() => Promise.resolve()), openPath: vi.fn(() => Promise.resolve('')) },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
  Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
  get default(): unknown {
    return electronMock;
  },
};

/** Clears recorded calls and state between tests. */
export function resetElectronMock(): void {
  vi.clearAllMocks();
  FakeBrowserWindow.instances = [];
  screenMock.workAreas = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  nativeThemeMock.shouldUseDarkColors = false;
  ipcMainMock.handlers.clear();
  appListeners.clear();
  appMock.requestSingleInstanceLock.mockImplementation(() => true);
}
