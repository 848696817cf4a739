import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { close, listen, readRequest } from '../common/http';
import { generateCompany } from './data/generate';
import { FIXTURE_SCHEMAS } from './fixture';
import { startServiceTitanSimulator, signBody } from './index';
import type { ServiceTitanSimulator } from './index';
import { StSpecs } from './spec';

const specs = new StSpecs();
const anchor = Date.UTC(2026, 2, 1);

describe('generated company', () => {
  const company = generateCompany({
    tenantId: '1',
    name: 'Test',
    seed: 42,
    invoices: 400,
    bills: 80,
    anchor,
  });

  it('is deterministic for a seed', () => {
    const again = generateCompany({
      tenantId: '1',
      name: 'Test',
      seed: 42,
      invoices: 400,
      bills: 80,
      anchor,
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(company));
  });

  it('matches the official response shapes exactly', () => {
    for (const [key, [specId, component]] of Object.entries(FIXTURE_SCHEMAS)) {
      const records = company[key as keyof typeof FIXTURE_SCHEMAS] as Record<string, unknown>[];
      for (const record of records.slice(0, 200)) {
        const shape = key === 'vendors' ? { ...record, external: undefined, externalData: [] } : record;
        delete shape.external;
        expect(specs.check(specId, component, shape), `${key} ${String(record.id)}`).toEqual([]);
      }
    }
  });

  it('has consistent amounts: lines sum to subtotal, subtotal + tax = total', () => {
    for (const invoice of company.invoices) {
      const lines = (invoice.items ?? []).reduce((sum, item) => sum.plus(item.total ?? 0), new Decimal(0));
      expect(lines.toFixed(2)).toBe(invoice.subTotal);
      expect(new Decimal(String(invoice.subTotal)).plus(String(invoice.salesTax)).toFixed(2)).toBe(
        invoice.total,
      );
    }
    for (const bill of company.apBills) {
      const items = ((bill.items as { quantity: string; cost: string }[]) ?? []).reduce(
        (s, i) => s.plus(new Decimal(i.cost).times(i.quantity)),
        new Decimal(0),
      );
      const expenses = ((bill.expenseItems as { amount: string }[]) ?? []).reduce(
        (s, e) => s.plus(e.amount),
        new Decimal(0),
      );
      const sum = items.plus(expenses).plus(String(bill.taxAmount)).plus(String(bill.shippingAmount));
      expect(sum.toFixed(2)).toBe(bill.billAmount);
    }
  });

  it('is realistic: business units, statuses, lines, adjustments, bills, non-ASCII names', () => {
    expect(company.businessUnits.map((b) => b.name)).toEqual(
      expect.arrayContaining(['Plumbing Service', 'Plumbing Install', 'HVAC Service', 'HVAC Install']),
    );
    const statuses = company.invoices.map((i) => i.syncStatus);
    expect(statuses.filter((s) => s === 'Posted').length).toBeGreaterThan(statuses.length * 0.6);
    expect(statuses).toContain('Pending');
    const types = new Set(company.invoices.flatMap((i) => (i.items ?? []).map((it) => it.type)));
    expect([...types].sort()).toEqual(['Equipment', 'Material', 'PriceModifier', 'Service']);
    const adjustments = company.invoices.filter((i) => i.adjustmentToId);
    expect(adjustments.length).toBeGreaterThan(0);
    expect(adjustments.some((i) => String(i.total).startsWith('-'))).toBe(true);
    expect(company.invoices.every((i) => (i.items ?? []).every((it) => it.generalLedgerAccount))).toBe(true);
    expect(
      company.apBills.some(
        (b) =>
          b.billType === 'Procurement' &&
          b.purchaseOrderId &&
          (b.items as { receiptItemId: number }[])[0]!.receiptItemId,
      ),
    ).toBe(true);
    expect(
      company.apBills.some((b) => b.billType === 'ApBill' && (b.expenseItems as unknown[]).length > 0),
    ).toBe(true);
    const names = JSON.stringify([company.customers.map((c) => c.name), company.vendors.map((v) => v.name)]);
    for (const ch of ['Æ', 'Ø', 'Å', 'é']) expect(names).toContain(ch);
    expect(company.taxZones.some((z) => z.isTaxRateSeparated)).toBe(true);
  });
});

describe('running simulator', () => {
  let sim: ServiceTitanSimulator;
  let receiver: http.Server;
  let receiverUrl: string;
  const received: { headers: http.IncomingHttpHeaders; raw: string }[] = [];
  const hmacKey = 'k'.repeat(40);

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      void readRequest(req).then((r) => {
        received.push({ headers: r.headers, raw: r.rawBody.toString('utf8') });
        res.writeHead(200).end();
      });
    });
    receiverUrl = await listen(receiver);
    sim = await startServiceTitanSimulator({
      seed: 2,
      invoices: 30,
      bills: 6,
      webhook: { url: receiverUrl, hmacKey },
    });
  });
  afterAll(async () => {
    await sim.stop();
    await close(receiver);
  });

  it('starts fast with the default company', async () => {
    const started = performance.now();
    const another = await startServiceTitanSimulator();
    const ms = performance.now() - started;
    await another.stop();
    console.log(`simulator start: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(2000);
  });

  it('serves the control API under /__sim', async () => {
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${sim.baseUrl}/__sim/${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await call('GET', 'health')).status).toBe(200);
    const added = await call('POST', `tenants/${sim.tenantId}/invoices`, {
      summary: '<p>Ny faktura fra test</p>',
    });
    expect(added.status).toBe(201);
    expect(added.body.syncStatus).toBe('Posted');
    const changed = await call('PATCH', `tenants/${sim.tenantId}/invoices/${String(added.body.id)}`, {
      syncStatus: 'Pending',
    });
    expect(changed.body.syncStatus).toBe('Pending');
    const invalid = await call('PATCH', `tenants/${sim.tenantId}/invoices/${String(added.body.id)}`, {
      sentStatus: 'Lost',
    });
    expect(invalid.status).toBe(400);
    expect(String(invalid.body.error)).toContain('InvoiceResponse');
    expect((await call('POST', 'faults', { kind: 'status', status: 503, count: 1 })).body.active).toBe(1);
    expect((await call('DELETE', 'faults')).status).toBe(200);
    const before = sim.now();
    await call('POST', 'clock/advance', { seconds: 3600 });
    expect(sim.now() - before).toBeGreaterThanOrEqual(3_600_000);
    expect(
      (await call('PUT', `clients/${sim.clientId}/scopes`, { scopes: ['tn.acc.invoices:r'] })).body.scopes,
    ).toEqual(['tn.acc.invoices:r']);
    expect((await call('GET', 'calls')).body).toHaveProperty('byEndpoint');
    expect((await call('PUT', 'rate-limits', { token: { burst: 3, perSecond: 1 } })).body).toEqual({
      apiPerSecond: 60,
      token: { burst: 3, perSecond: 1 },
      retryAfterHeader: true,
    });
    expect((await call('PUT', 'rate-limits', { token: 'lots' })).status).toBe(400);
    expect((await call('PUT', 'export-feed', { end: 'until-empty' })).body).toEqual({
      end: 'until-empty',
      pageSize: 500,
    });
    expect((await call('GET', 'export-feed')).body.end).toBe('until-empty');
    expect((await call('PUT', 'export-feed', { end: 'sometimes' })).status).toBe(400);
    expect((await call('GET', 'violations')).body).toEqual({ violations: [], unexpected: [] });
    expect((await call('POST', 'violations/expect', { pattern: 'never-happens' })).status).toBe(200);
    expect((await call('POST', `tenants/${sim.tenantId}/raw/vendors`, {})).status).toBe(404);
  });

  it('rejects a missing or wrong app key and a missing token with 401', async () => {
    const url = `${sim.apiBaseUrl}/accounting/v2/tenant/${sim.tenantId}/tax-zones`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { 'st-app-key': 'ak1.wrong' } })).status).toBe(401);
    expect((await fetch(url, { headers: { 'st-app-key': sim.appKey } })).status).toBe(401);
    const expired = await fetch(url, {
      headers: { 'st-app-key': sim.appKey, authorization: 'Bearer st_made_up' },
    });
    expect(((await expired.json()) as { title: string }).title).toMatch(/not valid/);
  });

  it('emits signed CloudEvents for invoice changes (HMAC-SHA256 hex over the raw body)', async () => {
    sim.modify('invoices', 60_001, { summary: '<p>Endret</p>' });
    const delivery = await sim.emitWebhook('tn.acc.invoice-posted', 60_002);
    await sim.flushWebhooks();
    expect(delivery.status).toBe(200);
    expect(received.length).toBeGreaterThanOrEqual(2);
    for (const r of received) {
      expect(r.headers['x-servicetitan-signature']).toBe(signBody(r.raw, hmacKey, 'hex'));
      const event = JSON.parse(r.raw) as {
        specversion: string;
        type: string;
        data: { invoice: { id: number }; tenantId: number };
      };
      expect(event.specversion).toBe('1.0');
      expect(event.type).toMatch(/^tn\.acc\.invoice-/);
      expect(event.data.tenantId).toBe(Number(sim.tenantId));
    }
    expect(received.map((r) => (JSON.parse(r.raw) as { type: string }).type)).toEqual(
      expect.arrayContaining(['tn.acc.invoice-updated', 'tn.acc.invoice-posted']),
    );
    sim.configureWebhook({ url: receiverUrl, hmacKey, header: 'x-sig', encoding: 'base64' });
    await sim.emitWebhook('tn.acc.invoice-exported', 60_003);
    const last = received[received.length - 1]!;
    expect(last.headers['x-sig']).toBe(signBody(last.raw, hmacKey, 'base64'));
    expect(() => sim.configureWebhook({ url: receiverUrl, hmacKey: 'short' })).toThrow(/32 to 64/);
  });
});

describe('document span', () => {
  const monthOf = (iso: unknown) => String(iso).slice(0, 7);

  it('puts every generated document in the spanDays before the anchor (one month here)', () => {
    const company = generateCompany({
      tenantId: '1',
      name: 'Test',
      seed: 7,
      invoices: 3000,
      bills: 900,
      anchor: Date.UTC(2026, 4, 31, 12),
      spanDays: 29,
    });
    const invoiceMonths = new Set(company.invoices.flatMap((i) => [i.invoiceDate, i.createdOn].map(monthOf)));
    const billMonths = new Set(company.apBills.flatMap((b) => [b.billDate, b.createdOn].map(monthOf)));
    expect([...invoiceMonths]).toEqual(['2026-05']);
    expect([...billMonths]).toEqual(['2026-05']);
    expect(company.invoices[0]!.createdOn).toBe('2026-05-02T12:00:00.000Z');
  });

  it('keeps the 60 days by default, and refuses a span that is not positive', async () => {
    const company = generateCompany({ tenantId: '1', name: 'Test', seed: 7, invoices: 30, bills: 5, anchor });
    expect(company.invoices[0]!.createdOn).toBe('2025-12-31T00:00:00.000Z');
    const error = (await startServiceTitanSimulator({ spanDays: 0 }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('spanDays must be a positive number of days');
  });
});

describe('fixtures', () => {
  it('loads a company from official response shapes, and explains a bad one', async () => {
    const company = generateCompany({
      tenantId: '77',
      name: 'Fixture AS',
      seed: 9,
      invoices: 5,
      bills: 2,
      anchor,
    });
    const dir = mkdtempSync(join(tmpdir(), 'st-fixture-'));
    const good = join(dir, 'good.json');
    const { vendors, tenantId: _t, name: _n, ...rest } = company;
    writeFileSync(
      good,
      JSON.stringify({
        tenant: { id: 77, name: 'Fixture AS' },
        simulator: { exportEnd: 'until-empty', exportPageSize: 2, tokenRateLimit: false },
        ...rest,
        vendors: vendors.map(({ external: _e, ...v }) => ({
          ...v,
          externalData: [{ key: 'visma', value: '1' }],
        })),
      }),
    );
    const sim = await startServiceTitanSimulator({ fixture: good, secondTenant: false });
    try {
      expect(sim.tenantId).toBe('77');
      expect(sim.records('invoices')).toHaveLength(5);
      expect(sim.exportFeedSettings()).toEqual({ end: 'until-empty', pageSize: 2 });
      expect(sim.rateLimits().token).toBeNull();
    } finally {
      await sim.stop();
    }
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ invoices: [{ id: 1, extra: true }], taxzones: [], simulator: { exportEnd: 'never' } }),
    );
    const error = (await startServiceTitanSimulator({ fixture: bad }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/invoices\[0\].*required property 'createdOn'/);
    expect(error.message).toMatch(/invoices\[0\].*additional properties/);
    expect(error.message).toContain('unknown keys taxzones');
    expect(error.message).toMatch(/simulator\.exportEnd: /);
  });
});
