import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../../simulators/visma';
import type { VismaSimulator } from '../../simulators/visma';
import { createVismaClient } from '../../../main/visma';
import type { VismaClient } from '../../../main/visma';
import { connectionFor, testOptions, thisMonth } from './helpers';

// Every request the client sends is validated by the simulator against the official description, and every answer
// the simulator gives is validated too; both land in `sim.violations()`, which must stay empty.
describe('Visma client against the simulator (contract)', () => {
  let sim: VismaSimulator;
  let client: VismaClient;
  const calls: string[] = [];

  beforeAll(async () => {
    sim = await startVismaSimulator({ maxPageSize: 3 });
    client = createVismaClient(
      connectionFor(sim),
      testOptions({ pageSize: 10, onCall: (e) => calls.push(e) }),
    );
  });
  afterAll(async () => {
    await sim.stop();
  });

  it('reads all master data, paging past maxPageSize', async () => {
    const [
      accounts,
      subaccounts,
      dimension,
      zones,
      categories,
      codes,
      branches,
      periods,
      projects,
      customers,
      suppliers,
    ] = await Promise.all([
      client.listAccounts(),
      client.listSubaccounts(),
      client.getDimension('SUBACCOUNT'),
      client.listVatZones(),
      client.listVatCategories(),
      client.listVatCodes(),
      client.listBranches(),
      client.listFinancialPeriods(),
      client.listProjects(),
      client.listCustomers(),
      client.listSuppliers(),
    ]);
    expect(accounts.map((a) => a.accountCD)).toEqual(
      expect.arrayContaining(['1500', '2400', '2700', '3000', '4000']),
    );
    expect(subaccounts).toHaveLength(6);
    expect(subaccounts[0]!.segments).toHaveLength(2);
    expect(dimension?.segments[0]?.segmentValues.map((v) => v.valueId)).toContain('10');
    expect(zones.map((z) => z.id)).toEqual(['01', '02']);
    expect(categories.find((c) => c.vatCategoryId === 'HIGH')?.vatIds).toContain('3');
    expect(codes.find((c) => c.vatId === '3')).toMatchObject({ rate: '25', zoneIds: ['01'] });
    expect(codes.map((c) => c.rate)).toEqual(expect.arrayContaining(['25', '15', '12', '0']));
    expect(branches).toHaveLength(2);
    expect(periods).toHaveLength(24);
    expect(periods.filter((p) => p.closedInCustomerLedger).map((p) => p.period)).toEqual([
      sim.companies[0]!.closedPeriod,
    ]);
    expect(projects.length).toBe(4);
    expect(customers.length).toBe(6);
    expect(suppliers.length).toBe(5);
    // Paging: 6 customers at maxPageSize 3 → two pages (the client asked for 10 and lowered to 3).
    expect(calls.filter((c) => c === 'GET /v1/customer')).toHaveLength(2);
    expect(sim.violations()).toEqual([]);
  });

  it('creates, finds, updates and releases a customer invoice and finds its GL batch', async () => {
    const date = thisMonth();
    const number = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: date,
      externalReference: 'ST-INV-1001',
      customerRefNumber: 'PO-77',
      invoiceText: 'Service visit',
      branchNumber: '1',
      project: 'P1001',
      lines: [
        {
          description: 'Labour',
          quantity: '1.5',
          unitPrice: '999.99',
          accountNumber: '3000',
          vatCodeId: '3',
          subaccount: [
            { segmentId: 1, segmentValue: '10' },
            { segmentId: 2, segmentValue: '01' },
          ],
        },
        { description: 'Parts', quantity: '3', unitPrice: '33.33', accountNumber: '3010', vatCodeId: '3' },
      ],
    });
    expect(number).toMatch(/^\d{6}$/);
    const invoice = await client.getCustomerInvoice(number);
    expect(invoice).toMatchObject({
      status: 'Balanced',
      customerNumber: '10001',
      detailTotal: '1599.98',
      vatTotal: '400',
      amount: '1999.98',
      documentDate: date,
    });
    expect(
      (await client.listCustomerInvoices({ externalReference: 'ST-INV-1001' })).map((i) => i.referenceNumber),
    ).toEqual([number]);
    expect(
      (await client.listCustomerInvoices({ customerRefNumber: 'PO-77' })).map((i) => i.referenceNumber),
    ).toEqual([number]);
    expect(await client.listCustomerInvoices({ externalReference: 'nope' })).toEqual([]);

    await client.updateCustomerInvoice(number, {
      invoiceText: 'Service visit (updated)',
      lines: [
        { operation: 'Update', lineNumber: 2, quantity: '4' },
        {
          operation: 'Insert',
          description: 'Travel',
          unitPrice: '100',
          accountNumber: '3000',
          vatCodeId: '3',
        },
      ],
    });
    const updated = await client.getCustomerInvoice(number);
    expect(updated).toMatchObject({
      invoiceText: 'Service visit (updated)',
      detailTotal: '1733.31',
      vatTotal: '433.33',
      amount: '2166.64',
    });

    // Visma may release in the background (the simulator queues a share of releases): wait for the result.
    expect(await client.releaseCustomerInvoice(number, { waitMs: 20_000, pollMs: 25 })).toMatchObject({
      actionResult: 'Done',
    });
    expect((await client.getCustomerInvoice(number))?.status).toBe('Open');
    const period = date.slice(0, 4) + date.slice(5, 7);
    const batch = await client.findGlBatch({ module: 'AR', period, referenceNumber: number });
    expect(batch?.batchNumber).toMatch(/^\d{6}$/);
    expect((await client.glBatchNumbersByReference({ module: 'AR', period })).get(number)).toBe(
      batch?.batchNumber,
    );
    const full = await client.getGlBatch(batch!.batchNumber);
    expect(full?.lines.find((l) => l.accountNumber === '1500')?.debitAmount).toBe('2166.64');
    expect(sim.violations()).toEqual([]);
  });

  it('creates and releases a credit note, and a supplier invoice through the background API', async () => {
    const date = thisMonth(12);
    const credit = await client.createCustomerCreditNote({
      customerNumber: '10002',
      documentDate: date,
      externalReference: 'ST-CN-1',
      lines: [{ description: 'Refund', unitPrice: '200', accountNumber: '3000', vatCodeId: '3' }],
    });
    expect(await client.getCustomerCreditNote(credit)).toMatchObject({
      status: 'Balanced',
      amount: '250',
      vatTotal: '50',
    });
    expect(await client.releaseCustomerCreditNote(credit, { waitMs: 20_000, pollMs: 25 })).toMatchObject({
      actionResult: 'Done',
    });
    expect((await client.listCustomerCreditNotes({ externalReference: 'ST-CN-1' }))[0]?.status).toBe('Open');

    const bill = await client.createSupplierInvoice({
      supplierNumber: '20001',
      date,
      supplierReference: 'AHL-5531',
      description: 'PO 881',
      lines: [
        {
          description: 'Copper pipe',
          quantity: '10',
          unitCost: '45.5',
          accountNumber: '4000',
          vatCodeId: '1',
          projectId: 'P1001',
        },
      ],
    });
    const found = await client.listSupplierInvoices({ supplier: '20001', date, dateCondition: '>=' });
    expect(found.map((f) => f.supplierReference)).toContain('AHL-5531');
    expect(await client.updateSupplierInvoice(bill, { description: 'PO 881 (received)' })).toBe(true);
    expect((await client.getSupplierInvoice(bill))?.invoice).toMatchObject({
      description: 'PO 881 (received)',
      amount: '568.75',
      vatTotal: '113.75',
    });
    expect(await client.releaseSupplierInvoice(bill, { waitMs: 20_000, pollMs: 25 })).toMatchObject({
      actionResult: 'Done',
    });
    expect((await client.getSupplierInvoice(bill))?.invoice.status).toBe('Open');
    const period = date.slice(0, 4) + date.slice(5, 7);
    expect(await client.findGlBatch({ module: 'AP', period, referenceNumber: bill })).not.toBeNull();
    expect(sim.violations()).toEqual([]);
  });

  it('creates and updates customers and suppliers', async () => {
    const customer = await client.createCustomer({
      name: 'Ny Kunde AS',
      vatZoneId: '01',
      email: 'post@nykunde.no',
      city: 'Oslo',
      countryId: 'NO',
      corporateId: '999888777',
    });
    await client.updateCustomer(customer, { phone: '+47 22 00 00 00' });
    expect(await client.getCustomer(customer)).toMatchObject({
      name: 'Ny Kunde AS',
      email: 'post@nykunde.no',
      phone: '+47 22 00 00 00',
      vatZoneId: '01',
    });
    const supplier = await client.createSupplier({ name: 'Ny Leverandør AS', vatZoneId: '01' });
    expect(await client.updateSupplier(supplier, { email: 'faktura@lev.no' })).toBe(true);
    expect((await client.getSupplier(supplier))?.supplier.email).toBe('faktura@lev.no');
    expect(await client.updateSupplier(supplier, () => null)).toBe(false);
    expect(await client.listCustomers({ modifiedSince: '2000-01-01' })).not.toHaveLength(0);
    expect(sim.violations()).toEqual([]);
  });

  it('maps refusals to plain-language errors', async () => {
    const date = thisMonth();
    const base = {
      documentDate: date,
      lines: [{ description: 'x', unitPrice: '10', accountNumber: '3000', vatCodeId: '3' }],
    };
    await expect(client.createCustomerInvoice({ ...base, customerNumber: '10005' })).rejects.toMatchObject({
      code: 'customer_inactive',
    });
    await expect(client.createCustomerInvoice({ ...base, customerNumber: '19999' })).rejects.toMatchObject({
      code: 'customer_missing',
    });
    await expect(client.createCustomerInvoice({ ...base, customerNumber: '10004' })).rejects.toMatchObject({
      code: 'vat_code_not_valid',
    });
    await expect(
      client.createCustomerInvoice({
        ...base,
        customerNumber: '10001',
        lines: [{ description: 'x', unitPrice: '1', accountNumber: '3099' }],
      }),
    ).rejects.toMatchObject({ code: 'account_inactive' });
    await expect(
      client.createCustomerInvoice({
        ...base,
        customerNumber: '10001',
        lines: [{ description: 'x', unitPrice: '1', accountNumber: '3555' }],
      }),
    ).rejects.toMatchObject({ code: 'account_missing' });
    const closed = sim.companies[0]!.closedPeriod;
    const error = await client
      .createCustomerInvoice({
        ...base,
        customerNumber: '10001',
        documentDate: `${closed.slice(0, 4)}-${closed.slice(4)}-15`,
      })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'period_closed' });
    expect((error as Error).message).toMatch(/closed in the customer ledger/);
    await expect(
      client.createSupplierInvoice({
        supplierNumber: '20005',
        date,
        lines: [{ description: 'x', unitCost: '1', accountNumber: '4000', vatCodeId: '1' }],
      }),
    ).rejects.toMatchObject({ code: 'supplier_inactive' });
    expect(sim.violations()).toEqual([]);
  });
});
