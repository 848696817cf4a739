import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from './index';
import type { VismaSimulator, VismaSimulatorOptions } from './index';
import { ANCHORED } from '../../support/test-day';

/** GL balances, manual journals and the document fields the month-end close's GL level reads. */

const SCOPE =
  'vismanet_erp_service_api:create vismanet_erp_service_api:read vismanet_erp_service_api:update vismanet_erp_service_api:delete';
let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

type Call = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown; location: string | null }>;

async function start(options: VismaSimulatorOptions = {}): Promise<Call> {
  sim = await startVismaSimulator({ ...ANCHORED.visma, release: { mode: 'instant' }, ...options });
  const c = sim.companies[0]!;
  const res = await fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      scope: SCOPE,
      tenant_id: c.tenantId,
    }),
  });
  const bearer = ((await res.json()) as { access_token: string }).access_token;
  const base = sim.baseUrl;
  return async (method, path, body) => {
    const r = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await r.text();
    return {
      status: r.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
      location: r.headers.get('location'),
    };
  };
}

const numberOf = (location: string | null): string => location!.split('/').pop()!;

const customerInvoice = (date: string, lines: [string, number, string][]) => ({
  customerNumber: { value: '10001' },
  documentDate: { value: `${date}T00:00:00` },
  externalReference: { value: 'ST-1-INV-1' },
  invoiceLines: lines.map(([account, price, vat]) => ({
    operation: 'Insert',
    description: { value: 'line' },
    accountNumber: { value: account },
    quantity: { value: 1 },
    unitPriceInCurrency: { value: price },
    vatCodeId: { value: vat },
  })),
});

const supplierInvoice = (date: string, account: string, cost: number) => ({
  supplierNumber: { value: '20001' },
  date: { value: `${date}T00:00:00` },
  description: { value: 'Bill' },
  invoiceLines: [
    {
      operation: 'Insert',
      transactionDescription: { value: 'line' },
      accountNumber: { value: account },
      quantity: { value: 1 },
      unitCostInCurrency: { value: cost },
      vatCodeId: { value: '1' },
    },
  ],
});

const journal = (date: string, lines: [string, number, number][], extra: Record<string, unknown> = {}) => ({
  transactionDate: { value: `${date}T00:00:00` },
  description: { value: 'Manual correction' },
  ...extra,
  journalTransactionLines: lines.map(([account, debit, credit]) => ({
    operation: 'Insert',
    accountNumber: { value: account },
    debitAmountInCurrency: { value: debit },
    creditAmountInCurrency: { value: credit },
    transactionDescription: { value: 'by hand' },
  })),
});

interface BalanceDto {
  account: { number: string; type?: string };
  branch: { number: string };
  financialPeriod: string;
  periodToDateDebit: number;
  periodToDateCredit: number;
  beginningBalance: number;
  yearToDateBalance: number;
  metadata: { totalCount: number; maxPageSize: number };
}

async function balances(call: Call, query: string): Promise<BalanceDto[]> {
  const r = await call('GET', `/v2/generalLedgerBalance?${query}&pageNumber=1&pageSize=500`);
  expect(r.status).toBe(200);
  return r.body as BalanceDto[];
}

const byAccount = (rows: BalanceDto[]) => new Map(rows.map((r) => [r.account.number, r]));

describe('Visma simulator: general ledger balances', () => {
  it('sums the posted batches per account for the period; unreleased documents count nothing', async () => {
    const call = await start();
    const ar = await call('POST', '/v2/customerinvoice', customerInvoice('2026-06-05', [['3000', 100, '3']]));
    await call('POST', `/v1/customerinvoice/${numberOf(ar.location)}/action/release`);
    const ap = await call('POST', '/v1/supplierInvoice', supplierInvoice('2026-06-07', '4000', 40));
    await call('POST', `/v1/supplierInvoice/${numberOf(ap.location)}/action/release`);
    // Left unreleased: not in the general ledger.
    await call('POST', '/v2/customerinvoice', customerInvoice('2026-06-08', [['3010', 999, '3']]));

    const rows = byAccount(await balances(call, 'periodId=202606'));
    expect([...rows.keys()].sort()).toEqual(['1500', '2400', '2700', '2710', '3000', '4000']);
    expect(rows.get('1500')).toMatchObject({
      periodToDateDebit: 125,
      periodToDateCredit: 0,
      beginningBalance: 0,
    });
    expect(rows.get('3000')).toMatchObject({ periodToDateDebit: 0, periodToDateCredit: 100 });
    expect(rows.get('2700')).toMatchObject({ periodToDateCredit: 25 });
    expect(rows.get('2400')).toMatchObject({ periodToDateCredit: 50, yearToDateBalance: 50 });
    expect(rows.get('4000')).toMatchObject({ periodToDateDebit: 40, yearToDateBalance: 40 });
    expect(rows.get('2710')).toMatchObject({ periodToDateDebit: 10 });
    // Liabilities and income show their balance credit-positive unless the signs are toggled.
    expect(rows.get('3000')!.yearToDateBalance).toBe(100);
    const toggled = byAccount(await balances(call, 'periodId=202606&toggleBalanceSigns=true'));
    expect(toggled.get('3000')!.yearToDateBalance).toBe(-100);
    expect(rows.get('1500')!.metadata).toEqual({ totalCount: 6, maxPageSize: 500 });

    const one = await balances(call, 'periodId=202606&account=3000');
    expect(one.map((r) => r.account.number)).toEqual(['3000']);
    expect(await balances(call, 'periodId=202605')).toEqual([]);
    const missing = await call('GET', '/v2/generalLedgerBalance?pageNumber=1&pageSize=10');
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('PeriodId is mandatory');
  });

  it('pages rows with the default and maximum page sizes of the other lists', async () => {
    const call = await start({ maxPageSize: 2, defaultPageSize: 1 });
    const ar = await call('POST', '/v2/customerinvoice', customerInvoice('2026-06-05', [['3000', 100, '3']]));
    await call('POST', `/v1/customerinvoice/${numberOf(ar.location)}/action/release`);
    const noSize = await call('GET', '/v2/generalLedgerBalance?periodId=202606');
    expect(noSize.body).toHaveLength(1);
    sim!.expectViolations({
      kind: 'request',
      operationId: 'GeneralLedgerBalanceV2_GetGeneralLedgerBalances',
    });
    const page1 = (await call('GET', '/v2/generalLedgerBalance?periodId=202606&pageNumber=1&pageSize=10'))
      .body as BalanceDto[];
    const page2 = (await call('GET', '/v2/generalLedgerBalance?periodId=202606&pageNumber=2&pageSize=10'))
      .body as BalanceDto[];
    expect(page1).toHaveLength(2);
    expect(page2).toHaveLength(1);
    expect(page1[0]!.metadata).toEqual({ totalCount: 3, maxPageSize: 2 });
  });

  it('carries balance-sheet balances on and starts income at zero in a fiscal year that begins in July', async () => {
    const call = await start({ calendar: { startMonth: 7 } });
    // June 2026 is period 12 of the year 2025 (July 2025 – June 2026); July 2026 opens the year 2026.
    for (const date of ['2026-06-05', '2026-07-03']) {
      const ar = await call('POST', '/v2/customerinvoice', customerInvoice(date, [['3000', 100, '3']]));
      await call('POST', `/v1/customerinvoice/${numberOf(ar.location)}/action/release`);
    }
    const june = byAccount(await balances(call, 'periodId=202512'));
    expect(june.get('3000')).toMatchObject({
      financialPeriod: '202512',
      periodToDateCredit: 100,
      yearToDateBalance: 100,
    });
    const july = byAccount(await balances(call, 'periodId=202601'));
    expect(july.get('3000')).toMatchObject({
      beginningBalance: 0,
      periodToDateCredit: 100,
      yearToDateBalance: 100,
    });
    expect(july.get('1500')).toMatchObject({
      beginningBalance: 125,
      periodToDateDebit: 125,
      yearToDateBalance: 250,
    });
    // A later period with no movement still shows the balances.
    const august = byAccount(await balances(call, 'periodId=202602'));
    expect(august.get('1500')).toMatchObject({
      beginningBalance: 250,
      periodToDateDebit: 0,
      yearToDateBalance: 250,
    });
  });

  it('lists by last modification without a period: one row per period with movement', async () => {
    const call = await start();
    for (const date of ['2026-05-05', '2026-06-05']) {
      const ar = await call('POST', '/v2/customerinvoice', customerInvoice(date, [['3000', 100, '3']]));
      await call('POST', `/v1/customerinvoice/${numberOf(ar.location)}/action/release`);
    }
    const rows = await balances(call, 'lastModifiedDateTime=2000-01-01T00:00:00&account=3000');
    expect(rows.map((r) => r.financialPeriod)).toEqual(['202605', '202606']);
  });
});

describe('Visma simulator: manual journals', () => {
  it('creates a GL batch that counts in the balances only once released', async () => {
    const call = await start();
    const created = await call(
      'POST',
      '/v2/journaltransaction',
      journal('2026-06-10', [
        ['3000', 250, 0],
        ['1920', 0, 250],
      ]),
    );
    expect(created.status).toBe(201);
    const number = numberOf(created.location);
    const read = (await call('GET', `/v2/journaltransaction/${number}`)).body as Record<string, unknown>;
    expect(read).toMatchObject({ module: 'ModuleGL', status: 'Balanced', financialPeriod: '202606' });
    expect(await balances(call, 'periodId=202606')).toEqual([]);

    const released = await call('POST', `/v2/journaltransaction/${number}/action/release`);
    expect(released.body).toMatchObject({ actionResult: 'Done' });
    const rows = byAccount(await balances(call, 'periodId=202606'));
    expect(rows.get('3000')).toMatchObject({ periodToDateDebit: 250, periodToDateCredit: 0 });
    expect(rows.get('1920')).toMatchObject({ periodToDateCredit: 250 });
    expect((await call('GET', `/v2/journaltransaction/${number}`)).body).toMatchObject({ status: 'Posted' });
    expect((await call('POST', `/v2/journaltransaction/${number}/action/release`)).status).toBe(400);
    const gl = (
      await call('GET', '/v2/journaltransaction?periodId=202606&module=GL&pageNumber=1&pageSize=50')
    ).body as unknown[];
    expect(gl).toHaveLength(1);
  });

  it('refuses control accounts, unknown accounts, out-of-balance and held batches, closed periods', async () => {
    const call = await start();
    const message = async (body: unknown) =>
      JSON.stringify((await call('POST', '/v2/journaltransaction', body)).body);
    expect(
      await message(
        journal('2026-06-10', [
          ['1500', 10, 0],
          ['3000', 0, 10],
        ]),
      ),
    ).toContain('control account');
    expect(await message(journal('2026-06-10', [['9999', 10, 0]]))).toContain(
      "Account '9999' cannot be found",
    );
    expect(await message(journal('2026-06-10', []))).toContain('at least one line');

    const unbalanced = await call(
      'POST',
      '/v2/journaltransaction',
      journal('2026-06-10', [
        ['3000', 10, 0],
        ['1920', 0, 9],
      ]),
    );
    const refused = await call(
      'POST',
      `/v2/journaltransaction/${numberOf(unbalanced.location)}/action/release`,
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('out of balance');

    const held = await call(
      'POST',
      '/v2/journaltransaction',
      journal(
        '2026-06-10',
        [
          ['3000', 1, 0],
          ['1920', 0, 1],
        ],
        { hold: { value: true } },
      ),
    );
    expect(
      (await call('POST', `/v2/journaltransaction/${numberOf(held.location)}/action/release`)).status,
    ).toBe(400);

    sim!.setPeriodClosed('202606', true, 'general');
    expect(
      await message(
        journal('2026-06-10', [
          ['3000', 1, 0],
          ['1920', 0, 1],
        ]),
      ),
    ).toContain('closed in the General Ledger');
    expect(await balances(call, 'periodId=202606')).toEqual([]);
  });
});

describe('Visma simulator: document fields of the GL level', () => {
  it('lists lines with accounts, the party name and type; tax details and applications only when expanded', async () => {
    const call = await start();
    const ar = await call(
      'POST',
      '/v2/customerinvoice',
      customerInvoice('2026-06-05', [
        ['3000', 100, '3'],
        ['3010', 20, '3'],
      ]),
    );
    const nr = numberOf(ar.location);
    await call('POST', `/v1/customerinvoice/${nr}/action/release`);
    const reversed = (await call('POST', `/v1/customerinvoice/${nr}/action/reverse`, {})).body as {
      referenceNumber: string;
    };

    const plain = (
      await call('GET', '/v1/customerCreditNote?financialPeriod=202606&pageNumber=1&pageSize=50')
    ).body as Record<string, unknown>[];
    expect(plain[0]).not.toHaveProperty('taxDetails');
    expect(plain[0]).not.toHaveProperty('applications');
    const expanded = (
      await call(
        'GET',
        '/v1/customerCreditNote?financialPeriod=202606&expandTaxDetails=true&expandApplications=true&pageNumber=1&pageSize=50',
      )
    ).body as Record<string, unknown>[];
    expect(expanded[0]).toMatchObject({
      documentType: 'CreditNote',
      referenceNumber: reversed.referenceNumber,
      customer: { number: '10001', name: expect.any(String) as string },
      lines: [
        { account: { number: '3000' }, amount: 100 },
        { account: { number: '3010' }, amount: 20 },
      ],
      taxDetails: [{ taxId: '3', vatAmount: 30 }],
      applications: [{ docType: 'Invoice', refNbr: nr, released: false }],
    });

    const ap = await call('POST', '/v1/supplierInvoice', supplierInvoice('2026-06-07', '4000', 40));
    await call('POST', `/v1/supplierInvoice/${numberOf(ap.location)}/action/release`);
    await call('POST', `/v1/supplierInvoice/Invoice/${numberOf(ap.location)}/action/reverse`, {});
    const bills = (await call('GET', '/v1/supplierInvoice?financialPeriod=202606&pageNumber=1&pageSize=50'))
      .body as Record<string, unknown>[];
    expect(bills.map((b) => b.documentType).sort()).toEqual(['DebitAdj', 'Invoice']);
    expect(bills[0]).toMatchObject({
      supplier: { number: '20001', name: expect.any(String) as string },
      invoiceLines: [{ account: { number: '4000' }, cost: 40 }],
      taxDetailLines: [{ taxId: '1', vatAmount: 10 }],
    });

    const vat = (await call('GET', '/v1/vat')).body as Record<string, unknown>[];
    expect(vat.find((v) => v.vatId === '3')).toMatchObject({
      glAccounts: { vatPayableAccount: { number: '2700' }, vatClaimableAccount: { number: '2700' } },
    });
  });
});
