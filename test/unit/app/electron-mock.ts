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
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly once = vi.fn();
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);
  constructor(readonly options: Record<string, unknown>) {
    FakeBrowserWindow.instances.push(this);
  }
}

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
  session: { defaultSession: sessionMock },
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
  ipcMainMock.handlers.clear();
  appListeners.clear();
  appMock.requestSingleInstanceLock.mockImplementation(() => true);
}
