import { describe, expect, it } from 'vitest';
import { matchPeriod } from '../../../../main/engine/reconcile/match';
import { drilldownCounts, handTotals, periodTotals } from '../../../../main/engine/reconcile/totals';
import { ledgerRef, stDoc, vismaDoc } from './fixtures';

const drilldown = () =>
  matchPeriod({
    financialPeriod: '202403',
    stDocs: [
      stDoc('1'),
      stDoc('2', { amount: '0.10', vat: '0.02' }),
      stDoc('3', { businessUnitId: '20', businessUnitName: 'Plumbing', amount: '0.20', vat: '0.04' }),
      stDoc('4', { documentType: 'creditNote', key: 'ST-8450100-INV-4', amount: '50.00', vat: '10.00' }),
      stDoc('5', { state: 'ignored', amount: '1000.00' }),
      stDoc('6', {
        documentType: 'apBill',
        key: 'ST-8450100-BILL-6',
        businessUnitId: null,
        businessUnitName: null,
      }),
    ],
    vismaDocs: [
      vismaDoc('V1', 'ST-8450100-INV-1'),
      vismaDoc('V2', 'ST-8450100-INV-2', { amount: '0.10', vat: '0.02' }),
      vismaDoc('V2b', 'ST-8450100-INV-2', { amount: '0.10', vat: '0.02' }),
      vismaDoc('C4', 'ST-8450100-INV-4', {
        kind: 'customerCreditNote',
        documentType: 'creditNote',
        amount: '50.00',
        vat: '10.00',
      }),
      vismaDoc('V9', 'ST-8450100-INV-9', { amount: '7.00', vat: '1.40' }),
      vismaDoc('V10', 'ST-8450100-INV-10', { amount: '3.00', vat: '0.60' }),
      vismaDoc('H1', null, { amount: '99.00', vat: '0.00' }),
      vismaDoc('HB', null, { kind: 'supplierInvoice', documentType: 'apBill', amount: '1.00', vat: '0.25' }),
    ],
    elsewhere: new Map([['ST-8450100-INV-10', ledgerRef('ST-8450100-INV-10')]]),
  });

describe('periodTotals', () => {
  it('sums each side per type and business unit, exactly, with ServiceTitan minus Visma', () => {
    const { totals, totalsByType } = periodTotals(drilldown());
    const row = (type: string, bu: string | null) =>
      totals.find((t) => t.documentType === type && t.businessUnitId === bu);
    // 125.00 + 0.10 (ignored 1000.00 left out) vs 125.00 + 0.10 + 0.10 (the duplicate).
    expect(row('invoice', '10')).toMatchObject({
      businessUnitName: 'HVAC Service',
      servicetitan: { count: 2, amount: '125.10', vat: '25.02' },
      visma: { count: 3, amount: '125.20', vat: '25.04' },
      difference: { count: -1, amount: '-0.10', vat: '-0.02' },
    });
    // Missing in Visma: only the ServiceTitan side; the outside-period Visma document takes its source's unit.
    expect(row('invoice', '20')).toMatchObject({
      servicetitan: { count: 1, amount: '0.20' },
      visma: { count: 1, amount: '3.00' },
      difference: { amount: '-2.80' },
    });
    expect(row('invoice', null)).toMatchObject({
      servicetitan: { count: 0, amount: '0.00' },
      visma: { count: 1, amount: '7.00' },
    });
    expect(row('creditNote', '10')?.difference).toEqual({ count: 0, amount: '0.00', vat: '0.00' });
    expect(row('apBill', null)).toMatchObject({ servicetitan: { count: 1 }, visma: { count: 0 } });
    expect(totalsByType.map((t) => t.documentType)).toEqual(['invoice', 'creditNote', 'apBill']);
    expect(totalsByType[0]).toMatchObject({
      businessUnitId: null,
      servicetitan: { count: 3, amount: '125.30', vat: '25.06' },
      visma: { count: 5, amount: '135.20', vat: '27.04' },
    });
  });

  it('lists every type in the per-type totals even when a type has no documents', () => {
    const { totalsByType } = periodTotals(
      matchPeriod({ financialPeriod: '202403', stDocs: [], vismaDocs: [], elsewhere: new Map() }),
    );
    expect(totalsByType.map((t) => t.servicetitan)).toEqual([
      { count: 0, amount: '0.00', vat: '0.00' },
      { count: 0, amount: '0.00', vat: '0.00' },
      { count: 0, amount: '0.00', vat: '0.00' },
    ]);
  });
});

describe('handTotals and counts', () => {
  it('sums documents posted by hand apart and counts each list', () => {
    const d = drilldown();
    expect(handTotals(d)).toEqual([
      { documentType: 'invoice', figures: { count: 1, amount: '99.00', vat: '0.00' } },
      { documentType: 'creditNote', figures: { count: 0, amount: '0.00', vat: '0.00' } },
      { documentType: 'apBill', figures: { count: 1, amount: '1.00', vat: '0.25' } },
    ]);
    expect(drilldownCounts(d)).toEqual({
      matched: 2,
      different: 0,
      missing: 2,
      duplicated: 1,
      ignored: 1,
      unknownInVisma: 1,
      postedByHand: 2,
      outsidePeriod: 1,
    });
  });
});
