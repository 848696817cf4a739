import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebContents, appMock, electronMock, resetElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { installAppWideGuards, hardenSession } = await import('../../../main/app/guards');
const { CONTENT_SECURITY_POLICY } = await import('../../../main/app/csp');

/** A session of its own, as `session.fromPartition` would create. */
function fakeSession() {
  return {
    webRequest: { onHeadersReceived: vi.fn(), onBeforeRequest: vi.fn() },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
  };
}

/** The handler a session setter was last given. */
function handlerOf<T>(setter: { mock: { calls: unknown[][] } }): T {
  const calls = setter.mock.calls;
  expect(calls.length).toBeGreaterThan(0);
  return calls[calls.length - 1]![0] as T;
}

describe('app-wide guards', () => {
  beforeEach(() => {
    resetElectronMock();
    installAppWideGuards(electronMock.app as never);
  });

  it('hardens every web contents the app creates: no new windows, no navigation away, no webview', () => {
    const contents = new FakeWebContents();
    appMock.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'app://renderer/other' })).toEqual({ action: 'deny' });
    expect(contents.fire('will-navigate', 'https://evil.example.com/')).toBe(true);
    expect(contents.fire('will-redirect', 'file:///C:/Windows/win.ini')).toBe(true);
    expect(contents.fire('will-navigate', 'app://renderer/review')).toBe(false);
    expect(contents.fire('will-attach-webview', 'app://renderer/')).toBe(true);
  });

  it('hardens a web contents once, however often it is handed over', () => {
    const contents = new FakeWebContents();
    appMock.emit('web-contents-created', {}, contents);
    appMock.emit('web-contents-created', {}, contents);
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });

  it('hardens every session Electron creates with deny-by-default handlers', () => {
    const session = fakeSession();
    appMock.emit('session-created', session);

    const request = vi.fn();
    const ask = handlerOf<
      (c: unknown, p: string, cb: (granted: boolean) => void, d: { requestingUrl: string }) => void
    >(session.setPermissionRequestHandler);
    for (const permission of ['media', 'clipboard-read', 'display-capture', 'hid'])
      ask({}, permission, request, { requestingUrl: 'app://renderer/index.html' });
    ask({}, 'notifications', request, { requestingUrl: 'https://evil.example/' });
    expect(request.mock.calls).toEqual(Array.from({ length: 5 }, () => [false]));
    const check = handlerOf<(c: unknown, p: string, origin: string) => boolean>(
      session.setPermissionCheckHandler,
    );
    expect(check({}, 'serial', 'app://renderer')).toBe(false);
    expect(check({}, 'notifications', 'https://evil.example')).toBe(false);
  });

  it("grants our own renderer's notifications, the one permission the app uses", () => {
    const session = fakeSession();
    appMock.emit('session-created', session);
    const request = vi.fn();
    handlerOf<(c: unknown, p: string, cb: (granted: boolean) => void, d: { requestingUrl: string }) => void>(
      session.setPermissionRequestHandler,
    )({}, 'notifications', request, { requestingUrl: 'app://renderer/index.html' });
    expect(request).toHaveBeenCalledWith(true);
    expect(
      handlerOf<(c: unknown, p: string, origin: string) => boolean>(session.setPermissionCheckHandler)(
        {},
        'notifications',
        'app://renderer',
      ),
    ).toBe(true);
    const device = handlerOf<(d: unknown) => boolean>(session.setDevicePermissionHandler);
    expect(device({ deviceType: 'usb', origin: 'app://renderer', device: {} })).toBe(false);
    expect(device({ deviceType: 'hid', origin: 'app://renderer', device: {} })).toBe(false);
    const streams = vi.fn();
    handlerOf<(r: unknown, cb: (s: unknown) => void) => void>(session.setDisplayMediaRequestHandler)(
      { videoRequested: true, audioRequested: true },
      streams,
    );
    expect(streams).toHaveBeenCalledWith({});

    const headers = vi.fn();
    handlerOf<(d: unknown, cb: (r: unknown) => void) => void>(session.webRequest.onHeadersReceived)(
      { responseHeaders: {} },
      headers,
    );
    expect(headers).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('applies the same handlers to the default session', () => {
    hardenSession(electronMock.session.defaultSession as never);
    const session = electronMock.session.defaultSession;
    expect(handlerOf<(d: unknown) => boolean>(session.setDevicePermissionHandler)({})).toBe(false);
    const streams = vi.fn();
    handlerOf<(r: unknown, cb: (s: unknown) => void) => void>(session.setDisplayMediaRequestHandler)(
      {},
      streams,
    );
    expect(streams).toHaveBeenCalledWith({});
  });
});
