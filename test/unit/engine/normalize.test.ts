import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { diffDocuments } from '../../../main/engine/diff';
import { hashDocument, normalizeBill, normalizeInvoice } from '../../../main/engine/normalize';
import { mergeBillViews } from '../../../main/engine/pipeline/intake';
import type { ApBill, Invoice } from '../../../main/servicetitan';
import { invoice, line } from './fixtures';

const stInvoice = {
  id: 60001,
  syncStatus: 'Posted',
  referenceNumber: '100001',
  invoiceDate: '2026-01-31T23:30:00Z',
  subTotal: '1000.00',
  salesTax: '250.00',
  total: '1250.00',
  taxZoneId: 301,
  customer: { id: 5, name: 'Kari' },
  businessUnit: { id: 101, name: 'Plumbing Service' },
  job: { id: 40001, number: '40001' },
  items: [
    {
      id: 2,
      type: 'Material',
      skuId: 9101,
      skuName: 'Pipe',
      displayName: 'Pipe',
      quantity: '2',
      price: '100.00',
      total: '200.00',
      taxable: true,
      inventory: true,
      isChargeable: true,
      generalLedgerAccount: { id: 1, number: '3010' },
      order: 2,
      createdOn: 'x',
      modifiedOn: 'x',
    },
    {
      id: 1,
      type: 'Service',
      skuId: 9001,
      skuName: 'Repair',
      description: '<p>Repair</p>',
      quantity: '1',
      price: '800.00',
      total: '800.00',
      taxable: true,
      inventory: false,
      isChargeable: true,
      generalLedgerAccount: { id: 2, number: '3000' },
      order: 1,
      createdOn: 'x',
      modifiedOn: 'x',
    },
  ],
  active: true,
  createdOn: '2026-01-31T10:00:00Z',
  modifiedOn: '2026-02-01T08:00:00Z',
  sentStatus: 'Sent',
  reviewStatus: 'Reviewed',
  invoiceConfiguration: 'JobInvoice',
} as unknown as Invoice;

describe('normalize', () => {
  it('turns a ServiceTitan invoice into a source document with lines in order and HTML stripped', () => {
    const env = normalizeInvoice(stInvoice);
    expect(env.status).toBe('Posted');
    expect(env.doc).toMatchObject({
      stId: '60001',
      number: '100001',
      partyId: '5',
      taxZoneId: '301',
      total: '1250.00',
      jobNumber: '40001',
    });
    expect(env.doc.lines.map((l) => [l.lineId, l.description, l.amount, l.glAccountNumber])).toEqual([
      ['1', 'Repair', '800.00', '3000'],
      ['2', 'Pipe', '200.00', '3010'],
    ]);
  });

  it('hashes the posting content only: status and modifiedOn do not change it', () => {
    const a = normalizeInvoice(stInvoice);
    const b = normalizeInvoice({
      ...stInvoice,
      syncStatus: 'Exported',
      modifiedOn: '2026-03-01T00:00:00Z',
    });
    expect(hashDocument(a.doc)).toBe(hashDocument(b.doc));
    const c = normalizeInvoice({ ...stInvoice, total: '1300.00' });
    expect(hashDocument(c.doc)).not.toBe(hashDocument(a.doc));
  });

  it('takes the vendor bill number as supplier reference and keeps freight free of VAT', () => {
    const bill = {
      id: 80001,
      referenceNumber: 'B80001',
      vendorNumber: 'AHL-20000',
      billDate: '2026-01-10T10:00:00Z',
      billAmount: '1349.00',
      taxAmount: '250.00',
      shippingAmount: '99.00',
      vendor: { id: 701, name: 'Ahlsell' },
      items: [
        {
          id: 1,
          order: 1,
          quantity: '2',
          cost: '500.00',
          skuId: 1,
          skuType: 'Material',
          skuCode: 'S',
          generalLedgerAccount: { id: 3, number: '1460' },
        },
      ],
      expenseItems: [],
      doNotPay: false,
      landedCostMethod: 'None',
      syncStatus: 'Posted',
    } as unknown as ApBill;
    const env = normalizeBill(bill, 'ap-bills');
    expect(env.doc).toMatchObject({
      vendorReference: 'AHL-20000',
      subTotal: '1099.00',
      tax: '250.00',
      total: '1349.00',
    });
    expect(env.doc.lines.map((l) => [l.lineType, l.amount, l.taxable])).toEqual([
      ['item', '1000.00', true],
      ['shipping', '99.00', false],
    ]);
  });

  it('merges the ap-bills and inventory-bills views of the same bill', () => {
    const doc = invoice({ kind: 'ap-bill', stId: '80001' });
    const merged = mergeBillViews([
      { doc, status: 'Posted', views: ['inventory-bills'] },
      { doc: { ...doc, number: 'richer' }, status: 'Posted', views: ['ap-bills'] },
      { doc: { ...doc, stId: '80002' }, status: 'Posted', views: ['ap-bills'] },
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ views: ['ap-bills', 'inventory-bills'], doc: { number: 'richer' } });
  });
});

describe('diffDocuments', () => {
  it('lists header and line differences field by field', () => {
    const before = invoice();
    const after = invoice({
      total: '1500.00',
      lines: [line({ amount: '1200.00' }), line({ lineId: '9', description: 'Extra', amount: '0.00' })],
    });
    expect(diffDocuments(before, after)).toEqual([
      { field: 'total', before: '1250.00', after: '1500.00' },
      { field: 'line 1 amount', before: '1000.00', after: '1200.00' },
      { field: 'line 9', before: null, after: 'Extra 0.00' },
    ]);
  });
});

describe('normalize never throws on a document', () => {
  it('stores an unreadable amount as zero and lists the field, the raw value and why', () => {
    const items = stInvoice.items!;
    const env = normalizeInvoice({
      ...stInvoice,
      total: '1e3',
      salesTax: '',
      items: [{ ...items[0]!, quantity: ' 2 ', total: '200.005' }, items[1]!],
    });
    expect(env.doc.total).toBe('0.00');
    expect(env.doc.tax).toBe('0.00');
    expect(env.doc.lines[1]).toMatchObject({ quantity: '2', amount: '0.00' });
    expect(env.doc.unreadable).toEqual([
      { field: 'line 2 total', value: '"200.005"', why: 'sub_cent' },
      { field: 'salesTax', value: '""', why: 'empty' },
      { field: 'total', value: '"1e3"', why: 'exponent' },
    ]);
  });

  it('shows a long raw value shortened, never inside a character', () => {
    const env = normalizeInvoice({ ...stInvoice, total: `${'1'.repeat(56)}👍🏽${'2'.repeat(20)}` });
    const shown = env.doc.unreadable![0]!.value!;
    expect(shown.length).toBeLessThanOrEqual(60);
    expect(shown.endsWith('…"')).toBe(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(shown)).toBe(false);
  });

  it('records a missing total, takes the lines as subtotal when there is none, and keeps a missing customer', () => {
    const env = normalizeInvoice({ ...stInvoice, total: null, subTotal: null, customer: null });
    expect(env.doc).toMatchObject({ subTotal: '1000.00', total: '0.00', partyId: '', partyName: '' });
    expect(env.doc.unreadable).toEqual([{ field: 'total', value: null, why: 'missing' }]);
  });

  it('reads dates strictly: impossible and far-away dates are listed, the rest kept as sent', () => {
    const env = normalizeInvoice({
      ...stInvoice,
      invoiceDate: '2026-02-30T00:00:00Z',
      dueDate: '0001-01-01T00:00:00Z',
    });
    expect(env.doc.documentDate).toBe('');
    expect(env.doc.unreadable?.map((u) => [u.field, u.why])).toEqual([
      ['invoiceDate', 'not_a_date'],
      ['dueDate', 'date_out_of_range'],
    ]);
    expect(
      normalizeInvoice({ ...stInvoice, invoiceDate: '9998-12-31T00:00:00Z' }).doc.unreadable,
    ).toBeUndefined();
  });

  it('keeps the hash of a readable document as it was (no new field appears)', () => {
    const env = normalizeInvoice(stInvoice);
    expect(env.doc.unreadable).toBeUndefined();
    expect('unreadable' in env.doc).toBe(false);
  });

  it('reads a bill without a bill amount or with unreadable lines without throwing', () => {
    const bill = {
      id: 80002,
      referenceNumber: 'B80002',
      billAmount: null,
      taxAmount: '25.00',
      shippingAmount: 'gratis',
      vendor: null,
      items: [
        { id: 1, order: 1, quantity: '1e2', cost: '1.00', skuId: 1, skuType: 'Material', skuCode: 'S' },
      ],
      expenseItems: [{ id: 9, amount: '100.00' }],
      doNotPay: false,
      landedCostMethod: 'None',
      syncStatus: 'Posted',
    } as unknown as ApBill;
    const env = normalizeBill(bill, 'ap-bills');
    expect(env.doc).toMatchObject({ partyId: '', total: '0.00', documentDate: '', subTotal: '100.00' });
    expect(env.doc.unreadable?.map((u) => `${u.field}:${u.why}`)).toEqual([
      'item 1 quantity:exponent',
      'shippingAmount:not_decimal',
      'billDate:missing',
      'billAmount:missing',
    ]);
  });

  it('survives any string in any amount field (property)', () => {
    const anyAmount = fc.oneof(
      fc.string(),
      fc.constantFrom('1e3', '', ' 12.50 ', '-0', '9'.repeat(400), 'NaN', '1,5', null),
    );
    fc.assert(
      fc.property(
        anyAmount,
        anyAmount,
        anyAmount,
        anyAmount,
        anyAmount,
        (total, subTotal, tax, qty, price) => {
          const items = stInvoice.items!;
          const env = normalizeInvoice({
            ...stInvoice,
            total,
            subTotal,
            salesTax: tax,
            items: [{ ...items[0]!, quantity: qty, price, total: price }],
          });
          for (const value of [
            env.doc.total,
            env.doc.subTotal,
            env.doc.tax,
            ...env.doc.lines.map((l) => l.amount),
          ])
            expect(value).toMatch(/^-?\d+\.\d{2}$/);
          for (const l of env.doc.lines)
            expect(() => money(l.quantity).times(money(l.unitPrice))).not.toThrow();
        },
      ),
      { seed: 20260620, numRuns: 300 },
    );
  });
});
