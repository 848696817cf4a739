import http from 'node:http';
import { close, listen, readRequest } from '../../simulators/common/http';

/** One exchange seen by the proxy. */
export interface Exchange {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  hasBody: boolean;
  status: number;
  responseBody: unknown;
}

/** A pass-through HTTP proxy that records every request and answer, to check both against the spec. */
export async function startRecordingProxy(
  target: string,
): Promise<{ url: string; exchanges: Exchange[]; stop(): Promise<void> }> {
  const exchanges: Exchange[] = [];
  const server = http.createServer((req, res) => {
    void (async () => {
      const parsed = await readRequest(req);
      const upstream = await fetch(new URL(parsed.url.pathname + parsed.url.search, target), {
        method: parsed.method,
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            ([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k),
          ),
        ) as Record<string, string>,
        body: parsed.hasBody ? new Uint8Array(parsed.rawBody) : undefined,
      });
      const text = await upstream.text();
      let responseBody: unknown = text;
      try {
        responseBody = JSON.parse(text);
      } catch {
        // not JSON: keep the text
      }
      exchanges.push({
        method: parsed.method,
        url: parsed.url,
        headers: req.headers,
        body: parsed.body,
        hasBody: parsed.hasBody,
        status: upstream.status,
        responseBody,
      });
      const headers: Record<string, string> = {};
      upstream.headers.forEach((v, k) => {
        if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(k)) headers[k] = v;
      });
      res.writeHead(upstream.status, headers);
      res.end(text);
    })().catch(() => res.destroy());
  });
  const url = await listen(server);
  return { url, exchanges, stop: () => close(server) };
}
