import { createHmac } from 'node:crypto';
import http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';
import { pendingWebhookInvoices } from '../../../main/storage/webhook-queue';
import { startWebhookReceiver, type WebhookReceiver } from '../../../main/webhooks/receiver';
import { signatureMatches } from '../../../main/webhooks/signature';
import { maxEventAgeMs } from '../../../main/webhooks/event-time';
import { WebhookConfig } from '../../../shared/profile-config';
import { TEST_DAY } from '../../support/test-day';

const KEY = 'k'.repeat(40);
const sign = (body: string, encoding: 'hex' | 'base64' = 'hex') =>
  createHmac('sha256', KEY).update(body).digest(encoding);

/** The receiver's clock in these tests. */
const NOW = new Date(TEST_DAY);
const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs).toISOString();

/** Leaves `time` out of the event. */
const NO_TIME = Symbol('no time');

function event(id: string, time: unknown = at(-60_000)): string {
  return JSON.stringify({
    specversion: '1.0',
    id,
    type: 'tn.acc.invoice-posted',
    ...(time === NO_TIME ? {} : { time }),
    source: 'https://webhooks.servicetitan.io',
    data: { invoice: { id: 60001 }, tenantId: 1 },
  });
}

describe('signatureMatches', () => {
  it('accepts the right HMAC in hex or base64 and refuses anything else', () => {
    const body = Buffer.from('{"a":1}');
    expect(signatureMatches(body, sign('{"a":1}'), KEY, 'hex')).toBe(true);
    expect(signatureMatches(body, sign('{"a":1}', 'base64'), KEY, 'base64')).toBe(true);
    expect(signatureMatches(body, sign('{"a":2}'), KEY, 'hex')).toBe(false);
    expect(signatureMatches(body, 'short', KEY, 'hex')).toBe(false);
    expect(signatureMatches(body, undefined, KEY, 'hex')).toBe(false);
  });
});

describe('webhook receiver', () => {
  let db: Ledger;
  let receiver: WebhookReceiver;
  let queued: string[];

  beforeEach(async () => {
    db = openLedger(':memory:');
    queued = [];
    receiver = await startWebhookReceiver({
      db,
      profileId: 'p1',
      hmacKey: KEY,
      maxAgeMs: 48 * HOUR,
      onInvoice: (id) => queued.push(id),
      now: () => NOW,
    });
  });
  afterEach(async () => {
    await receiver.close();
    db.close();
  });

  const post = (body: string | Buffer, signature: string | null = sign(body.toString())) =>
    fetch(receiver.url, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        ...(signature === null ? {} : { 'x-servicetitan-signature': signature }),
      },
    });
  const refusal = async (res: Response) => ({ status: res.status, error: ((await res.json()) as any).error });

  it('listens on 127.0.0.1 only', () => expect(receiver.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/));

  it('answers 200 to a signed event and then queues the invoice, once per event id', async () => {
    const body = event('evt-1');
    expect((await post(body)).status).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(queued).toEqual(['60001']);
    expect(pendingWebhookInvoices(db, 'p1')).toEqual(['60001']);
    const repeat = await post(body);
    expect(repeat.status).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(queued).toEqual(['60001']);
  });

  it('refuses a bad signature and a body that is not an event', async () => {
    expect((await post(event('evt-2'), sign('other'))).status).toBe(401);
    expect((await post('{"hello":1}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect((await fetch(receiver.url)).status).toBe(405);
    expect(queued).toEqual([]);
  });

  it('refuses unsigned, future-dated, unparseable-time and missing-time events with a plain reason', async () => {
    expect(await refusal(await post(event('evt-u'), null))).toEqual({
      status: 401,
      error: 'The event is not signed.',
    });
    // Within the 5-minute clock-skew allowance is fine; beyond it is refused.
    expect((await post(event('evt-skew', at(4 * 60_000)))).status).toBe(200);
    const future = await refusal(await post(event('evt-f', at(10 * 60_000))));
    expect(future.status).toBe(400);
    expect(future.error).toMatch(/future/);
    for (const time of ['yesterday', '2026-06-19', '1', 12345, '2026-13-45T99:00:00Z']) {
      const bad = await refusal(await post(event('evt-p', time)));
      expect(bad.status).toBe(400);
      expect(bad.error).toMatch(/not a date and time/);
    }
    for (const time of [NO_TIME, '', null]) {
      expect(await refusal(await post(event('evt-m', time)))).toEqual({
        status: 400,
        error: 'The event has no time.',
      });
    }
    await new Promise((r) => setImmediate(r));
    expect(queued).toEqual(['60001']);
    expect(pendingWebhookInvoices(db, 'p1')).toEqual(['60001']);
  });

  it('acknowledges an event older than the window with 200 (final for ServiceTitan) but does not act on it', async () => {
    const old = await post(event('evt-old', at(-49 * HOUR)));
    expect(old.status).toBe(200);
    expect(await old.json()).toMatchObject({ status: 'stale' });
    expect((await post(event('evt-inside', at(-47 * HOUR)))).status).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(queued).toEqual(['60001']);
    // The stale one was not recorded: only the event inside the window is in the queue.
    expect(pendingWebhookInvoices(db, 'p1')).toEqual(['60001']);
  });

  it('answers a 10 MB body with 413 (not a reset) and then still takes a good signed event', async () => {
    const huge = Buffer.alloc(10 * 1024 * 1024, 0x20);
    const res = await post(huge, sign(huge.toString()));
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).error).toMatch(/larger than/);
    expect((await post(event('evt-after'))).status).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(queued).toEqual(['60001']);
  });

  it('answers 413 over a plain socket that keeps sending, then closes it', async () => {
    const { port } = new URL(receiver.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 3; i++) req.write(chunk);
      req.end();
    });
    expect(status).toBe(413);
  });
});

describe('webhook staleness setting', () => {
  it('is validated as whole hours from 1 to a year, 30 days when unset', () => {
    expect(WebhookConfig.parse({ maxEventAgeHours: 720 }).maxEventAgeHours).toBe(720);
    for (const bad of [0, 1.5, 8761, '24']) {
      expect(WebhookConfig.safeParse({ maxEventAgeHours: bad }).success).toBe(false);
    }
    expect(maxEventAgeMs(undefined)).toBe(30 * 24 * HOUR);
    expect(maxEventAgeMs(2)).toBe(2 * HOUR);
  });
});
