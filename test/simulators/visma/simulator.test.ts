import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from './index';
import type { VismaSimulator } from './index';
import { emptyDateFields } from './request-checks';
import { localTimestamp } from './clock';
import { ANCHORED } from '../../support/test-day';

const SCOPE =
  'vismanet_erp_service_api:create vismanet_erp_service_api:read vismanet_erp_service_api:update vismanet_erp_service_api:delete';
let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function token(s: VismaSimulator, index = 0, tenantId?: string): Promise<string> {
  const c = s.companies[index]!;
  const res = await fetch(s.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scope: SCOPE,
      tenant_id: tenantId ?? c.tenantId,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

function api(s: VismaSimulator, bearer: string, companyId?: string) {
  return async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
    const res = await fetch(s.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(companyId ? { 'ipp-company-id': companyId } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...extra,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: parse(text), text };
  };
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text;
  }
}

const month = (): string => new Date().toISOString().slice(0, 7);
const invoice = (
  customer: string,
  lines: [string, number, number, string?][],
  extra: Record<string, unknown> = {},
) => ({
  customerNumber: { value: customer },
  documentDate: { value: `${month()}-05T00:00:00` },
  ...extra,
  invoiceLines: lines.map(([account, qty, price, vat]) => ({
    operation: 'Insert',
    description: { value: 'line' },
    accountNumber: { value: account },
    quantity: { value: qty },
    unitPriceInCurrency: { value: price },
    ...(vat ? { vatCodeId: { value: vat } } : {}),
  })),
});

describe('Visma simulator', () => {
  it('starts fast with two companies under different tenants', async () => {
    const started = Date.now();
    sim = await startVismaSimulator();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(sim.companies).toHaveLength(2);
    expect(sim.companies[0]!.tenantId).not.toBe(sim.companies[1]!.tenantId);
  });

  it('binds tokens to their tenant and refuses a foreign ipp-company-id with IPPException 12002', async () => {
    sim = await startVismaSimulator();
    const [a, b] = sim.companies;
    const call = api(sim, await token(sim, 0), b!.companyId);
    const refused = await call('GET', '/v1/customer/10001');
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ ExceptionType: 'IPPException', ExceptionFaultCode: '12002' });
    // No ipp-company-id: the token's tenant picks the company.
    const own = await api(sim, await token(sim, 0))('GET', '/v1/customer/10001');
    expect(own.body).toMatchObject({ name: 'Nordvik Eiendom AS' });
    const other = await api(sim, await token(sim, 1), b!.companyId)('GET', '/v1/customer/10001');
    expect(other.body).toMatchObject({ name: 'Vestland Bolig AS' });
    // A customer-tenant token is issued but the API refuses it.
    const customerTenant = await api(
      sim,
      await token(sim, 0, a!.customerTenantId),
      a!.companyId,
    )('GET', '/v1/account');
    expect(customerTenant.status).toBe(401);
  });

  it('keeps documents, numbering and batches per company', async () => {
    sim = await startVismaSimulator();
    const callA = api(sim, await token(sim, 0), sim.companies[0]!.companyId);
    const callB = api(sim, await token(sim, 1), sim.companies[1]!.companyId);
    const first = await callA(
      'POST',
      '/v2/customerinvoice',
      invoice('10001', [['3000', 1, 100, '3']], { externalReference: { value: 'X-1' } }),
    );
    const second = await callA('POST', '/v2/customerinvoice', invoice('10002', [['3000', 1, 100, '3']]));
    expect(first.status).toBe(201);
    expect(first.headers.get('location')).toMatch(/\/v1\/customerinvoice\/100001$/);
    expect(second.headers.get('location')).toMatch(/\/100002$/);
    const inB = await callB('GET', '/v1/customerinvoice?pageNumber=1&pageSize=50');
    expect(inB.body).toEqual([]);
    expect((await callB('GET', '/v1/customerinvoice/100001')).status).toBe(404);
    const b1 = await callB('POST', '/v2/customerinvoice', invoice('10001', [['3000', 1, 100, '3']]));
    expect(b1.headers.get('location')).toMatch(/\/400001$/);
  });

  it('computes VAT per tax detail, rounding half away from zero, and posts a balanced GL batch on release', async () => {
    // Instant releases here: background releases have tests of their own.
    sim = await startVismaSimulator({ release: { mode: 'instant' } });
    const call = api(sim, await token(sim));
    // 3 × 0.10 at 25 % per line would round each to 0.03 (0.09); per detail: 0.30 × 25 % = 0.075 → 0.08.
    // 2 × 10.05 at 15 % = 3.015 → 3.02 (half away from zero).
    const created = await call(
      'POST',
      '/v2/customerinvoice',
      invoice('10001', [
        ['3000', 1, 0.1, '3'],
        ['3010', 1, 0.1, '3'],
        ['3020', 1, 0.1, '3'],
        ['3050', 2, 10.05, '31'],
        ['3090', 1, 50, '6'],
      ]),
    );
    const nr = created.headers.get('location')!.split('/').pop()!;
    const doc = (await call('GET', `/v1/customerinvoice/${nr}`)).body as Record<string, unknown>;
    expect(doc).toMatchObject({
      status: 'Balanced',
      detailTotal: 70.4,
      vatTaxableTotal: 20.4,
      vatExemptTotal: 50,
      vatTotal: 3.1,
      amount: 73.5,
    });
    expect(doc.taxDetails).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ taxId: '3', vatRate: 25, taxableAmount: 0.3, vatAmount: 0.08 }),
        expect.objectContaining({ taxId: '31', vatRate: 15, taxableAmount: 20.1, vatAmount: 3.02 }),
      ]),
    );
    const released = await call('POST', `/v1/customerinvoice/${nr}/action/release`);
    expect(released.body).toMatchObject({ actionResult: 'Done' });
    expect(((await call('GET', `/v1/customerinvoice/${nr}`)).body as { status: string }).status).toBe('Open');
    const period = month().replace('-', '');
    const batches = (
      await call('GET', `/v2/journaltransaction?module=AR&periodId=${period}&pageNumber=1&pageSize=100`)
    ).body as {
      batchNumber: string;
      debitTotal: number;
      creditTotal: number;
      journalTransactionLines: { referenceNumber: string; accountNumber: string }[];
    }[];
    expect(batches).toHaveLength(1);
    expect(batches[0]!.debitTotal).toBe(73.5);
    expect(batches[0]!.creditTotal).toBe(73.5);
    expect(batches[0]!.journalTransactionLines.every((l) => l.referenceNumber === nr)).toBe(true);
    expect(batches[0]!.journalTransactionLines.map((l) => l.accountNumber)).toEqual(
      expect.arrayContaining(['1500', '3000', '2700']),
    );
    expect((await call('POST', `/v1/customerinvoice/${nr}/action/release`)).status).toBe(400);
    expect(sim.violations()).toEqual([]);
  });

  it('pages journal transactions by lines, splitting a batch across pages', async () => {
    sim = await startVismaSimulator({ release: { mode: 'instant' } });
    const call = api(sim, await token(sim));
    const created = await call(
      'POST',
      '/v2/customerinvoice',
      invoice('10001', [
        ['3000', 1, 100, '3'],
        ['3010', 1, 100, '3'],
        ['3020', 1, 100, '3'],
      ]),
    );
    await call('POST', `${new URL(created.headers.get('location')!).pathname}/action/release`);
    const period = month().replace('-', '');
    const page1 = (await call('GET', `/v2/journaltransaction?periodId=${period}&pageNumber=1&pageSize=3`))
      .body as { journalTransactionLines: unknown[]; metadata: { totalCount: number } }[];
    const page2 = (await call('GET', `/v2/journaltransaction?periodId=${period}&pageNumber=2&pageSize=3`))
      .body as { journalTransactionLines: unknown[] }[];
    expect(page1[0]!.metadata.totalCount).toBe(5);
    expect(page1[0]!.journalTransactionLines).toHaveLength(3);
    expect(page2[0]!.journalTransactionLines).toHaveLength(2);
    expect((await call('GET', '/v2/journaltransaction?pageNumber=1&pageSize=3')).status).toBe(400);
  });

  it('refuses inactive or missing parties and accounts, VAT outside the zone, closed periods, and unwrapped values', async () => {
    sim = await startVismaSimulator({ release: { mode: 'instant' } });
    sim.expectViolations({ kind: 'request', problem: 'customerNumber must be object' });
    const call = api(sim, await token(sim));
    const message = async (body: unknown, path = '/v2/customerinvoice'): Promise<string> => {
      const r = await call('POST', path, body);
      expect(r.status).toBe(400);
      return (r.body as { message: string }).message;
    };
    expect(await message(invoice('10005', [['3000', 1, 10, '3']]))).toMatch(
      /^VismaId: [0-9a-f-]+\. Error creating document\. Error: Customer '10005' is inactive/,
    );
    expect(await message(invoice('19999', [['3000', 1, 10, '3']]))).toMatch(
      /Customer '19999' cannot be found/,
    );
    expect(await message(invoice('10001', [['3999', 1, 10, '3']]))).toMatch(/Account '3999' cannot be found/);
    expect(await message(invoice('10004', [['3000', 1, 10, '3']]))).toMatch(
      /VAT '3' is not valid for VAT zone '02'/,
    );
    expect(await message(invoice('10001', [['3050', 1, 10, '3']]))).toMatch(
      /not included in VAT category 'MEDIUM'/,
    );
    sim.setAccountActive('3000', false);
    expect(await message(invoice('10001', [['3000', 1, 10, '3']]))).toMatch(/Account '3000' is inactive/);
    sim.setAccountActive('3000', true);
    const period = month().replace('-', '');
    sim.setPeriodClosed(period, true, 'customer');
    expect(await message(invoice('10001', [['3000', 1, 10, '3']]))).toMatch(/closed in the Customer Ledger/);
    sim.setPeriodClosed(period, false, 'customer');
    // Closing the period after creation makes the release fail.
    const ok = await call('POST', '/v2/customerinvoice', invoice('10001', [['3000', 1, 10, '3']]));
    sim.setPeriodClosed(period, true, 'customer');
    expect(
      (await call('POST', `${new URL(ok.headers.get('location')!).pathname}/action/release`)).status,
    ).toBe(400);
    // A scalar without the value wrapper violates the official description.
    expect(await message({ customerNumber: '10001', invoiceLines: [] })).toMatch(/request is invalid/);
    expect(sim.violations().filter((v) => v.kind === 'request')).toHaveLength(1);
    expect(sim.violations().filter((v) => v.kind !== 'request')).toEqual([]);
  });

  it('answers supplier ETags and 412 on a stale If-Match; releases supplier invoices in the background', async () => {
    sim = await startVismaSimulator({ release: { mode: 'instant' } });
    const call = api(sim, await token(sim));
    const got = await call('GET', '/v1/supplier/20001');
    const etag = got.headers.get('etag')!;
    expect(etag).toBe(`"${(got.body as { timeStamp: string }).timeStamp}"`);
    expect(
      (await call('PUT', '/v1/supplier/20001', { name: { value: 'Ahlsell AS' } }, { 'if-match': etag }))
        .status,
    ).toBe(204);
    const stale = await call('PUT', '/v1/supplier/20001', { name: { value: 'Again' } }, { 'if-match': etag });
    expect(stale.status).toBe(412);
    const bill = await call('POST', '/v1/supplierInvoice', {
      documentType: { value: 'Invoice' },
      supplierNumber: { value: '20001' },
      date: { value: `${month()}-03T00:00:00` },
      invoiceLines: [
        {
          operation: 'Insert',
          accountNumber: { value: '4000' },
          quantity: { value: 2 },
          unitCostInCurrency: { value: 10 },
          vatCodeId: { value: '1' },
        },
      ],
    });
    expect(bill.status).toBe(201);
    const path = new URL(bill.headers.get('location')!).pathname;
    const billEtag = (await call('GET', path)).headers.get('etag')!;
    sim.touchSupplierInvoice(path.split('/').pop()!, { text: 'edited' });
    expect((await call('PUT', path, { description: { value: 'x' } }, { 'if-match': billEtag })).status).toBe(
      412,
    );
    const accepted = await call('POST', `${path}/action/release`);
    expect(accepted.status).toBe(202);
    const state = await call('GET', `/v1/background/${(accepted.body as { id: string }).id}`);
    expect(state.body).toMatchObject({ status: 'Finished', statusCode: 200 });
    expect(sim.violations()).toEqual([]);
  });

  it('sends X-RateLimit headers and answers 429 past the budget of the window', async () => {
    sim = await startVismaSimulator({ rateLimit: { budget: 3, windowSeconds: 60 } });
    const call = api(sim, await token(sim));
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++)
      remaining.push((await call('GET', '/v1/branch')).headers.get('x-ratelimit-remaining'));
    expect(remaining).toEqual(['2', '1', '0']);
    const refused = await call('GET', '/v1/branch');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
    expect(sim.rateLimitUsage()[0]).toMatchObject({ used: 3, rejected: 1 });
  });

  it('injects faults and exposes the controls over HTTP under /__sim', async () => {
    sim = await startVismaSimulator();
    const call = api(sim, await token(sim));
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${sim!.baseUrl}/__sim/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    await control('POST', 'faults', { kind: 'status', status: 502, count: 1, pathIncludes: '/v1/branch' });
    const gateway = await call('GET', '/v1/branch');
    expect(gateway.status).toBe(502);
    expect(gateway.text).toBe('502 Bad Gateway');
    await control('POST', 'faults', { kind: 'drop', count: 1 });
    await expect(call('GET', '/v1/branch')).rejects.toThrow();
    await control('POST', 'faults', { kind: 'slow', delayMs: 50, count: 1 });
    const t0 = Date.now();
    expect((await call('GET', '/v1/branch')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
    await control('POST', 'accounts/4000/deactivate');
    expect(((await call('GET', '/v1/account/4000')).body as { active: boolean }).active).toBe(false);
    await control('POST', 'accounts', {
      accountCD: '3070',
      description: 'Ny salgskonto',
      type: 'Income',
      taxCategory: 'HIGH',
    });
    expect((await call('GET', '/v1/account/3070')).status).toBe(200);
    const period = month().replace('-', '');
    await control('POST', `periods/${period}/close`, { ledger: 'supplier' });
    expect(
      ((await call('GET', `/v1/financialPeriod/${period}`)).body as { closedInSupplierLedger: boolean })
        .closedInSupplierLedger,
    ).toBe(true);
    const counters = (await control('GET', 'counters')).body as { byEndpoint: Record<string, number> };
    expect(counters.byEndpoint.Branch_GetAllBranches).toBe(3);
    expect((await control('GET', 'companies')).body).toHaveLength(2);
    expect((await control('GET', 'nope')).status).toBe(404);
    await control('POST', 'tokens/expire');
    expect((await call('GET', '/v1/branch')).status).toBe(401);
  });

  it('loads a company from a fixture of official DTO shapes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'visma-fixture-'));
    const file = join(dir, 'company.json');
    writeFileSync(
      file,
      JSON.stringify({
        companies: [
          {
            name: 'Fixture AS',
            tenantId: 'tenant-fixture',
            companyId: '777',
            clientId: 'fixture-client',
            clientSecret: 'fixture-secret',
            customers: [{ number: 'C1', name: 'Fixture Customer', status: 'Active', vatZone: { id: '01' } }],
            accounts: [
              { accountCD: '3000', description: 'Sales', type: 'Income', active: true, taxCategory: 'HIGH' },
              { accountCD: '1500', description: 'AR', type: 'Asset', active: true },
            ],
          },
        ],
      }),
    );
    sim = await startVismaSimulator({ fixture: file });
    expect(sim.companies.map((c) => c.name)).toEqual(['Fixture AS']);
    const call = api(sim, await token(sim));
    expect(((await call('GET', '/v1/customer?pageNumber=1&pageSize=10')).body as unknown[]).length).toBe(1);
    expect(((await call('GET', '/v1/account')).body as unknown[]).length).toBe(2);
    expect((await call('POST', '/v2/customerinvoice', invoice('C1', [['3000', 1, 80, '3']]))).status).toBe(
      201,
    );

    writeFileSync(
      file,
      JSON.stringify({
        companies: [
          {
            name: 'Bad',
            tenantId: 't',
            companyId: '1',
            clientId: 'c',
            clientSecret: 'secret',
            accounts: [{ accountCD: 3000 }],
          },
        ],
      }),
    );
    await expect(startVismaSimulator({ fixture: file })).rejects.toThrow(/accounts\[0\]/);
  });

  it('fails stop() on contract problems nobody expected, and not on those a test declared', async () => {
    sim = await startVismaSimulator(ANCHORED.visma);
    const call = api(sim, await token(sim));
    await call('GET', '/v1/customer?pageNumber=1&pageSize=10&nmae=x');
    await call('GET', '/v1/supplier');
    expect(sim.unexpectedViolations().flatMap((v) => v.problems)).toEqual([
      expect.stringContaining("'nmae' is not declared"),
      expect.stringContaining('without pageNumber and pageSize'),
    ]);
    await fetch(`${sim.baseUrl}/__sim/violations/expect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'request', operationId: 'Customer_GetAll', problem: 'nmae' }),
    });
    sim.expectViolations({ problem: /without pageNumber/ });
    expect(sim.unexpectedViolations()).toEqual([]);
    await call(
      'POST',
      '/v2/customerinvoice',
      invoice('10001', [['3000', 1, 1, '3']], {
        documentDate: { value: '2026-06-05T00:00:00+02:00' },
      }),
    );
    const left = sim;
    sim = undefined;
    await expect(left.stop()).rejects.toThrow(/documentDate carries a time zone offset/);
  });

  it('finds "" in date fields of an answer', () => {
    expect(
      emptyDateFields({
        invoiceLines: [{ subaccount: { lastModifiedDateTime: '' } }],
        documentDate: '2026-01-01T00:00:00',
        receivedUtc: '',
        description: '',
      }),
    ).toEqual([
      'response.invoiceLines[0].subaccount.lastModifiedDateTime is "" (a date field must hold a date or be left out)',
      'response.receivedUtc is "" (a date field must hold a date or be left out)',
    ]);
  });

  it('sets release behaviour over HTTP, company-wide and per document', async () => {
    sim = await startVismaSimulator({ ...ANCHORED.visma, release: { mode: 'instant' } });
    const call = api(sim, await token(sim));
    const control = (method: string, path: string, body?: unknown) =>
      fetch(`${sim!.baseUrl}/__sim/${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const create = async () =>
      new URL(
        (
          await call(
            'POST',
            '/v2/customerinvoice',
            invoice('10001', [['3000', 1, 10, '3']], {
              documentDate: { value: '2026-06-05T00:00:00' },
            }),
          )
        ).headers.get('location')!,
      ).pathname;
    expect((await control('PUT', 'release', { mode: 'never', share: 1 })).status).toBe(200);
    expect((await control('GET', 'release')).body).toMatchObject({ mode: 'never', share: 1 });
    const first = await create();
    expect((await call('POST', `${first}/action/release`)).body).toMatchObject({ actionResult: 'Queued' });
    const second = await create();
    expect(
      (
        await control('POST', `releases/customerInvoice/${second.split('/').pop()}`, {
          mode: 'fail-now',
          errorInfo: 'x',
        })
      ).status,
    ).toBe(200);
    expect((await call('POST', `${second}/action/release`)).body).toMatchObject({
      actionResult: 'Failed',
      errorInfo: 'x',
    });
    await control('DELETE', `releases/customerInvoice/${second.split('/').pop()}`);
    await control('PUT', 'release', { mode: 'queued', delayMs: 3_600_000 });
    expect((await call('POST', `${second}/action/release`)).body).toMatchObject({ actionResult: 'Queued' });
    await control('POST', 'releases/finish');
    expect(((await call('GET', second)).body as { status: string }).status).toBe('Open');
    expect(((await call('GET', first)).body as { status: string }).status).toBe('Balanced');
    expect((await control('POST', 'releases/nonsense/1', { mode: 'instant' })).status).toBe(400);
  });

  it('takes a time zone and a financial calendar per fixture company', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'visma-fixture-'));
    const file = join(dir, 'company.json');
    writeFileSync(
      file,
      JSON.stringify({
        companies: [
          {
            name: 'Tidssone AS',
            tenantId: 'tenant-tz',
            companyId: '888',
            clientId: 'tz-client',
            clientSecret: 'tz-secret',
            timeZone: 'Asia/Tokyo',
            calendar: { startMonth: 4, adjustmentPeriod: true },
          },
        ],
      }),
    );
    const before = localTimestamp('Asia/Tokyo');
    sim = await startVismaSimulator({ ...ANCHORED.visma, fixture: file });
    const call = api(sim, await token(sim));
    const periods = (await call('GET', '/v1/financialPeriod')).body as {
      period: string;
      startDate: string;
    }[];
    expect(periods.find((p) => p.period === '202601')?.startDate).toBe('2026-04-01T00:00:00');
    expect(periods.find((p) => p.period === '202513')?.startDate).toBe('2026-04-01T00:00:00');
    const customer = (await call('GET', '/v1/customer/10001')).body as { lastModifiedDateTime: string };
    // Tokyo time (UTC+9, no daylight saving): between the local times before the start and now.
    expect(customer.lastModifiedDateTime >= before).toBe(true);
    expect(customer.lastModifiedDateTime <= localTimestamp('Asia/Tokyo')).toBe(true);
    expect(before).toBe(localTimestamp('Asia/Tokyo', new Date(Date.parse(`${before}Z`) - 9 * 3600_000)));
  });
});
