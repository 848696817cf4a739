import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_TOKEN_HEADER, WireCall, type BridgeResult } from '../../shared/contract';
import { dispatch, type Handlers } from '../api/dispatch';
import type { EventBus } from '../api/events';
import { logger } from '../log/logger';
import { readStaticFile } from './static-files';
import { hostAllowed, hostCsp, newToken, originAllowed, tokenMatches } from './security';

/** Options of the browser host's HTTP/WebSocket server. */
export interface BridgeServerOptions {
  handlers: Handlers;
  events: EventBus;
  /** Folder with the built renderer (index.html). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A fixed token (tests); random by default. */
  token?: string;
}

/** A running browser host. */
export interface BridgeServer {
  /** The URL to open: the token travels in the fragment, which browsers never send to the server. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** The largest HTTP body or WebSocket message accepted; a bigger WebSocket message closes that socket (1009). */
const MAX_BODY_BYTES = 1_000_000;

function refusal(
  code: 'unauthorized' | 'forbidden_origin' | 'invalid_input',
  message: string,
): BridgeResult<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** A call body over `MAX_BODY_BYTES`: answered 413, and the rest of it is not read. */
class BodyTooLargeError extends Error {}

async function readBody(req: http.IncomingMessage): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer and carries the contract on 127.0.0.1 only: `POST /api/call/<channel>` (header
 * `x-bridge-token`) and a WebSocket at `/bridge?token=…`. Every call needs the per-run token; a browser Origin other
 * than our own is refused; input is validated by `dispatch`.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = options.token ?? newToken();
  let origin = '';
  let port = 0;

  const server = http.createServer((req, res) => {
    void handleHttp(req, res).catch((err: unknown) => {
      logger.error(`Browser host request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The host failed.' } });
    });
  });

  const misdirected = () => `This server answers only to 127.0.0.1:${port} or localhost:${port}.`;

  async function handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!hostAllowed(port, req.headers.host)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(misdirected());
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/call/')) {
      if (req.method !== 'POST')
        return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST.' } });
      if (!originAllowed(origin, req.headers.origin)) {
        return sendJson(
          res,
          403,
          refusal('forbidden_origin', 'Calls are only accepted from the app itself.'),
        );
      }
      if (!tokenMatches(token, req.headers[BRIDGE_TOKEN_HEADER] as string | undefined)) {
        return sendJson(
          res,
          401,
          refusal('unauthorized', 'This call needs the token printed when the app started.'),
        );
      }
      let input: unknown;
      try {
        const text = await readBody(req);
        input = text.trim() === '' ? {} : JSON.parse(text);
      } catch (err) {
        if (err instanceof BodyTooLargeError) {
          res.setHeader('connection', 'close');
          return sendJson(
            res,
            413,
            refusal('invalid_input', `A call may carry at most ${MAX_BODY_BYTES} bytes.`),
          );
        }
        const message = err instanceof Error ? err.message : 'unreadable';
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: `The request body is not JSON: ${message}` },
        });
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/call/'.length));
      const result = await dispatch(options.handlers, channel, input);
      return sendJson(res, result.ok ? 200 : result.error.code === 'unknown_channel' ? 404 : 400, result);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'Method not allowed' });
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        url.pathname === '/' ? 'The app has not been built yet: run `npm run build:renderer`.' : 'Not found',
      );
      return;
    }
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-security-policy': hostCsp(origin),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const reject = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!hostAllowed(port, req.headers.host)) return reject(421, 'Misdirected Request');
    if (url.pathname !== '/bridge') return reject(404, 'Not Found');
    if (req.headers.origin !== origin) return reject(403, 'Forbidden');
    if (!tokenMatches(token, url.searchParams.get('token'))) return reject(401, 'Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = JSON.stringify({ type: 'event', event, payload });
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(frame);
  });

  wss.on('connection', (ws: WebSocket) => {
    // ws closes the socket itself (1009 for a message over maxPayload, 1002 for a protocol error); without this
    // listener the 'error' event would be unhandled and take the whole host down.
    ws.on('error', (err: Error) => {
      logger.warn(`Browser host closed a WebSocket: ${err.message}`);
    });
    ws.on('message', (data: Buffer) => {
      void answer(ws, data.toString('utf8'));
    });
  });

  async function answer(ws: WebSocket, text: string): Promise<void> {
    let call: WireCall;
    try {
      call = WireCall.parse(JSON.parse(text));
    } catch {
      ws.send(
        JSON.stringify({
          type: 'result',
          id: -1,
          result: { ok: false, error: { code: 'invalid_input', message: 'Not a call message.' } },
        }),
      );
      return;
    }
    const result = await dispatch(options.handlers, call.channel, call.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'result', id: call.id, result }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    async close() {
      unsubscribe();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
