import { describe, expect, it } from 'vitest';
import { closeChecklist } from '../../../../main/engine/reconcile/checklist';
import { classifyClose, type CloseStDoc } from '../../../../main/engine/reconcile/close';
import type { GlLevel, StDoc, VismaDoc } from '../../../../main/engine/reconcile/types';
import { CLOSE_BUCKETS } from '../../../../main/engine/reconcile/types';
import { stDoc, vismaDoc } from './fixtures';

const doc = (st: StDoc, over: Partial<CloseStDoc> = {}): CloseStDoc => ({
  st,
  inLedger: true,
  reviewCode: null,
  onHoldingAccount: false,
  changedFields: [],
  ignoredBy: null,
  ...over,
});
const key = (id: string) => `ST-8450100-INV-${id}`;

function classify(docs: CloseStDoc[], visma: VismaDoc[], hand: VismaDoc[] = []) {
  const byKey = new Map<string, VismaDoc[]>();
  for (const v of visma) byKey.set(v.key!, [...(byKey.get(v.key!) ?? []), v]);
  return classifyClose({ stDocs: docs, vismaByKey: byKey, postedByHand: hand, others: [] });
}

describe('the three-way close', () => {
  it('puts every document in exactly one bucket, with the reason', () => {
    const { entries, bucketCounts } = classify(
      [
        doc(stDoc('1')),
        doc(stDoc('2', { state: 'released' }), { onHoldingAccount: true }),
        doc(stDoc('3', { state: 'blocked', reasonCode: 'customer_missing', vismaNumber: null })),
        doc(stDoc('4', { state: null, outboxId: null, vismaNumber: null }), { inLedger: false }),
        doc(stDoc('5'), { changedFields: ['total', 'lines'] }),
        doc(stDoc('6')),
        doc(stDoc('7')),
        doc(stDoc('8')),
        doc(stDoc('9')),
        doc(stDoc('10', { state: 'ignored', ignoredReason: 'Booked by hand' }), { ignoredBy: 'user' }),
        doc(stDoc('11', { state: 'uncertain', vismaNumber: null })),
      ],
      [
        vismaDoc('V1', key('1')),
        vismaDoc('V2', key('2'), { released: false, hold: true, status: 'Hold' }),
        vismaDoc('V5', key('5'), { amount: '225.00' }),
        vismaDoc('V6', key('6'), { amount: '130.00' }),
        vismaDoc('V7', key('7')),
        vismaDoc('V7b', key('7'), { financialPeriod: '202404' }),
        vismaDoc('V9', key('9')),
        vismaDoc('C9', key('9'), {
          kind: 'customerCreditNote',
          documentType: 'creditNote',
          reversalOf: 'V9',
        }),
      ],
      [vismaDoc('H1', null, { partyName: 'Walk-in' })],
    );
    const of = (id: string) => entries.find((e) => e.st?.stId === id)!;
    expect(of('1')).toMatchObject({
      bucket: 'matched',
      reason: { code: 'booked', params: { vismaNumber: 'V1' } },
    });
    expect(of('2')).toMatchObject({ bucket: 'notBooked', reason: { code: 'holdingAccount' } });
    expect(of('3')).toMatchObject({
      bucket: 'waiting',
      reason: { code: 'waiting', params: { reviewReason: 'customer_missing' } },
    });
    expect(of('4')).toMatchObject({ bucket: 'neverSynced' });
    expect(of('5')).toMatchObject({
      bucket: 'changedInServiceTitan',
      reason: { params: { fields: 'total, lines' } },
    });
    expect(of('6')).toMatchObject({
      bucket: 'different',
      reason: { params: { differences: 'amount', amountDifference: '-5.00' } },
    });
    expect(of('7')).toMatchObject({
      bucket: 'duplicated',
      reason: { params: { count: 2, periods: '202403, 202404' } },
    });
    expect(of('8')).toMatchObject({
      bucket: 'deletedInVisma',
      reason: { code: 'deletedInVisma', params: { vismaNumber: 'V8' } },
    });
    expect(of('9')).toMatchObject({
      bucket: 'deletedInVisma',
      reason: { code: 'reversedInVisma', params: { reversal: 'C9' } },
    });
    expect(of('10')).toMatchObject({
      bucket: 'ignored',
      reason: { params: { by: 'user', why: 'Booked by hand' } },
    });
    expect(of('11')).toMatchObject({ bucket: 'waiting', reason: { code: 'uncertain' } });
    const hand = entries.find((e) => e.bucket === 'postedByHand')!;
    expect(hand).toMatchObject({
      st: null,
      party: { name: 'Walk-in', vismaNumber: '10001' },
      amount: '125.00',
    });
    expect(entries).toHaveLength(12);
    expect(Object.values(bucketCounts).reduce((a, b) => a + b, 0)).toBe(12);
    expect(Object.keys(bucketCounts).sort()).toEqual([...CLOSE_BUCKETS].sort());
  });

  it('treats a credit note under an invoice marker with no invoice beside it as a wrong type, not a reversal', () => {
    const { entries } = classify(
      [doc(stDoc('1'))],
      [vismaDoc('C1', key('1'), { kind: 'customerCreditNote', documentType: 'creditNote' })],
    );
    expect(entries[0]).toMatchObject({ bucket: 'different', reason: { params: { differences: 'type' } } });
  });

  it('counts an accepted difference as ignored, with who accepted it', () => {
    const { entries } = classify(
      [doc(stDoc('1', { ignoredReason: 'Rounding agreed with the customer' }), { ignoredBy: 'user' })],
      [vismaDoc('V1', key('1'), { vat: '24.99' })],
    );
    expect(entries[0]).toMatchObject({ bucket: 'ignored', reason: { params: { by: 'user' } } });
  });

  it('shows copies of another period’s document as duplicated, not as outside the period', () => {
    const source = {
      key: key('5'),
      stId: '5',
      number: 'INV-5',
      date: '2024-02-28',
      eligible: true,
      businessUnitId: '10',
      businessUnitName: 'HVAC Service',
    };
    const { entries } = classifyClose({
      stDocs: [],
      vismaByKey: new Map(),
      postedByHand: [],
      others: [
        { visma: vismaDoc('V5', key('5')), source },
        { visma: vismaDoc('V5b', key('5')), source },
        { visma: vismaDoc('V6', key('6')), source: { ...source, key: key('6'), stId: '6' } },
        { visma: vismaDoc('V7', key('7')), source: null },
      ],
    });
    expect(entries.map((e) => [e.bucket, e.reason.code, e.visma.map((v) => v.number).join('+')])).toEqual([
      ['duplicated', 'duplicated', 'V5+V5b'],
      ['outsidePeriod', 'otherPeriod', 'V6'],
      ['outsidePeriod', 'unknownSource', 'V7'],
    ]);
  });
});

describe('ready to close', () => {
  const gl = (over: Partial<GlLevel> = {}): GlLevel => ({ accounts: [], unexplainedAccounts: [], ...over });

  it('is ready when nothing waits, nothing differs and the GL is explained', () => {
    const { entries } = classify([doc(stDoc('1'))], [vismaDoc('V1', key('1'))]);
    const list = closeChecklist(entries, gl());
    expect(list.ready).toBe(true);
    expect(list.items.map((i) => i.id)).toEqual([
      'nothingWaiting',
      'nothingUncertain',
      'nothingUnreleased',
      'noUnexplainedDifference',
      'holdingAccountEmpty',
    ]);
  });

  it('counts what stands in the way of each check, and an unread GL is not proof', () => {
    const { entries } = classify(
      [
        doc(stDoc('1', { state: 'blocked', reasonCode: 'customer_missing', vismaNumber: null })),
        doc(stDoc('2', { state: 'uncertain', vismaNumber: null })),
        doc(stDoc('3'), { onHoldingAccount: true }),
        doc(stDoc('4')),
      ],
      [
        vismaDoc('V3', key('3'), { released: false, hold: true }),
        vismaDoc('V4', key('4'), { amount: '1.00' }),
      ],
    );
    const holding = {
      account: '2900',
      description: null,
      roles: ['holding' as const],
      debit: '0.00',
      credit: '100.00',
      net: '-100.00',
      explained: '-100.00',
      unexplained: '0.00',
    };
    const counts = (g: GlLevel | null) =>
      Object.fromEntries(closeChecklist(entries, g).items.map((i) => [i.id, i.count]));
    expect(counts(gl({ accounts: [holding], unexplainedAccounts: ['3000'] }))).toEqual({
      nothingWaiting: 1,
      nothingUncertain: 1,
      nothingUnreleased: 1,
      noUnexplainedDifference: 2,
      holdingAccountEmpty: 2,
    });
    expect(counts(null).noUnexplainedDifference).toBe(2);
    expect(closeChecklist(entries, null).ready).toBe(false);
  });
});
