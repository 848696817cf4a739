import { channelNames } from '../../shared/contract/names';
import { WireEvent, WireResult, type WireCall } from '../../shared/contract/wire';
import type { BridgeApi } from '../../shared/contract/bridge';
import type { BridgeResult } from '../../shared/contract/define';
import { reconnectDelay, type ReconnectPolicy } from './reconnect';

/** The subset of the DOM WebSocket the transport uses, so tests can pass a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}

/** Options of the WebSocket transport. */
export interface SocketBridgeOptions {
  url: string;
  createSocket?: (url: string) => SocketLike;
  reconnect?: ReconnectPolicy;
}

/** A `BridgeApi` carried over the browser host's WebSocket, plus a way to stop it. */
export type SocketBridge = BridgeApi & { close(): void };

const OPEN = 1;

function lost(): BridgeResult<never> {
  return {
    ok: false,
    error: { code: 'unavailable', message: 'The connection to the app was lost. Try again.' },
  };
}

function malformed(): BridgeResult<never> {
  return { ok: false, error: { code: 'internal', message: 'The app sent a reply that could not be read.' } };
}

function isBridgeResult(value: unknown): value is BridgeResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Speaks `shared/contract/wire.ts` over one WebSocket: calls get increasing ids and wait for their result; calls
 * made while connecting are queued until the socket opens; a dropped or refused socket fails every waiting call with
 * `unavailable` and reconnects with exponential backoff.
 */
export function createSocketBridge(options: SocketBridgeOptions): SocketBridge {
  const createSocket = options.createSocket ?? ((url: string) => new WebSocket(url) as SocketLike);
  const pending = new Map<number, (result: BridgeResult<unknown>) => void>();
  const outbox: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let attempt = 0;
  let socket: SocketLike | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  function receive(raw: unknown): void {
    let message: unknown;
    try {
      message = JSON.parse(String(raw));
    } catch {
      return;
    }
    const result = WireResult.safeParse(message);
    if (result.success) {
      const resolve = pending.get(result.data.id);
      pending.delete(result.data.id);
      resolve?.(isBridgeResult(result.data.result) ? result.data.result : malformed());
      return;
    }
    const event = WireEvent.safeParse(message);
    if (event.success) listeners.get(event.data.event)?.forEach((listener) => listener(event.data.payload));
  }

  function connect(): void {
    const current = createSocket(options.url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      for (const frame of outbox.splice(0)) current.send(frame);
    };
    current.onmessage = (event) => receive(event.data);
    current.onerror = () => undefined;
    current.onclose = () => {
      if (socket !== current) return;
      socket = undefined;
      // Queued calls fail too (and leave the outbox): a caller must never wait on a host that is not there.
      outbox.length = 0;
      for (const resolve of pending.values()) resolve(lost());
      pending.clear();
      if (closed) return;
      retryTimer = setTimeout(connect, reconnectDelay(attempt++, options.reconnect));
    };
  }

  function send(channel: string, input: unknown): Promise<BridgeResult<unknown>> {
    if (closed) return Promise.resolve(lost());
    const call: WireCall = { type: 'call', id: nextId++, channel, input };
    const frame = JSON.stringify(call);
    return new Promise((resolve) => {
      pending.set(call.id, resolve);
      if (socket?.readyState === OPEN) socket.send(frame);
      else outbox.push(frame);
    });
  }

  const functions = Object.fromEntries(
    channelNames.map((name) => [name, (input: unknown) => send(name, input)]),
  );
  const bridge = {
    ...functions,
    on(event: string, listener: (payload: unknown) => void): () => void {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    close(): void {
      closed = true;
      clearTimeout(retryTimer);
      const current = socket;
      socket = undefined;
      current?.close();
      for (const resolve of pending.values()) resolve(lost());
      pending.clear();
      outbox.length = 0;
    },
  };
  connect();
  return bridge as unknown as SocketBridge;
}
