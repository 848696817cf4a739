import { describe, expect, it, vi } from 'vitest';
import { bridgeSocketUrl, selectTransport } from '../../../../renderer/bridge/select-transport';
import { socketFactory } from '../support/fake-socket';
import { createMemoryBridge } from '../support/memory-bridge';

function browserWindow(hash: string) {
  const { sockets, create } = socketFactory();
  return {
    sockets,
    env: {
      location: { hash, pathname: '/', search: '', host: '127.0.0.1:4321' },
      history: { replaceState: vi.fn() },
      sessionStorage: { getItem: () => null, setItem: vi.fn() },
      createSocket: create,
    },
  };
}

describe('selectTransport', () => {
  it('uses the Electron preload when it is there', () => {
    const preload = createMemoryBridge();
    const { env, sockets } = browserWindow('#token=t');
    expect(selectTransport({ ...env, stVisma: preload })).toEqual({ kind: 'electron', api: preload });
    expect(sockets).toHaveLength(0);
  });

  it('otherwise connects to the browser host with the token', () => {
    const { env, sockets } = browserWindow('#token=t 1');
    const choice = selectTransport(env);
    expect(choice.kind).toBe('browser');
    expect(sockets[0]?.url).toBe('ws://127.0.0.1:4321/bridge?token=t%201');
    if (choice.kind === 'browser') (choice.api as unknown as { close(): void }).close();
  });

  it('reports a missing token instead of connecting without one', () => {
    const { env, sockets } = browserWindow('#/');
    expect(selectTransport(env)).toEqual({ kind: 'missing-token' });
    expect(sockets).toHaveLength(0);
  });

  it('builds the socket address from the page host', () => {
    expect(bridgeSocketUrl('127.0.0.1:1', 'a/b')).toBe('ws://127.0.0.1:1/bridge?token=a%2Fb');
  });
});
