import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../../simulators/visma';
import type { VismaSimulator } from '../../simulators/visma';
import { createVismaClient, isUncertain, testConnection, UncertainWriteError } from '../../../main/visma';
import { connectionFor, testOptions, thisMonth } from './helpers';

let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

describe('acceptance: Visma client and simulator', () => {
  it('2. a stale If-Match gets 412 and the client retries on fresh data', async () => {
    sim = await startVismaSimulator();
    const s = sim;
    const client = createVismaClient(connectionFor(s), testOptions());
    const seen: string[] = [];
    const changed = await client.updateSupplier('20002', (current) => {
      seen.push(current.name);
      // Someone edits the supplier in Visma between our read and our write (first attempt only).
      if (seen.length === 1) s.touchSupplier('20002', { name: 'Brødrene Dahl AS (renamed)' });
      return { email: 'ap@dahl.no' };
    });
    expect(changed).toBe(true);
    expect(seen).toEqual(['Brødrene Dahl AS', 'Brødrene Dahl AS (renamed)']);
    expect((await client.getSupplier('20002'))?.supplier).toMatchObject({
      name: 'Brødrene Dahl AS (renamed)',
      email: 'ap@dahl.no',
    });
    expect(client.callCounts()['PUT /v1/supplier/{supplierCd}']).toBe(2);
    expect(s.violations()).toEqual([]);
  });

  it('2b. the same holds for supplier invoices', async () => {
    sim = await startVismaSimulator();
    const s = sim;
    const client = createVismaClient(connectionFor(s), testOptions());
    const bill = await client.createSupplierInvoice({
      supplierNumber: '20001',
      date: thisMonth(),
      lines: [{ description: 'Pipe', unitCost: '100', accountNumber: '4000', vatCodeId: '1' }],
    });
    let attempts = 0;
    await client.updateSupplierInvoice(bill, () => {
      if (++attempts === 1) s.touchSupplierInvoice(bill, { text: 'edited in Visma' });
      return { supplierReference: 'INV-9' };
    });
    expect(attempts).toBe(2);
    expect((await client.getSupplierInvoice(bill))?.invoice).toMatchObject({
      supplierReference: 'INV-9',
      description: 'edited in Visma',
    });
  });

  it('3. commit-then-drop on a create is reported as uncertain and the document exists once', async () => {
    sim = await startVismaSimulator();
    const client = createVismaClient(connectionFor(sim), testOptions());
    sim.injectFault({
      kind: 'commit-then-drop',
      method: 'POST',
      pathIncludes: '/v2/customerinvoice',
      count: 1,
    });
    const error = await client
      .createCustomerInvoice({
        customerNumber: '10001',
        documentDate: thisMonth(),
        externalReference: 'ST-42',
        lines: [{ description: 'Labour', unitPrice: '500', accountNumber: '3000', vatCodeId: '3' }],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UncertainWriteError);
    expect(isUncertain(error)).toBe(true);
    expect((error as Error).message).toMatch(/may or may not have been saved/);
    const stored = sim.documents('customerInvoice').filter((d) => d.externalReference === 'ST-42');
    expect(stored).toHaveLength(1);
    // The engine's look-up by external reference finds it, so it is adopted instead of posted twice.
    expect(await client.listCustomerInvoices({ externalReference: 'ST-42' })).toHaveLength(1);
    expect(sim.counters().byEndpoint.CustomerInvoiceV2_Create).toBe(1);
  });

  it('3b. a 5xx on a write is uncertain, a 5xx on a read is retried', async () => {
    sim = await startVismaSimulator();
    const client = createVismaClient(connectionFor(sim), testOptions());
    sim.injectFault({ kind: 'status', status: 503, method: 'GET', pathIncludes: '/v1/account', count: 2 });
    expect((await client.listAccounts()).length).toBeGreaterThan(10);
    expect(client.callCounts()['GET /v1/account']).toBe(3);
    sim.injectFault({ kind: 'status', status: 500, method: 'POST', pathIncludes: '/v1/customer', count: 1 });
    await expect(client.createCustomer({ name: 'X AS' })).rejects.toMatchObject({
      code: 'uncertain',
      status: 500,
    });
    sim.injectFault({ kind: 'status', status: 429, retryAfter: 0, count: 1 });
    sim.injectFault({ kind: 'status', status: 401, count: 1 });
    expect(await client.getCustomer('10001')).toMatchObject({ name: 'Nordvik Eiendom AS' });
  });

  it('4. 300 reads under a 100-per-10-s budget: no 429 reaches the caller, no window over budget', async () => {
    sim = await startVismaSimulator({ rateLimit: { budget: 100, windowSeconds: 10 } });
    const client = createVismaClient(connectionFor(sim), testOptions());
    const waits: Date[] = [];
    client.onRateLimitWait((resumeAt) => waits.push(resumeAt));
    const numbers = ['1500', '2400', '2700', '3000', '3010', '4000'];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < 300) {
        const i = next++;
        const account = await client.getAccount(numbers[i % numbers.length]!);
        expect(account?.accountCD).toBe(numbers[i % numbers.length]);
      }
    };
    const started = Date.now();
    await Promise.all([worker(), worker(), worker(), worker()]);
    const usage = sim.rateLimitUsage();
    expect(usage.reduce((n, w) => n + w.used, 0)).toBe(300);
    expect(usage.every((w) => w.used <= 100)).toBe(true);
    expect(usage.reduce((n, w) => n + w.rejected, 0)).toBe(0);
    expect(client.callCounts()['GET /v1/account/{accountCd}']).toBe(300);
    // A used-up window is announced once at most (the caller shows when the work carries on); on a slow machine a
    // window can also run out of time before it runs out of calls, and then nothing waits.
    expect(waits.length).toBeLessThanOrEqual(usage.length - 1);
    expect(waits.every((at) => at.getTime() > started)).toBe(true);
    console.log(
      `300 reads in ${Date.now() - started} ms over ${usage.length} windows: ${usage.map((w) => w.used).join(', ')}`,
    );
  }, 90_000);

  it('5. a token for company A with the company id of B is refused, and the connection test says why', async () => {
    sim = await startVismaSimulator();
    const a = sim.companies[0]!;
    const b = sim.companies[1]!;
    const mixed = { ...connectionFor(sim, 0), companyId: b.companyId };
    const client = createVismaClient(mixed, testOptions());
    await expect(client.listBranches()).rejects.toMatchObject({ code: 'company_mismatch', status: 400 });

    const result = await testConnection(mixed, testOptions());
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({ name: 'Visma Connect token', ok: true });
    expect(result.checks[1]).toMatchObject({ name: 'Company access', ok: false });
    expect(result.checks[1]!.message).toContain(b.companyId);
    expect(result.checks[1]!.message).toContain(a.tenantId);
    expect(result.checks[1]!.message).toMatch(/company tenant id .*not the customer tenant id/);
    expect(JSON.stringify(result)).not.toContain(a.clientSecret);
  });

  it('5b. the connection test names other tenant mistakes and passes a good connection', async () => {
    sim = await startVismaSimulator();
    const good = connectionFor(sim);
    const ok = await testConnection(good, testOptions());
    expect(ok.ok).toBe(true);
    expect(ok.checks.map((c) => c.name)).toEqual([
      'Visma Connect token',
      'Company access',
      'GL accounts',
      'Subaccounts',
      'VAT zones',
      'VAT categories',
      'VAT codes',
      'Branches',
      'Financial periods',
      'Projects',
      'Customers',
      'Suppliers',
    ]);

    const customerTenant = await testConnection(
      { ...good, tenantId: sim.companies[0]!.customerTenantId },
      testOptions(),
    );
    expect(customerTenant.checks[1]).toMatchObject({ name: 'Company access', ok: false });
    expect(customerTenant.checks[1]!.message).toMatch(/customer tenant id/);

    const unknownTenant = await testConnection(
      { ...good, tenantId: '00000000-0000-0000-0000-000000000000' },
      testOptions(),
    );
    expect(unknownTenant.checks[0]).toMatchObject({ ok: false });
    expect(unknownTenant.checks[0]!.message).toMatch(/refused tenant id 00000000/);

    const badSecret = await testConnection({ ...good, clientSecret: 'not-the-secret' }, testOptions());
    expect(badSecret.checks[0]!.message).toMatch(/did not accept the client id/);
    expect(JSON.stringify(badSecret)).not.toContain('not-the-secret');

    sim.setLicensed(false);
    const unlicensed = await testConnection(good, testOptions());
    expect(unlicensed.checks[1]!.message).toMatch(/no licence/);
  });
});
