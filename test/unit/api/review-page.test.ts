import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reviewList } from '../../../main/api/queries/review-list';
import { likePattern } from '../../../main/api/queries/review-page';
import { createOutbox } from '../../../main/engine/outbox/store';
import { listReview } from '../../../main/engine/review';
import { upsertSource } from '../../../main/engine/source-store';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';
import { invoice } from '../engine/fixtures';

const AT = '2026-03-01T10:00:00Z';

interface Seed {
  number: string;
  party: string;
  total: string;
  date: string;
  updatedAt: string;
  set: string;
}

/** Eight review rows covering every way a row gets into the queue, plus two that are not in it. */
const seeds: Seed[] = [
  {
    number: 'INV-1',
    party: 'Kari Hansen',
    total: '1250.00',
    date: '2026-01-15',
    updatedAt: '2026-02-01',
    set: "state = 'blocked', reason_code = 'customer_missing'",
  },
  {
    number: 'INV-2',
    party: 'Ola Nordmann',
    total: '900.00',
    date: '2026-01-10',
    updatedAt: '2026-02-03',
    set: "state = 'blocked', reason_code = 'account_missing'",
  },
  {
    number: 'INV-3',
    party: 'Åse Berg 100%',
    total: '15000.50',
    date: '2026-01-20',
    updatedAt: '2026-02-02',
    set: "state = 'failed', reason_code = 'account_missing'",
  },
  {
    number: 'INV-4',
    party: 'kari hansen AS',
    total: '-200.00',
    date: '2026-01-05',
    updatedAt: '2026-02-05',
    set: "state = 'posted', held = 1, visma_doc_number = '100077'",
  },
  {
    number: 'INV-5',
    party: 'Per Olsen',
    total: '80.00',
    date: '2026-01-25',
    updatedAt: '2026-02-04',
    set: "state = 'uncertain'",
  },
  {
    number: 'INV-6',
    party: 'Per Olsen',
    total: '81.00',
    date: '2026-01-26',
    updatedAt: '2026-02-06',
    set: "state = 'uncertain', reason_code = 'deleted_in_visma'",
  },
  {
    number: 'INV-7',
    party: 'Lise Dahl',
    total: '300.00',
    date: '2026-01-27',
    updatedAt: '2026-02-07',
    set: "state = 'released', review_code = 'tax_difference'",
  },
  {
    number: 'INV-8',
    party: 'Lise Dahl',
    total: '301.00',
    date: '2026-01-28',
    updatedAt: '2026-02-08',
    set: "state = 'posted', held = 1, approved = 0, visma_doc_number = '100078'",
  },
  {
    number: 'INV-9',
    party: 'Not in queue',
    total: '1.00',
    date: '2026-01-28',
    updatedAt: '2026-02-09',
    set: "state = 'released'",
  },
  {
    number: 'INV-10',
    party: 'Ignored',
    total: '1.00',
    date: '2026-01-28',
    updatedAt: '2026-02-10',
    set: "state = 'ignored', reason_code = 'account_missing'",
  },
];

function seed(db: Ledger, profileId: string, rows: readonly Seed[]): void {
  for (const [i, s] of rows.entries()) {
    const doc = invoice({
      stId: `${profileId}-${i}`,
      number: s.number,
      partyName: s.party,
      total: s.total,
      documentDate: `${s.date}T00:00:00Z`,
    });
    const { sourceId } = upsertSource(db, profileId, { doc, status: 'Posted' }, true, AT);
    const id = createOutbox(
      { db, actor: 'system', now: () => new Date(AT) },
      profileId,
      sourceId,
      `M-${profileId}-${i}`,
    );
    db.prepare(`UPDATE outbox SET ${s.set}, updated_at = ? WHERE id = ?`).run(`${s.updatedAt}T00:00:00Z`, id);
  }
}

const numbers = (view: ReturnType<typeof reviewList>) => view.items.map((i) => i.sourceNumber);

describe('the review queue read in windows', () => {
  let db: Ledger;
  beforeEach(() => {
    db = openLedger(':memory:');
    seed(db, 'p1', seeds);
    seed(db, 'other', seeds.slice(0, 3));
  });
  afterEach(() => db.close());

  it('gives every row the reason, party, date and amount the engine gives it', () => {
    const view = reviewList(db, 'p1', {});
    const engine = new Map(listReview(db, 'p1').map((i) => [i.sourceNumber, i.reason]));
    expect(view.total).toBe(8);
    expect(view.queueTotal).toBe(8);
    expect(new Map(view.items.map((i) => [i.sourceNumber, i.reason]))).toEqual(engine);
    const held = view.items.find((i) => i.sourceNumber === 'INV-4')!;
    expect(held).toMatchObject({ party: 'kari hansen AS', amount: '-200.00', reason: 'holding_account' });
    expect(held.documentDate).toBe('2026-01-05T00:00:00Z');
    expect(held.actions).toEqual(['replay', 'approve', 'ignore']);
  });

  it('filters by reason and counts every reason of the search', () => {
    const view = reviewList(db, 'p1', { reason: 'account_missing', limit: 50 });
    expect(numbers(view).sort()).toEqual(['INV-2', 'INV-3']);
    expect(view.total).toBe(2);
    expect(view.queueTotal).toBe(8);
    expect(Object.fromEntries(view.reasons!.map((r) => [r.reason, r.count]))).toEqual({
      customer_missing: 1,
      account_missing: 2,
      holding_account: 2,
      visma_unconfirmed: 1,
      deleted_in_visma: 1,
      tax_difference: 1,
    });
  });

  it('searches document number, party and Visma number, case-insensitively and with wildcards taken literally', () => {
    expect(numbers(reviewList(db, 'p1', { search: 'KARI', sort: 'number', direction: 'asc' }))).toEqual([
      'INV-1',
      'INV-4',
    ]);
    expect(numbers(reviewList(db, 'p1', { search: '100078' }))).toEqual(['INV-8']);
    expect(numbers(reviewList(db, 'p1', { search: '100%' }))).toEqual(['INV-3']);
    expect(numbers(reviewList(db, 'p1', { search: '0%0' }))).toEqual([]);
    expect(reviewList(db, 'p1', { search: 'per', reason: 'deleted_in_visma' }).total).toBe(1);
    expect(likePattern('a_b%c\\')).toBe('%a\\_b\\%c\\\\%');
  });

  it('sorts by amount as a number, by party, by date and by age in both directions', () => {
    expect(numbers(reviewList(db, 'p1', { sort: 'amount', direction: 'asc' }))).toEqual([
      'INV-4',
      'INV-5',
      'INV-6',
      'INV-7',
      'INV-8',
      'INV-2',
      'INV-1',
      'INV-3',
    ]);
    expect(numbers(reviewList(db, 'p1', { sort: 'date', direction: 'desc', limit: 3 }))).toEqual([
      'INV-8',
      'INV-7',
      'INV-6',
    ]);
    const byParty = reviewList(db, 'p1', { sort: 'party', direction: 'asc' }).items.map((i) => i.party);
    expect(byParty.slice(0, 3)).toEqual(['Kari Hansen', 'kari hansen AS', 'Lise Dahl']);
    // Age ascending: the most recently changed first; descending (the default): the oldest first.
    expect(numbers(reviewList(db, 'p1', { sort: 'age', direction: 'asc', limit: 2 }))).toEqual([
      'INV-8',
      'INV-7',
    ]);
    expect(numbers(reviewList(db, 'p1', { limit: 2 }))).toEqual(['INV-1', 'INV-3']);
  });

  it('reads consecutive windows that add up to the whole sorted queue', () => {
    const whole = numbers(reviewList(db, 'p1', { sort: 'reason', direction: 'asc' }));
    const windows = [0, 3, 6].flatMap((offset) =>
      numbers(reviewList(db, 'p1', { sort: 'reason', direction: 'asc', offset, limit: 3 })),
    );
    expect(windows).toEqual(whole);
    const last = reviewList(db, 'p1', { sort: 'reason', direction: 'asc', offset: 6, limit: 3 });
    expect(last).toMatchObject({ offset: 6, total: 8 });
    expect(last.items).toHaveLength(2);
    expect(reviewList(db, 'p1', { offset: 100, limit: 3 }).items).toEqual([]);
  });

  it('reads only the asked kind, and only the asked profile', () => {
    expect(reviewList(db, 'p1', { kind: 'masterdata' })).toMatchObject({
      items: [],
      total: 0,
      queueTotal: 0,
    });
    expect(reviewList(db, 'other', { kind: 'document' }).total).toBe(3);
  });
});
