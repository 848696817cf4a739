import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSocketBridge } from '../../../../renderer/bridge/socket-bridge';
import { reconnectDelay } from '../../../../renderer/bridge/reconnect';
import { socketFactory } from '../support/fake-socket';

const url = 'ws://127.0.0.1:5000/bridge?token=abc';
const policy = { initialMs: 100, maxMs: 400 };

describe('the WebSocket transport', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('queues calls until the socket opens, then matches replies by id', async () => {
    const { sockets, create } = socketFactory();
    const bridge = createSocketBridge({ url, createSocket: create, reconnect: policy });
    const settings = bridge['settings.get']({});
    const profiles = bridge['profiles.list']({});
    const socket = sockets[0]!;
    expect(socket.url).toBe(url);
    expect(socket.sent).toEqual([]);

    socket.open();
    expect(socket.sent).toEqual([
      { type: 'call', id: 1, channel: 'settings.get', input: {} },
      { type: 'call', id: 2, channel: 'profiles.list', input: {} },
    ]);
    socket.receive({
      type: 'result',
      id: 2,
      result: { ok: true, value: { profiles: [], activeProfileId: null } },
    });
    socket.receive({
      type: 'result',
      id: 1,
      result: { ok: false, error: { code: 'internal', message: 'x' } },
    });

    await expect(profiles).resolves.toEqual({ ok: true, value: { profiles: [], activeProfileId: null } });
    await expect(settings).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'x' } });
    bridge.close();
  });

  it('sends at once when already open, and ignores frames it cannot read', async () => {
    const { sockets, create } = socketFactory();
    const bridge = createSocketBridge({ url, createSocket: create });
    sockets[0]!.open();
    const call = bridge['app.info']({});
    expect(sockets[0]!.sent).toHaveLength(1);
    sockets[0]!.receive('not json');
    sockets[0]!.receive({ type: 'something-else' });
    sockets[0]!.receive({ type: 'result', id: 1, result: 'not a BridgeResult' });
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    bridge.close();
  });

  it('delivers events to listeners until they unsubscribe', () => {
    const { sockets, create } = socketFactory();
    const bridge = createSocketBridge({ url, createSocket: create });
    sockets[0]!.open();
    const seen: unknown[] = [];
    const off = bridge.on('log.line', (payload) => seen.push(payload));
    sockets[0]!.receive({ type: 'event', event: 'log.line', payload: { n: 1 } });
    sockets[0]!.receive({ type: 'event', event: 'sync.progress', payload: { n: 2 } });
    off();
    sockets[0]!.receive({ type: 'event', event: 'log.line', payload: { n: 3 } });
    expect(seen).toEqual([{ n: 1 }]);
    bridge.close();
  });

  it('fails calls in flight when the socket drops, and reconnects with growing delays', async () => {
    const { sockets, create } = socketFactory();
    const bridge = createSocketBridge({ url, createSocket: create, reconnect: policy });
    sockets[0]!.open();
    const inFlight = bridge['settings.get']({});
    sockets[0]!.drop();
    await expect(inFlight).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });

    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    sockets[1]!.drop(); // refused again: the next wait doubles
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    sockets[2]!.open();
    const after = bridge['settings.get']({});
    sockets[2]!.receive({
      type: 'result',
      id: 2,
      result: { ok: true, value: { locale: 'nb', activeProfileId: null } },
    });
    await expect(after).resolves.toMatchObject({ ok: true });
    bridge.close();
  });

  it('fails queued calls when the first connection is refused, so start-up never hangs', async () => {
    const { sockets, create } = socketFactory();
    const bridge = createSocketBridge({ url, createSocket: create, reconnect: policy });
    const queued = bridge['settings.get']({});
    sockets[0]!.drop();
    await expect(queued).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    vi.advanceTimersByTime(100);
    sockets[1]!.open();
    expect(sockets[1]!.sent).toEqual([]);
    bridge.close();
  });

  it('stops reconnecting once closed', async () => {
    const { sockets, create } = socketFactory();
    const bridge = createSocketBridge({ url, createSocket: create, reconnect: policy });
    sockets[0]!.open();
    bridge.close();
    vi.advanceTimersByTime(10_000);
    expect(sockets).toHaveLength(1);
    await expect(bridge['app.info']({})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('reconnectDelay', () => {
  it('doubles from the initial delay and stops at the cap', () => {
    expect([0, 1, 2, 3, 50].map((n) => reconnectDelay(n, policy))).toEqual([100, 200, 400, 400, 400]);
  });
});
