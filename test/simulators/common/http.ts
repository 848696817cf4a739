import type http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A parsed incoming request with its raw body. */
export interface SimRequest {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  rawBody: Buffer;
  /** JSON or form body, when there is one. */
  body: unknown;
  hasBody: boolean;
}

/** What a handler answers. `headers` values are strings. `body` undefined means an empty body. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Send `body` as given (a string) instead of JSON. */
  raw?: boolean;
}

/** Reads the whole body and parses JSON or `application/x-www-form-urlencoded`. Throws a 400-worthy Error on bad JSON. */
export async function readRequest(req: http.IncomingMessage): Promise<SimRequest> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const rawBody = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const type = String(req.headers['content-type'] ?? '');
  let body: unknown = undefined;
  const hasBody = rawBody.length > 0;
  if (hasBody) {
    if (type.includes('application/x-www-form-urlencoded'))
      body = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
    else if (type.includes('json') || type === '') body = JSON.parse(rawBody.toString('utf8'));
    else body = rawBody.toString('utf8');
  }
  return { method: (req.method ?? 'GET').toUpperCase(), url, headers: req.headers, rawBody, body, hasBody };
}

/** Writes a SimResponse. */
export function writeResponse(res: http.ServerResponse, r: SimResponse): void {
  const headers: Record<string, string> = { ...r.headers };
  let payload: string | undefined;
  if (r.body !== undefined) {
    payload = r.raw && typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    if (!headers['content-type'] && !headers['Content-Type']) {
      headers['content-type'] = r.raw ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
    }
  }
  res.writeHead(r.status, headers);
  res.end(payload);
}

/** Starts an HTTP server on 127.0.0.1 (port 0 = a free one) and resolves with its base URL. */
export async function listen(server: http.Server, port = 0): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: actual } = server.address() as AddressInfo;
  return `http://127.0.0.1:${actual}`;
}

/** Closes a server and every open connection. */
export async function close(server: http.Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Deterministic pseudo-random generator (mulberry32) for seeded data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
