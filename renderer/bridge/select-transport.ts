import { BRIDGE_GLOBAL, type BridgeApi } from '../../shared/contract/bridge';
import { createSocketBridge, type SocketLike } from './socket-bridge';
import { takeBrowserToken, type TokenEnvironment } from './token';

/** Which transport the renderer runs on, or why it has none. */
export type TransportChoice =
  { kind: 'electron'; api: BridgeApi } | { kind: 'browser'; api: BridgeApi } | { kind: 'missing-token' };

/** What the start-up choice reads from `window`. */
export type TransportEnvironment = TokenEnvironment & {
  location: Pick<Location, 'hash' | 'pathname' | 'search' | 'host'>;
  createSocket?: (url: string) => SocketLike;
  [BRIDGE_GLOBAL]?: BridgeApi;
};

/** The browser host's WebSocket address for a token. */
export function bridgeSocketUrl(host: string, token: string): string {
  return `ws://${host}/bridge?token=${encodeURIComponent(token)}`;
}

/**
 * Picks the transport at start-up: the Electron preload's `window.stVisma` when present, otherwise the browser
 * host's WebSocket with the per-run token from the URL (or from this tab's earlier visit).
 */
export function selectTransport(env: TransportEnvironment): TransportChoice {
  const preload = env[BRIDGE_GLOBAL];
  if (preload) return { kind: 'electron', api: preload };
  const token = takeBrowserToken(env);
  if (!token) return { kind: 'missing-token' };
  const api = createSocketBridge({
    url: bridgeSocketUrl(env.location.host, token),
    createSocket: env.createSocket,
  });
  return { kind: 'browser', api };
}
