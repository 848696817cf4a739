import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared/contract';
import type { Handlers } from '../../../main/api/dispatch';
import { EventBus } from '../../../main/api/events';
import { FakeWebContents, ipcMainMock, resetElectronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { forwardEvents, isTrustedSender, registerIpc } = await import('../../../main/app/ipc');

function fakeHandlers(): Handlers {
  const ok = vi.fn(() => Promise.resolve({ locale: 'en', activeProfileId: null }));
  return new Proxy({} as Handlers, { get: () => ok });
}

const fromFrame = (url: string | null) => ({ senderFrame: url === null ? null : { url } });

describe('IPC', () => {
  beforeEach(resetElectronMock);

  it('registers exactly one handler per contract channel, and removes them again', () => {
    const dispose = registerIpc(ipcMainMock as never, fakeHandlers());
    expect([...ipcMainMock.handlers.keys()].sort()).toEqual([...channelNames].sort());
    dispose();
    expect(ipcMainMock.handlers.size).toBe(0);
  });

  it('refuses a call from a foreign frame without running the handler', async () => {
    const handlers = fakeHandlers();
    registerIpc(ipcMainMock as never, handlers);
    const call = ipcMainMock.handlers.get('settings.get')!;
    for (const url of [
      'https://evil.example.com/',
      'file:///C:/x.html',
      'app://other/index.html',
      'http://127.0.0.1:5173/',
    ]) {
      expect(await call(fromFrame(url), {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden_origin' },
      });
    }
    expect(await call(fromFrame(null), {})).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(handlers['settings.get']).not.toHaveBeenCalled();
  });

  it('dispatches a call from our app:// frame', async () => {
    registerIpc(ipcMainMock as never, fakeHandlers());
    const result = await ipcMainMock.handlers.get('settings.get')!(
      fromFrame('app://renderer/index.html#/'),
      {},
    );
    expect(result).toEqual({ ok: true, value: { locale: 'en', activeProfileId: null } });
  });

  it('answers invalid input with a clear invalid_input error instead of throwing', async () => {
    registerIpc(ipcMainMock as never, fakeHandlers());
    const call = ipcMainMock.handlers.get('settings.setLocale')!;
    const result = await call(fromFrame('app://renderer/index.html'), { locale: 'xx', extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/settings.setLocale/);
  });

  it('checks senders by scheme and host', () => {
    expect(isTrustedSender(fromFrame('app://renderer/') as never)).toBe(true);
    expect(isTrustedSender(fromFrame('app://user:pw@renderer/') as never)).toBe(false);
    expect(isTrustedSender(fromFrame('not a url') as never)).toBe(false);
  });

  it('forwards bus events to live windows only', () => {
    const bus = new EventBus();
    const live = new FakeWebContents();
    const closed = Object.assign(new FakeWebContents(), { destroyed: true });
    const stop = forwardEvents(bus, () => [live, closed] as never);
    const line = { time: '2026-01-01T00:00:00Z', level: 'info', message: 'hello' } as const;
    bus.emit('log.line', line);
    expect(live.send).toHaveBeenCalledWith('log.line', line);
    expect(closed.send).not.toHaveBeenCalled();
    stop();
    bus.emit('log.line', line);
    expect(live.send).toHaveBeenCalledTimes(1);
  });
});
