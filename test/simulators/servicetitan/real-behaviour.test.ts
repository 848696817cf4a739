/**
 * The simulator behaves like ServiceTitan where that differs from the convenient way (README "Behaviour beyond the
 * spec"). Raw HTTP only, the way other people's production clients call it: nothing here uses our client.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_DAY } from '../../support/test-day';
import { close, listen, readRequest } from '../common/http';
import type { BillRec, InvoiceRec } from './data/types';
import { SimulatorViolationError, startServiceTitanSimulator } from './index';
import type { ServiceTitanSimulator, ServiceTitanSimulatorOptions } from './index';
import { oddApBill, oddInvoice } from './odd-documents';

let sim: ServiceTitanSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(options: ServiceTitanSimulatorOptions = {}): Promise<ServiceTitanSimulator> {
  sim = await startServiceTitanSimulator({
    seed: 4,
    invoices: 40,
    bills: 10,
    anchorDate: TEST_DAY,
    ...options,
  });
  return sim;
}

async function tokenFor(s: ServiceTitanSimulator, clientId = s.clientId, secret = s.clientSecret) {
  const res = await fetch(s.authUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
    }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function api(s: ServiceTitanSimulator, path: string, authorization?: string) {
  const token = authorization ?? `Bearer ${String((await tokenFor(s)).body.access_token)}`;
  const res = await fetch(`${s.apiBaseUrl}/accounting/v2/tenant/${s.tenantId}${path}`, {
    headers: { 'st-app-key': s.appKey, authorization: token },
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

interface FeedRead {
  ids: number[];
  pages: number;
  tokens: string[];
  repeatedOwnToken: number;
}

/** Reads `/export/invoices` the way the Singer tap does: follow `continueFrom` until an empty page, ignoring hasMore. */
async function readUntilEmpty(s: ServiceTitanSimulator, authorization: string): Promise<FeedRead> {
  const out: FeedRead = { ids: [], pages: 0, tokens: [], repeatedOwnToken: 0 };
  let from: string | undefined;
  for (let guard = 0; guard < 100; guard++) {
    const page = await api(
      s,
      `/export/invoices${from ? `?from=${encodeURIComponent(from)}` : ''}`,
      authorization,
    );
    expect(page.status).toBe(200);
    const body = page.body as { hasMore: boolean; continueFrom: string; data: { id: number }[] };
    out.pages++;
    if (body.continueFrom === from) out.repeatedOwnToken++;
    out.tokens.push(body.continueFrom);
    if (body.data.length === 0) {
      expect(body.hasMore).toBe(false);
      return out;
    }
    out.ids.push(...body.data.map((r) => r.id));
    from = body.continueFrom;
  }
  throw new Error('the export feed never ended');
}

describe('export feed', () => {
  for (const exportEnd of ['exact', 'until-empty'] as const) {
    it(`gives 1,200 invoices exactly once when read until an empty page, never repeating a token (${exportEnd})`, async () => {
      const s = await start({ invoices: 1200, exportEnd, secondTenant: false });
      const auth = `Bearer ${String((await tokenFor(s)).body.access_token)}`;
      const read = await readUntilEmpty(s, auth);
      expect(read.ids).toHaveLength(1200);
      expect(new Set(read.ids).size).toBe(1200);
      expect(read.pages).toBe(4);
      expect(read.repeatedOwnToken).toBe(0);
      expect(new Set(read.tokens).size).toBe(read.tokens.length);

      // hasMore on the last page with data is what the switch decides.
      const third = await api(s, `/export/invoices?from=${encodeURIComponent(read.tokens[1]!)}`, auth);
      expect((third.body.data as unknown[]).length).toBe(200);
      expect(third.body.hasMore).toBe(exportEnd === 'until-empty');
    });
  }

  it('puts a changed or newly stored invoice at the end, whatever its modifiedOn says', async () => {
    const s = await start();
    const auth = `Bearer ${String((await tokenFor(s)).body.access_token)}`;
    const read = await readUntilEmpty(s, auth);
    const cursor = read.tokens[read.tokens.length - 1]!;
    const base = s.records('invoices')[0] as InvoiceRec;
    s.addDocuments('invoices', [{ ...oddInvoice(base, 1), modifiedOn: '0001-01-01T00:00:00Z' }]);
    s.modify('invoices', base.id, { summary: 'Endret' });
    const later = await api(s, `/export/invoices?from=${encodeURIComponent(cursor)}`, auth);
    expect((later.body.data as { id: number }[]).map((r) => r.id)).toEqual([900_002, base.id]);
  });
});

describe('tokens and query binding', () => {
  it('accepts the access token bare and with a Bearer scheme in any case; refuses other schemes', async () => {
    const s = await start();
    const token = String((await tokenFor(s)).body.access_token);
    for (const header of [token, `Bearer ${token}`, `bearer ${token}`, `BEARER  ${token}`])
      expect((await api(s, '/tax-zones', header)).status, header.slice(0, 8)).toBe(200);
    expect((await api(s, '/tax-zones', `Basic ${token}`)).status).toBe(401);
    expect((await api(s, '/tax-zones', 'st_made_up')).status).toBe(401);
  });

  it('binds .NET booleans and enum names in any case, as ASP.NET does', async () => {
    const s = await start();
    const auth = `Bearer ${String((await tokenFor(s)).body.access_token)}`;
    const total = await api(s, '/invoices?includeTotal=True&pageSize=5', auth);
    expect(total.status).toBe(200);
    expect(total.body.totalCount).toBeGreaterThan(5);
    const zones = s.records('tax-zones');
    s.modify('tax-zones', zones[0]!.id, { active: false });
    const inactive = await api(s, '/tax-zones?active=false', auth);
    expect((inactive.body.data as { id: number }[]).map((z) => z.id)).toEqual([zones[0]!.id]);
    const any = await api(s, '/tax-zones?ACTIVE=any&includeTotal=TRUE', auth);
    expect(any.body.totalCount).toBe(zones.length);
    const posted = await api(s, '/invoices?statuses=posted&includeTotal=true&pageSize=1', auth);
    expect(posted.body.totalCount).toBe(
      s.records('invoices').filter((i) => i.syncStatus === 'Posted').length,
    );
    expect((await api(s, '/invoices?includeTotal=yes', auth)).status).toBe(400);
  });
});

describe('throttling', () => {
  it('throttles token requests per client id with 429, Retry-After and the gateway wording, on the simulated clock', async () => {
    const s = await start();
    s.setRateLimits({ token: { burst: 2, perSecond: 0.01 } });
    expect((await tokenFor(s)).status).toBe(200);
    expect((await tokenFor(s)).status).toBe(200);
    const throttled = await tokenFor(s);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('100');
    expect(throttled.body).toEqual({
      statusCode: 429,
      message: 'Rate limit is exceeded. Try again in 100 seconds.',
    });
    // Another client has its own bucket; the clock refills this one.
    const other = s.tenants[1]!;
    expect((await tokenFor(s, other.clientId, other.clientSecret)).status).toBe(200);
    s.advanceClock(100_000);
    expect((await tokenFor(s)).status).toBe(200);
  });

  it('throttles by default, sends 429 in the gateway wording, and can leave Retry-After out', async () => {
    const s = await start();
    expect(s.rateLimits()).toEqual({
      apiPerSecond: 60,
      token: { burst: 10, perSecond: 5 },
      retryAfterHeader: true,
    });
    s.addFault({ kind: 'status', status: 429, retryAfter: 7, count: 1, pathIncludes: '/tax-zones' });
    const limited = await api(s, '/tax-zones');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.body.message).toBe('Rate limit is exceeded. Try again in 7 seconds.');
    s.setRateLimits({ retryAfterHeader: false });
    s.addFault({ kind: 'status', status: 429, retryAfter: 2, count: 1, pathIncludes: '/tax-zones' });
    const bare = await api(s, '/tax-zones');
    expect(bare.headers.get('retry-after')).toBeNull();
    expect(bare.body.message).toBe('Rate limit is exceeded. Try again in 2 seconds.');
  });
});

describe('webhooks', () => {
  it('stamps CloudEvent time with the simulated clock', async () => {
    const bodies: string[] = [];
    const receiver = http.createServer((req, res) => {
      void readRequest(req).then((r) => {
        bodies.push(r.rawBody.toString('utf8'));
        res.writeHead(200).end();
      });
    });
    const url = await listen(receiver);
    try {
      const s = await start({ webhook: { url, hmacKey: 'k'.repeat(32) } });
      s.advanceClock(30 * 86_400_000);
      const expected = s.now();
      await s.emitWebhook('tn.acc.invoice-updated', s.records('invoices')[0]!.id);
      const time = Date.parse((JSON.parse(bodies[0]!) as { time: string }).time);
      expect(time).toBeGreaterThanOrEqual(expected);
      expect(time - Date.now()).toBeGreaterThan(29 * 86_400_000);
    } finally {
      await close(receiver);
    }
  });
});

describe('raw documents', () => {
  it('stores spec-valid adversarial invoices and AP bills exactly as given and serves them unchanged', async () => {
    const s = await start();
    const invoices = Array.from({ length: 24 }, (_, i) =>
      oddInvoice(s.records('invoices')[i % 5] as InvoiceRec, i),
    );
    const bills = Array.from({ length: 18 }, (_, i) => oddApBill(s.records('ap-bills')[i % 5] as BillRec, i));
    const post = async (resource: string, body: unknown) =>
      fetch(`${s.baseUrl}/__sim/tenants/${s.tenantId}/raw/${resource}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('invoices', invoices)).status).toBe(201);
    expect((await post('ap-bills', bills)).status).toBe(201);
    for (const invoice of invoices) expect(s.get('invoices', invoice.id)).toEqual(invoice);
    for (const bill of bills) expect(s.get('ap-bills', bill.id)).toEqual(bill);

    const auth = `Bearer ${String((await tokenFor(s)).body.access_token)}`;
    const ids = invoices.map((i) => i.id).join(',');
    const listed = await api(s, `/invoices?ids=${ids.split(',').slice(0, 24).join(',')}&pageSize=50`, auth);
    expect(listed.body.data).toEqual(expect.arrayContaining(invoices));
    const allBills = await api(s, '/ap-bills?billType=NotSet&pageSize=500', auth);
    expect(allBills.body.data).toEqual(expect.arrayContaining(bills));

    const refused = await post('invoices', [invoices[0], { ...invoices[1], total: 12.5 }]);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/invoices\[1\].*total/);
  });
});

describe('spec violations', () => {
  it('fails stop() with every answer that broke the spec, unless the test expects it', async () => {
    const s = await start();
    // Break a stored record behind the simulator's back, so its answers no longer match the spec.
    (s.get('invoices', s.records('invoices')[0]!.id) as InvoiceRec).sentStatus = 'Lost';
    const answer = await api(s, '/invoices?pageSize=5');
    expect(answer.status).toBe(500);
    expect(s.violations()).toEqual([expect.stringMatching(/^Invoices_GetList: .*sentStatus/)]);
    sim = undefined;
    const error = (await s.stop().catch((e: unknown) => e)) as SimulatorViolationError;
    expect(error).toBeInstanceOf(SimulatorViolationError);
    expect(error.violations).toHaveLength(1);

    const again = await start();
    (again.get('invoices', again.records('invoices')[0]!.id) as InvoiceRec).sentStatus = 'Lost';
    again.expectViolations(/sentStatus/);
    expect((await api(again, '/invoices?pageSize=5')).status).toBe(500);
    expect(again.unexpectedViolations()).toEqual([]);
  });
});
