import { describe, expect, it } from 'vitest';
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
