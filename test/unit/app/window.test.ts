import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, electronMock, resetElectronMock, sessionMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { CONTENT_SECURITY_POLICY, buildWebPreferences, createMainWindow } =
  await import('../../../main/app/window');
const { hardenSession } = await import('../../../main/app/guards');

describe('main window security', () => {
  beforeEach(resetElectronMock);

  it('uses isolated, sandboxed web preferences without Node', () => {
    expect(buildWebPreferences('/p/preload.cjs')).toMatchObject({
      preload: '/p/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('creates the window with those options and loads the app:// entry', () => {
    createMainWindow('/p/preload.cjs', 'Title');
    const [window] = FakeBrowserWindow.instances;
    expect(window?.options).toMatchObject({
      title: 'Title',
      show: false,
      webPreferences: buildWebPreferences('/p/preload.cjs'),
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
  });

  it('denies window.open and sends only https links to the OS browser', () => {
    createMainWindow('/p/preload.cjs', 'Title');
    const handler = FakeBrowserWindow.instances[0]?.webContents.windowOpenHandler;
    expect(handler?.({ url: 'https://help.example.com/page' })).toEqual({ action: 'deny' });
    expect(electronMock.shell.openExternal).toHaveBeenCalledWith('https://help.example.com/page');
    for (const url of [
      'http://plain.example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://renderer/x',
    ]) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electronMock.shell.openExternal).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation and redirects away from the app, allows in-app navigation', () => {
    createMainWindow('/p/preload.cjs', 'Title');
    const contents = FakeBrowserWindow.instances[0]!.webContents;
    expect(contents.fire('will-navigate', 'https://evil.example.com/')).toBe(true);
    expect(contents.fire('will-navigate', 'file:///C:/Windows/win.ini')).toBe(true);
    expect(contents.fire('will-navigate', 'app://other-host/index.html')).toBe(true);
    expect(contents.fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true);
    expect(contents.fire('will-navigate', 'app://renderer/review')).toBe(false);
    expect(contents.fire('will-attach-webview', 'app://renderer/')).toBe(true);
  });

  it('has the strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  it('adds the CSP header to every response, cancels remote requests and denies permissions', () => {
    hardenSession(electronMock.session.defaultSession as never);
    const onHeaders = sessionMock.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      d: unknown,
      cb: (r: unknown) => void,
    ) => void;
    const headersCallback = vi.fn();
    onHeaders({ url: 'app://renderer/index.html', responseHeaders: { 'X-Other': ['1'] } }, headersCallback);
    expect(headersCallback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });

    const onBefore = sessionMock.webRequest.onBeforeRequest.mock.calls[0]?.[0] as (
      d: { url: string },
      cb: (r: { cancel: boolean }) => void,
    ) => void;
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      onBefore({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(decide('https://cdn.example.com/x.js')).toBe(true);
    expect(decide('http://127.0.0.1/')).toBe(true);
    expect(decide('app://renderer/assets/index.js')).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);

    const onPermission = sessionMock.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      cb: (granted: boolean) => void,
      d: { requestingUrl: string },
    ) => void;
    const granted = vi.fn();
    onPermission({}, 'media', granted, { requestingUrl: 'app://renderer/index.html' });
    expect(granted).toHaveBeenCalledWith(false);
    const check = sessionMock.setPermissionCheckHandler.mock.calls[0]?.[0] as (
      c: unknown,
      p: string,
      origin: string,
    ) => boolean;
    expect(check({}, 'geolocation', 'app://renderer')).toBe(false);
  });
});
