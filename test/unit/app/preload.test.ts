import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_GLOBAL, channelNames } from '../../../shared/contract';
import { electronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

await import('../../../main/app/preload');
const [[globalName, exposed]] = electronMock.contextBridge.exposeInMainWorld.mock.calls as unknown as [
  [string, Record<string, (...args: unknown[]) => unknown>],
];

describe('preload', () => {
  it('exposes exactly one function per contract channel plus `on`, under window.stVisma', () => {
    expect(globalName).toBe(BRIDGE_GLOBAL);
    expect(Object.keys(exposed).sort()).toEqual([...channelNames, 'on'].sort());
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('calls ipcRenderer.invoke with the channel name and the input', async () => {
    electronMock.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { locale: 'nb' } });
    await expect(exposed['settings.setLocale']?.({ locale: 'nb' })).resolves.toEqual({
      ok: true,
      value: { locale: 'nb' },
    });
    expect(electronMock.ipcRenderer.invoke).toHaveBeenCalledWith('settings.setLocale', { locale: 'nb' });
    for (const name of channelNames) {
      await exposed[name]?.({});
      expect(electronMock.ipcRenderer.invoke).toHaveBeenLastCalledWith(name, {});
    }
  });

  it('subscribes only to contract events and can unsubscribe', () => {
    const listener = vi.fn();
    const off = exposed.on?.('log.line', listener) as () => void;
    const [event, forward] = electronMock.ipcRenderer.on.mock.calls.at(-1) as unknown as [
      string,
      (e: unknown, p: unknown) => void,
    ];
    expect(event).toBe('log.line');
    forward({ sender: 'hidden' }, { message: 'hi' });
    expect(listener).toHaveBeenCalledWith({ message: 'hi' });
    off();
    expect(electronMock.ipcRenderer.removeListener).toHaveBeenCalledWith('log.line', forward);
    expect(() => exposed.on?.('electron-store-get-data', listener)).toThrow(/no event called/);
  });
});
