import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';
import { pendingWebhookInvoices } from '../../../main/storage/webhook-queue';
import { startWebhookReceiver, type WebhookReceiver } from '../../../main/webhooks/receiver';
import { signatureMatches } from '../../../main/webhooks/signature';

const KEY = 'k'.repeat(40);
const sign = (body: string, encoding: 'hex' | 'base64' = 'hex') =>
  createHmac('sha256', KEY).update(body).digest(encoding);

function event(id: string, time = new Date().toISOString()): string {
  return JSON.stringify({
    specversion: '1.0',
    id,
    type: 'tn.acc.invoice-posted',
    time,
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
      onInvoice: (id) => queued.push(id),
    });
  });
  afterEach(async () => {
    await receiver.close();
    db.close();
  });

  const post = (body: string, signature = sign(body)) =>
    fetch(receiver.url, {
      method: 'POST',
      body,
      headers: { 'x-servicetitan-signature': signature, 'content-type': 'application/json' },
    });

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

  it('refuses a bad signature, a stale event and a body that is not an event', async () => {
    expect((await post(event('evt-2'), sign('other'))).status).toBe(401);
    expect((await post(event('evt-3', '2020-01-01T00:00:00Z'))).status).toBe(409);
    expect((await post('{"hello":1}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect((await fetch(receiver.url)).status).toBe(405);
    expect(queued).toEqual([]);
  });
});
