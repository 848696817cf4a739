import { describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../shared/sync-settings';
import { markerOf } from '../../../main/engine/lifecycle/markers';
import { resolveDocument } from '../../../main/engine/mapping/resolve';
import { emptyRules } from '../../../main/engine/mapping/rules';
import { invoice, line, resolveContext } from './fixtures';

describe('resolveDocument', () => {
  it('maps a plain invoice by same account number, zone rate and business-unit name', () => {
    const r = resolveDocument(invoice(), resolveContext());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.planned).toMatchObject({
      kind: 'customerInvoice',
      partyNumber: '10001',
      date: '2026-01-15',
      financialPeriod: '202601',
      externalReference: 'ST-8450100-INV-60001',
      customerRefNumber: '100001',
      text: 'ServiceTitan invoice 100001, job 40001',
      hold: false,
      expected: { amount: '1250.00', vat: '250.00' },
    });
    expect(r.planned.lines[0]).toMatchObject({
      accountNumber: '3000',
      vatCodeId: '3',
      quantity: '2',
      unitPrice: '500',
      amount: '1000.00',
      subaccount: [{ segmentId: 1, segmentValue: '10' }],
      holding: false,
    });
  });

  it('follows the rule order: SKU, then GL account, then same number, then business unit', () => {
    const rules = emptyRules();
    rules.revenueByBusinessUnit['101'] = { account: '3010' };
    const noGl = resolveDocument(
      invoice({ lines: [line({ glAccountNumber: '9999' })] }),
      resolveContext({ rules }),
    );
    expect(noGl.ok && noGl.planned.lines[0]!.accountNumber).toBe('3010');
    rules.revenueByGlAccount['3000'] = { account: '3050' };
    const byGl = resolveDocument(invoice(), resolveContext({ rules }));
    expect(byGl.ok && byGl.planned.lines[0]!.accountNumber).toBe('3050');
    rules.revenueBySku['9001'] = { account: '3010' };
    const bySku = resolveDocument(invoice(), resolveContext({ rules }));
    expect(bySku.ok && bySku.planned.lines[0]!.accountNumber).toBe('3010');
  });

  it('uses the holding account for an unmapped line and holds the document', () => {
    const settings = { ...defaultSyncSettings(), holdingAccount: '2900' };
    const r = resolveDocument(
      invoice({ lines: [line({ glAccountNumber: '3080' })] }),
      resolveContext({ settings }),
    );
    expect(r.ok && r.held).toBe(true);
    expect(r.ok && r.planned.hold).toBe(true);
    expect(r.ok && r.planned.lines[0]).toMatchObject({ accountNumber: '2900', holding: true });
  });

  it('blocks with account_missing when there is no holding account', () => {
    const r = resolveDocument(invoice({ lines: [line({ glAccountNumber: '3080' })] }), resolveContext());
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]!.code).toBe('account_missing');
  });

  it('blocks with customer_missing when the customer is not linked', () => {
    const r = resolveDocument(invoice({ partyId: '999' }), resolveContext());
    expect(!r.ok && r.problems.map((p) => p.code)).toContain('customer_missing');
  });

  it('turns a net-negative invoice into a credit note with positive amounts', () => {
    const doc = invoice({
      subTotal: '-200.00',
      tax: '-50.00',
      total: '-250.00',
      lines: [line({ quantity: '1', unitPrice: '-200.00', amount: '-200.00' })],
    });
    const r = resolveDocument(doc, resolveContext());
    expect(r.ok && r.planned.kind).toBe('customerCreditNote');
    expect(r.ok && r.planned.lines[0]).toMatchObject({ amount: '200.00', unitPrice: '200', quantity: '1' });
    expect(r.ok && r.planned.expected).toEqual({ amount: '250.00', vat: '50.00' });
  });

  it('picks the VAT code per line rate in a zone with separate labour and material rates', () => {
    const doc = invoice({
      taxZoneId: '304',
      lines: [line(), line({ lineId: '2', lineType: 'Material', glAccountNumber: '3050' })],
    });
    const r = resolveDocument(doc, resolveContext());
    expect(r.ok && r.planned.lines.map((l) => l.vatCodeId)).toEqual(['3', '31']);
  });

  it('moves a line to the accountByVatCode account when its own account does not allow the VAT code', () => {
    const rules = emptyRules();
    rules.accountByVatCode['31'] = { account: '3050' };
    const doc = invoice({
      taxZoneId: '304',
      lines: [line(), line({ lineId: '2', lineType: 'Material', glAccountNumber: '3010' })],
    });
    const r = resolveDocument(doc, resolveContext({ rules }));
    expect(r.ok && r.planned.lines.map((l) => [l.accountNumber, l.vatCodeId])).toEqual([
      ['3000', '3'],
      ['3050', '31'],
    ]);
  });

  it('dates a 23:30 UTC month-end document in the next local month in Europe/Oslo', () => {
    const r = resolveDocument(invoice({ documentDate: '2026-01-31T23:30:00Z' }), resolveContext());
    expect(r.ok && r.planned.date).toBe('2026-02-01');
    expect(r.ok && r.planned.financialPeriod).toBe('202602');
  });

  it('gives bills a supplier invoice with the vendor reference and input VAT', () => {
    const bill = invoice({
      kind: 'ap-bill',
      partyId: '7',
      vendorReference: 'AHL-1',
      lines: [line({ glAccountNumber: '4000' })],
    });
    const r = resolveDocument(bill, resolveContext());
    expect(r.ok && r.planned).toMatchObject({
      kind: 'supplierInvoice',
      partyNumber: '20001',
      supplierReference: 'AHL-1',
      externalReference: markerOf('ap-bill', '8450100', '60001'),
    });
    expect(r.ok && r.planned.lines[0]!.vatCodeId).toBe('1');
  });

  it('uses an explicit VAT rule and cost-center rule over the defaults', () => {
    const rules = emptyRules();
    rules.vatByTaxZone['301'] = { salesTaxable: '5' };
    rules.businessUnitDimensions['101'] = { costCenter: '20' };
    const r = resolveDocument(invoice(), resolveContext({ rules }));
    expect(r.ok && r.planned.lines[0]).toMatchObject({
      vatCodeId: '5',
      subaccount: [{ segmentId: 1, segmentValue: '20' }],
    });
  });
});
