import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { Ledger } from '../storage/types';
import { recordEvent } from '../storage/webhook-queue';
import { checkEventTime, maxEventAgeMs } from './event-time';
import { signatureMatches } from './signature';

/** A ServiceTitan CloudEvent, as far as the receiver needs it (the invoice event carries no lines). */
const CloudEvent = z.looseObject({
  id: z.string().min(1).max(200),
  type: z.string().min(1),
  // Required by ServiceTitan's schema (date-time); judged by checkEventTime for a plain reason.
  time: z.unknown().optional(),
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
  /** Events older than this are acknowledged but not acted on (default 30 days; see `event-time.ts`). */
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
/**
 * Past MAX_BODY up to this much more is read and thrown away, so that a client still sending its body gets the 413
 * (closing a socket with unread data makes TCP answer with a reset instead). Beyond it the connection is cut.
 */
const MAX_DISCARD = 64 * 1024 * 1024;

type Body = { raw: Buffer } | { tooLarge: true; drained: boolean };

function readBody(req: http.IncomingMessage): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
      else if (size > MAX_BODY + MAX_DISCARD) {
        req.off('data', onData);
        req.pause();
        resolve({ tooLarge: true, drained: false });
      }
    };
    req.on('data', onData);
    req.on('end', () =>
      resolve(size > MAX_BODY ? { tooLarge: true, drained: true } : { raw: Buffer.concat(chunks) }),
    );
    req.on('error', reject);
  });
}

/** The answer to one delivery, and the invoice to fetch once it is sent. */
interface Outcome {
  status: number;
  body: Record<string, unknown>;
  invoiceId?: string;
}

interface Judge {
  db: Ledger;
  profileId: string;
  hmacKey: string;
  encoding: 'hex' | 'base64';
  maxAgeMs: number;
  now: () => Date;
}

/** Decides what a signed-or-not body gets: refusals carry a plain reason in `error`. */
function judgeDelivery(raw: Buffer, signature: string | undefined, judge: Judge): Outcome {
  if (!signature) return { status: 401, body: { error: 'The event is not signed.' } };
  if (!signatureMatches(raw, signature, judge.hmacKey, judge.encoding))
    return { status: 401, body: { error: 'The signature does not match.' } };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    return { status: 400, body: { error: 'The body is not JSON.' } };
  }
  const parsed = CloudEvent.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: 'The body is not a ServiceTitan event.' } };
  const event = parsed.data;
  const time = checkEventTime(event.time, judge.now(), judge.maxAgeMs);
  if (time.verdict === 'refused') return { status: 400, body: { error: time.reason } };
  // ServiceTitan counts only a 2xx as delivered: anything else is retried (10, 30, 60, 300 s) and then shown as failed,
  // to be replayed by hand — which would be refused again. So an authentic but old event is acknowledged with 200 and
  // not acted on; the scheduled sync reads the invoice from ServiceTitan anyway.
  if (time.verdict === 'stale') return { status: 200, body: { status: 'stale', reason: time.reason } };
  const invoiceId =
    event.type.startsWith('tn.acc.invoice-') && event.data?.invoice ? String(event.data.invoice.id) : null;
  if (!recordEvent(judge.db, judge.profileId, event.id, event.type, invoiceId, judge.now().toISOString())) {
    // A repeat means ServiceTitan missed our first answer: acknowledge it so the retries stop, but do nothing.
    return { status: 200, body: { status: 'duplicate' } };
  }
  return { status: 200, body: { status: 'queued' }, ...(invoiceId ? { invoiceId } : {}) };
}

function answer(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/**
 * Starts the local webhook listener (off by default; the app starts it when the profile enables it). It verifies
 * the HMAC over the raw body in constant time, refuses events without a sound time, acknowledges stale and repeated
 * events without acting on them, answers 200 at once and only then queues the fetch of the full invoice.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const header = (options.signatureHeader ?? 'x-servicetitan-signature').toLowerCase();
  const judge: Judge = {
    db: options.db,
    profileId: options.profileId,
    hmacKey: options.hmacKey,
    encoding: options.signatureEncoding ?? 'hex',
    maxAgeMs: options.maxAgeMs ?? maxEventAgeMs(undefined),
    now: options.now ?? (() => new Date()),
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== 'POST') return answer(res, 405, { error: 'Only POST is accepted.' });
      const body = await readBody(req);
      if ('tooLarge' in body) {
        res.setHeader('connection', 'close');
        if (!body.drained) res.once('finish', () => req.socket.destroy());
        return answer(res, 413, { error: `The body is larger than ${MAX_BODY} bytes.` });
      }
      const signature = req.headers[header];
      const outcome = judgeDelivery(body.raw, Array.isArray(signature) ? signature[0] : signature, judge);
      answer(res, outcome.status, outcome.body);
      const { invoiceId } = outcome;
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
