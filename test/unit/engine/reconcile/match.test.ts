import { describe, expect, it } from 'vitest';
import { comparePair, matchPeriod, missingWhy } from '../../../../main/engine/reconcile/match';
import { ledgerRef, stDoc, vismaDoc } from './fixtures';

const PERIOD = '202403';

describe('matchPeriod', () => {
  it('pairs documents by key and puts each document in exactly one list', () => {
    const d = matchPeriod({
      financialPeriod: PERIOD,
      stDocs: [
        stDoc('1'),
        stDoc('2', { amount: '130.00', vat: '26.00' }),
        stDoc('3', {
          state: 'blocked',
          reasonCode: 'period_closed',
          reasonText: 'Period closed',
          vismaNumber: null,
        }),
        stDoc('4'),
        stDoc('5', { state: 'ignored', ignoredReason: 'entered by hand' }),
      ],
      vismaDocs: [
        vismaDoc('V1', 'ST-8450100-INV-1'),
        vismaDoc('V2', 'ST-8450100-INV-2'),
        vismaDoc('V4', 'ST-8450100-INV-4'),
        vismaDoc('V4b', 'ST-8450100-INV-4'),
        vismaDoc('V9', 'ST-8450100-INV-9'),
        vismaDoc('V10', 'ST-8450100-INV-10'),
        vismaDoc('H1', null, { amount: '99.00', vat: '0.00' }),
      ],
      elsewhere: new Map([['ST-8450100-INV-10', ledgerRef('ST-8450100-INV-10')]]),
    });
    expect(d.matched.map((p) => p.st.stId)).toEqual(['1']);
    expect(d.different).toHaveLength(1);
    expect(d.different[0]).toMatchObject({
      differences: ['amount', 'vat'],
      amountDifference: '5.00',
      vatDifference: '1.00',
      st: { amount: '130.00', vat: '26.00' },
      visma: { amount: '125.00', vat: '25.00' },
    });
    expect(d.missing).toEqual([expect.objectContaining({ why: 'waiting' })]);
    expect(d.missing[0]!.st).toMatchObject({ state: 'blocked', reasonCode: 'period_closed' });
    expect(d.duplicated).toHaveLength(1);
    expect(d.duplicated[0]!.visma.map((v) => v.number)).toEqual(['V4', 'V4b']);
    expect(d.ignored.map((i) => [i.st.stId, i.visma.length])).toEqual([['5', 0]]);
    expect(d.unknownInVisma.map((v) => v.number)).toEqual(['V9']);
    expect(d.outsidePeriod).toEqual([
      expect.objectContaining({ why: 'other_period', visma: expect.objectContaining({ number: 'V10' }) }),
    ]);
    expect(d.postedByHand.map((v) => v.number)).toEqual(['H1']);
  });

  it('calls a Visma document of an ineligible ledger document not_eligible', () => {
    const d = matchPeriod({
      financialPeriod: PERIOD,
      stDocs: [],
      vismaDocs: [vismaDoc('V7', 'ST-8450100-INV-7')],
      elsewhere: new Map([
        ['ST-8450100-INV-7', ledgerRef('ST-8450100-INV-7', { eligible: false, date: '2024-03-05' })],
      ]),
    });
    expect(d.outsidePeriod[0]!.why).toBe('not_eligible');
  });

  it('lists the Visma documents of an ignored document with it, not as unknown', () => {
    const d = matchPeriod({
      financialPeriod: PERIOD,
      stDocs: [stDoc('5', { state: 'ignored' })],
      vismaDocs: [vismaDoc('V5', 'ST-8450100-INV-5')],
      elsewhere: new Map(),
    });
    expect(d.ignored[0]!.visma.map((v) => v.number)).toEqual(['V5']);
    expect(d.unknownInVisma).toEqual([]);
  });
});

describe('comparePair', () => {
  it('compares amounts exactly as decimals, not as text', () => {
    expect(
      comparePair(stDoc('1', { amount: '125.0' }), vismaDoc('V1', 'ST-8450100-INV-1')).differences,
    ).toEqual([]);
    expect(comparePair(stDoc('1', { vat: '25.01' }), vismaDoc('V1', 'ST-8450100-INV-1'))).toMatchObject({
      differences: ['vat'],
      vatDifference: '0.01',
      amountDifference: '0.00',
    });
  });

  it('flags a document posted as the wrong type', () => {
    const st = stDoc('1', { documentType: 'creditNote' });
    expect(comparePair(st, vismaDoc('V1', 'ST-8450100-INV-1')).differences).toEqual(['type']);
  });
});

describe('missingWhy', () => {
  it('tells waiting, posted elsewhere and vanished apart', () => {
    expect(missingWhy(stDoc('1', { state: 'blocked' }), PERIOD)).toBe('waiting');
    expect(missingWhy(stDoc('1', { state: null }), PERIOD)).toBe('waiting');
    expect(missingWhy(stDoc('1', { plannedPeriod: '202404' }), PERIOD)).toBe('posted_in_other_period');
    expect(missingWhy(stDoc('1'), PERIOD)).toBe('not_found_in_visma');
  });
});
