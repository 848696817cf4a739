import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Ledger } from '../storage/types';
import { recordEvent } from '../storage/webhook-queue';
import { signatureMatches } from './signature';

/** A ServiceTitan CloudEvent, as far as the receiver needs it (the invoice event carries no lines). */
const CloudEvent = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1),
  time: z.string().optional(),
  data: z.looseObject({ invoice: z.looseObject({ id: z.number().int() }).optional() }).optional(),
});

/** Options of the webhook receiver. */
export interface WebhookReceiverOptions {
  db: Ledger;
  profileId: string;
  hmacKey: string;
  port?: number;
  host?: string;
  signatureHeader?: string;
  signatureEncoding?: 'hex' | 'base64';
  /** Events older than this are refused as stale (default 24 h). */
  maxAgeMs?: number;
  /** Called after the 200 answer with the invoice id to fetch. */
  onInvoice: (invoiceId: string) => void;
  now?: () => Date;
}

/** A running receiver. */
export interface WebhookReceiver {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function answer(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Starts the local webhook listener (off by default; the app starts it when the profile enables it). It verifies
 * the HMAC over the raw body in constant time, refuses stale events, acknowledges repeated event ids without acting on them again, answers 200 at once and only
 * then queues the fetch of the full invoice.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const header = (options.signatureHeader ?? 'x-servicetitan-signature').toLowerCase();
  const encoding = options.signatureEncoding ?? 'hex';
  const maxAge = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
  const now = options.now ?? (() => new Date());
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST') return answer(res, 405, { error: 'Only POST is accepted.' });
      const raw = await readBody(req);
      if (raw === null) return answer(res, 413, { error: 'The body is too large.' });
      const signature = req.headers[header];
      if (
        !signatureMatches(raw, Array.isArray(signature) ? signature[0] : signature, options.hmacKey, encoding)
      ) {
        return answer(res, 401, { error: 'The signature does not match.' });
      }
      let parsed;
      try {
        parsed = CloudEvent.safeParse(JSON.parse(raw.toString('utf8')));
      } catch {
        return answer(res, 400, { error: 'The body is not JSON.' });
      }
      if (!parsed.success) return answer(res, 400, { error: 'The body is not a ServiceTitan event.' });
      const event = parsed.data;
      if (event.time && now().getTime() - Date.parse(event.time) > maxAge)
        return answer(res, 409, { error: 'The event is stale.' });
      const invoiceId =
        event.type.startsWith('tn.acc.invoice-') && event.data?.invoice
          ? String(event.data.invoice.id)
          : null;
      if (!recordEvent(options.db, options.profileId, event.id, event.type, invoiceId, now().toISOString())) {
        // A repeat means ServiceTitan missed our first answer: acknowledge it so the retries stop, but do nothing.
        return answer(res, 200, { status: 'duplicate' });
      }
      answer(res, 200, { status: 'queued' });
      if (invoiceId) setImmediate(() => options.onInvoice(invoiceId));
    })().catch(() => {
      if (!res.headersSent) answer(res, 500, { error: 'The event could not be stored.' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
