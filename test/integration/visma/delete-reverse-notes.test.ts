import { afterEach, describe, expect, it } from 'vitest';
import { startVismaSimulator } from '../../simulators/visma';
import type { VismaSimulator } from '../../simulators/visma';
import { createVismaClient } from '../../../main/visma';
import type { VismaClient } from '../../../main/visma';
import { ANCHORED } from '../../support/test-day';
import { connectionFor, rawApi, rawToken, testOptions } from './helpers';

let sim: VismaSimulator | undefined;
afterEach(async () => {
  await sim?.stop();
  sim = undefined;
});

async function start(): Promise<{ s: VismaSimulator; client: VismaClient }> {
  sim = await startVismaSimulator({ ...ANCHORED.visma, release: { mode: 'instant' } });
  return { s: sim, client: createVismaClient(connectionFor(sim), testOptions()) };
}

const arLines = [{ description: 'Labour', unitPrice: '800', accountNumber: '3000', vatCodeId: '3' }];
const apLines = [{ description: 'Pipe', unitCost: '400', accountNumber: '4000', vatCodeId: '1' }];

describe('delete and reverse', () => {
  it('deletes unreleased customer invoices and credit notes; a released one is refused and reversed instead', async () => {
    const { s, client } = await start();
    const draft = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: '2026-06-05',
      externalReference: 'ST-DUP-1',
      lines: arLines,
    });
    expect(await client.deleteCustomerInvoice(draft)).toBe(true);
    expect(await client.getCustomerInvoice(draft)).toBeNull();
    expect(await client.deleteCustomerInvoice(draft)).toBe(false);
    const note = await client.createCustomerCreditNote({
      customerNumber: '10001',
      documentDate: '2026-06-05',
      lines: arLines,
    });
    expect(await client.deleteCustomerCreditNote(note)).toBe(true);

    const released = await client.createCustomerInvoice({
      customerNumber: '10002',
      documentDate: '2026-06-06',
      externalReference: 'ST-DUP-2',
      note: 'ST invoice 2',
      lines: arLines,
    });
    await client.releaseCustomerInvoice(released);
    const refused = await client.deleteCustomerInvoice(released).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation', status: 400 });
    expect((refused as Error).message).toMatch(/released and cannot be deleted/);

    const reversal = await client.reverseCustomerInvoice(released);
    expect(reversal.documentType).toBe('CreditNote');
    const credit = (await client.getCustomerCreditNote(reversal.referenceNumber))!;
    // The reversing credit note copies the header and lines, unreleased, in the invoice's period.
    expect(credit).toMatchObject({
      status: 'Balanced',
      customerNumber: '10002',
      documentDate: '2026-06-06',
      financialPeriod: '202606',
      externalReference: 'ST-DUP-2',
      note: 'ST invoice 2',
      amount: '1000',
      vatTotal: '200',
    });
    await expect(client.reverseCustomerInvoice(released)).rejects.toMatchObject({ code: 'validation' });
    expect((await client.releaseCustomerCreditNote(reversal.referenceNumber)).actionResult).toBe('Done');
    expect((await client.getCustomerInvoice(released))?.status).toBe('Closed');
    expect((await client.getCustomerCreditNote(reversal.referenceNumber))?.status).toBe('Closed');
    // Two batches: the invoice's and the opposite one.
    const batches = (await client.listGlBatches({ module: 'AR', period: '202606' })).filter((b) =>
      b.lines.some((l) => [released, reversal.referenceNumber].includes(l.referenceNumber ?? '')),
    );
    const receivable = batches.map((b) => b.lines.find((l) => l.accountNumber === '1500')!);
    expect(receivable.map((l) => [l.debitAmount, l.creditAmount]).sort()).toEqual([
      ['0', '1000'],
      ['1000', '0'],
    ]);
    expect(s.violations()).toEqual([]);
  });

  it('deletes an unreleased supplier invoice and reverses a released one into a debit adjustment', async () => {
    const { s, client } = await start();
    const draft = await client.createSupplierInvoice({
      supplierNumber: '20001',
      date: '2026-06-05',
      lines: apLines,
    });
    expect(await client.deleteSupplierInvoice(draft)).toBe(true);
    expect(await client.getSupplierInvoice(draft)).toBeNull();

    const bill = await client.createSupplierInvoice({
      supplierNumber: '20001',
      date: '2026-06-05',
      supplierReference: 'AHL-1',
      description: 'PO 12 (ST-BILL-12)',
      note: 'ST-BILL-12',
      lines: apLines,
    });
    // The release is a background job; waiting reads it until it is done.
    expect((await client.releaseSupplierInvoice(bill, { waitMs: 60_000, pollMs: 20 })).actionResult).toBe(
      'Done',
    );
    await expect(client.deleteSupplierInvoice(bill)).rejects.toMatchObject({ status: 400 });
    const reversal = await client.reverseSupplierInvoice(bill);
    expect(reversal.documentType).toBe('DebitAdj');
    const adjustment = (await client.getSupplierInvoice(reversal.referenceNumber, {
      documentType: 'DebitAdj',
    }))!;
    expect(adjustment.invoice).toMatchObject({
      documentType: 'DebitAdj',
      status: 'Balanced',
      supplierNumber: '20001',
      amount: '500',
      note: 'ST-BILL-12',
    });
    const released = await client.releaseSupplierInvoice(reversal.referenceNumber, {
      documentType: 'DebitAdj',
      waitMs: 60_000,
      pollMs: 20,
    });
    expect(released.actionResult).toBe('Done');
    expect((await client.getSupplierInvoice(bill))?.invoice.status).toBe('Closed');
    expect(
      (await client.listSupplierInvoices({ documentType: 'DebitAdj' })).map((d) => d.referenceNumber),
    ).toEqual([reversal.referenceNumber]);
    expect(s.violations()).toEqual([]);
  });
});

describe('the note marker', () => {
  it('stores note on customer invoices, credit notes and supplier invoices and returns it in gets and lists', async () => {
    const { s, client } = await start();
    const inv = await client.createCustomerInvoice({
      customerNumber: '10001',
      documentDate: '2026-06-07',
      externalReference: 'ST-INV-77',
      note: 'servicetitan:invoice:77',
      lines: arLines,
    });
    const cn = await client.createCustomerCreditNote({
      customerNumber: '10001',
      documentDate: '2026-06-07',
      externalReference: 'ST-INV-78',
      note: 'servicetitan:invoice:78',
      lines: arLines,
    });
    const bill = await client.createSupplierInvoice({
      supplierNumber: '20003',
      date: '2026-06-07',
      description: 'Parts (ST-BILL-9)',
      note: 'servicetitan:bill:9',
      lines: apLines,
    });
    expect((await client.getCustomerInvoice(inv))?.note).toBe('servicetitan:invoice:77');
    expect((await client.listCustomerInvoices({ externalReference: 'ST-INV-77' }))[0]?.note).toBe(
      'servicetitan:invoice:77',
    );
    expect((await client.listCustomerCreditNotes({ externalReference: 'ST-INV-78' }))[0]?.note).toBe(
      'servicetitan:invoice:78',
    );
    expect((await client.getCustomerCreditNote(cn))?.note).toBe('servicetitan:invoice:78');
    expect((await client.getSupplierInvoice(bill))?.invoice.note).toBe('servicetitan:bill:9');
    expect((await client.listSupplierInvoices({ supplier: '20003' }))[0]).toMatchObject({
      note: 'servicetitan:bill:9',
      description: 'Parts (ST-BILL-9)',
    });
    // Without expandNote the supplier-invoice list leaves the note out, as its description says.
    const raw = await rawApi(s, await rawToken(s))(
      'GET',
      '/v1/supplierInvoice?supplier=20003&pageNumber=1&pageSize=10',
    );
    expect((raw.json as Record<string, unknown>[])[0]).not.toHaveProperty('note');
  });
});
