/**
 * Our client against the simulator where ServiceTitan behaves differently from the convenient way: exclusive
 * continuation tokens ending on an empty page, a throttled sign-in, 429s in the gateway's wording, and adversarial
 * but spec-valid documents.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  StRateLimitedError,
  createServiceTitanClient,
  type StClientOptions,
  type StRejectedRecord,
} from '../../../main/servicetitan';
import { startServiceTitanSimulator } from '../../simulators/servicetitan';
import type { ServiceTitanSimulator, ServiceTitanSimulatorOptions } from '../../simulators/servicetitan';
import type { BillRec, InvoiceRec } from '../../simulators/servicetitan/data/types';
import { oddApBill, oddInvoice } from '../../simulators/servicetitan/odd-documents';
import { TEST_DAY } from '../../support/test-day';

let sim: ServiceTitanSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(options: ServiceTitanSimulatorOptions = {}): Promise<ServiceTitanSimulator> {
  sim = await startServiceTitanSimulator({
    seed: 6,
    invoices: 40,
    bills: 12,
    anchorDate: TEST_DAY,
    ...options,
  });
  return sim;
}

const fast: StClientOptions = { backoffBaseMs: 5, random: () => 0.5 };

async function drain<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('export feed with exclusive tokens', () => {
  for (const exportEnd of ['exact', 'until-empty'] as const) {
    it(`reads 1,200 invoices exactly once and ends without a repeated token (${exportEnd})`, async () => {
      const s = await start({ invoices: 1200, exportEnd, secondTenant: false });
      const client = createServiceTitanClient(s.connection(), fast);
      const pages = await drain(client.invoices.exportFeed());
      const ids = pages.flatMap((p) => p.data.map((i) => i.id));
      expect(ids).toHaveLength(1200);
      expect(new Set(ids).size).toBe(1200);
      const tokens = pages.map((p) => p.continueFrom);
      expect(new Set(tokens).size).toBe(tokens.length);
      // exact: the third page says it is the last; until-empty: a fourth, empty page ends the feed.
      expect(client.calls().byEndpoint.Export_Invoices).toBe(exportEnd === 'exact' ? 3 : 4);

      // Resuming from the saved cursor: an empty page with a new token, then exactly what changed.
      const cursor = tokens[tokens.length - 1]!;
      const idle = await drain(client.invoices.exportFeed(cursor));
      expect(idle).toEqual([
        { data: [], continueFrom: expect.not.stringMatching(`^${cursor}$`) as string, hasMore: false },
      ]);
      s.modify('invoices', 60_007, { summary: '<p>Endret</p>' });
      const later = await drain(client.invoices.exportFeed(idle[0]!.continueFrom));
      expect(later.flatMap((p) => p.data.map((i) => i.id))).toEqual([60_007]);
    });
  }

  it('reads the invoice-items feed to its end as well', async () => {
    const s = await start({ exportPageSize: 25 });
    const client = createServiceTitanClient(s.connection(), fast);
    const lines = (await drain(client.invoices.exportItems())).flatMap((p) => p.data);
    const expected = s.records('invoices').flatMap((i) => (i as InvoiceRec).items ?? []);
    expect(lines.map((l) => l.id).sort((a, b) => a - b)).toEqual(
      expected.map((l) => l.id).sort((a, b) => a - b),
    );
  });
});

describe('sign-in', () => {
  it('waits out a throttled, failing or dropped token endpoint instead of failing the run', async () => {
    const s = await start();
    const client = createServiceTitanClient(s.connection(), fast);
    s.addFault({ kind: 'status', status: 429, retryAfter: 0, count: 2, pathIncludes: 'connect/token' });
    s.addFault({ kind: 'status', status: 503, count: 1, pathIncludes: 'connect/token' });
    s.addFault({ kind: 'drop', count: 1, pathIncludes: 'connect/token' });
    expect((await drain(client.taxZones())).length).toBeGreaterThan(0);
    expect(s.calls().byEndpoint.token).toBe(5);
    expect(s.tokensIssued()).toBe(1);
  });

  it("ends with a plain rate-limit error when the token endpoint's own throttle does not let up, and recovers later", async () => {
    const s = await start();
    const client = createServiceTitanClient(s.connection(), { ...fast, maxRateLimitWaits: 0 });
    await drain(client.taxZones());
    // One token a minute from now on; two revocations in a row need two sign-ins.
    s.setRateLimits({ token: { burst: 1, perSecond: 1 / 60 } });
    s.revokeTokens();
    await drain(client.taxZones());
    s.revokeTokens();
    const error = await drain(client.taxZones()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StRateLimitedError);
    expect((error as StRateLimitedError).message).toMatch(/limiting how fast.*continue on the next run/);
    expect((error as StRateLimitedError).retryAfterMs).toBe(60_000);
    expect(s.calls().byEndpoint.token).toBe(3);
    s.advanceClock(61_000);
    expect((await drain(client.taxZones())).length).toBeGreaterThan(0);
    expect(s.calls().byEndpoint.token).toBe(4);
  });

  it('uses the seconds in the gateway message when a 429 comes without Retry-After', async () => {
    const s = await start({ retryAfterHeader: false });
    // A backoff guess would wait 10 s here (over the test timeout); the message says 0 s.
    const client = createServiceTitanClient(s.connection(), { backoffBaseMs: 60_000, random: () => 1 });
    s.addFault({ kind: 'status', status: 429, retryAfter: 0, count: 2, pathIncludes: '/tax-zones' });
    expect((await drain(client.taxZones())).length).toBeGreaterThan(0);
    expect(s.calls().byEndpoint.TaxZones_GetList).toBe(3);
  });
});

describe('adversarial but spec-valid documents', () => {
  it('reach the caller exactly as ServiceTitan sent them, none rejected', async () => {
    const s = await start();
    const invoices = Array.from({ length: 60 }, (_, i) =>
      oddInvoice(s.records('invoices')[i % 7] as InvoiceRec, i),
    );
    const bills = Array.from({ length: 45 }, (_, i) => oddApBill(s.records('ap-bills')[i % 6] as BillRec, i));
    s.addDocuments('invoices', invoices);
    s.addDocuments('ap-bills', bills);
    const client = createServiceTitanClient(s.connection(), fast);
    const rejected: StRejectedRecord[] = [];
    const onRejected = (r: StRejectedRecord) => rejected.push(r);

    const listed = await drain(client.invoices.list({ ids: invoices.map((i) => i.id) }, { onRejected }));
    expect(listed).toEqual(invoices);
    const fed = (await drain(client.invoices.exportFeed(undefined, { onRejected }))).flatMap((p) => p.data);
    for (const invoice of invoices) expect(fed.find((i) => i.id === invoice.id)).toMatchObject(invoice);
    const apBills = await drain(client.apBills.list({ billType: 'NotSet' }, { onRejected }));
    for (const bill of bills) expect(apBills.find((b) => b.id === bill.id)).toEqual(bill);
    const procurement = bills.filter((b) => b.billType === 'Procurement').map((b) => b.id);
    const inventory = await drain(client.inventoryBills.list({ ids: procurement }, { onRejected }));
    expect(inventory.map((b) => b.id).sort()).toEqual(procurement.sort());
    // Spot checks: amounts are the strings as sent, nulls stay null.
    const amounts = listed.flatMap((i) => [i.subTotal, i.salesTax, i.total, i.balance, i.discountTotal]);
    expect(amounts).toEqual(expect.arrayContaining(['1e3', '', ' 12.50 ', null]));
    expect(listed.some((i) => i.customer === null && i.items === null)).toBe(true);
    expect(rejected).toEqual([]);
  });
});
