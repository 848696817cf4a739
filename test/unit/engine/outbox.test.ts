import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listAudit } from '../../../main/storage/audit';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';
import {
  createOutbox,
  getOutbox,
  listReviewRows,
  moveOutbox,
  type MoveContext,
} from '../../../main/engine/outbox/store';
import {
  canMove,
  IllegalTransitionError,
  OUTBOX_STATES,
  TRANSITIONS,
} from '../../../main/engine/outbox/states';
import { upsertSource } from '../../../main/engine/source-store';
import { invoice } from './fixtures';

describe('outbox state machine', () => {
  let db: Ledger;
  let ctx: MoveContext;
  let rowId: number;

  beforeEach(() => {
    db = openLedger(':memory:');
    ctx = { db, actor: 'system', now: () => new Date('2026-03-01T10:00:00Z') };
    const { sourceId } = upsertSource(
      db,
      'p1',
      { doc: invoice(), status: 'Posted', modifiedOn: '2026-01-15T08:00:00Z' },
      true,
      '2026-03-01T10:00:00Z',
    );
    rowId = createOutbox(ctx, 'p1', sourceId, 'ST-INV-60001');
  });
  afterEach(() => db.close());

  it('lists transitions as data covering every state', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...OUTBOX_STATES].sort());
    expect(canMove('ready', 'posting')).toBe(true);
    expect(canMove('pending', 'posting')).toBe(false);
    expect(canMove('uncertain', 'posting')).toBe(false);
    expect(canMove('exported', 'pending')).toBe(false);
  });

  it('returns from every move the row exactly as the ledger now holds it', () => {
    const steps: [Parameters<typeof moveOutbox>[2], Parameters<typeof moveOutbox>[3]][] = [
      ['ready', { plannedJson: '{"lines":[]}', reasonCode: null }],
      ['posting', { attempts: 1, uncertainSince: '2026-03-01T10:00:00.000Z', held: true }],
      [
        'posted',
        { vismaDocType: 'customerInvoice', vismaDocNumber: '100001', uncertainSince: null, lookups: 2 },
      ],
      ['released', { verified: true, approved: false, vismaOrigin: 'created', postedHash: 'h' }],
    ];
    let minute = 0;
    const ticking: MoveContext = {
      db,
      actor: 'system',
      now: () => new Date(Date.UTC(2026, 2, 1, 11, ++minute)),
    };
    for (const [to, patch] of steps) {
      const returned = moveOutbox(ticking, rowId, to, patch, { action: `document.${to}`, outcome: 'info' });
      expect(returned).toEqual(getOutbox(db, rowId));
    }
  });

  it('moves a row through the happy path, auditing each step with the document identity', () => {
    moveOutbox(ctx, rowId, 'ready', { plannedJson: '{}' }, { action: 'document.ready', outcome: 'info' });
    moveOutbox(ctx, rowId, 'posting', { attempts: 1 }, { action: 'document.posting', outcome: 'info' });
    moveOutbox(
      ctx,
      rowId,
      'posted',
      { vismaDocType: 'customerInvoice', vismaDocNumber: '100001' },
      { action: 'document.posted', outcome: 'success' },
    );
    moveOutbox(ctx, rowId, 'released', {}, { action: 'document.released', outcome: 'success' });
    const row = moveOutbox(
      ctx,
      rowId,
      'exported',
      { glBatchNumber: 'B7' },
      { action: 'document.exported', outcome: 'success' },
    );
    expect(row).toMatchObject({
      state: 'exported',
      vismaDocNumber: '100001',
      glBatchNumber: 'B7',
      attempts: 1,
    });
    const audit = listAudit(db, { sourceId: '60001' });
    expect(audit.map((a) => a.action)).toEqual([
      'document.exported',
      'document.released',
      'document.posted',
      'document.posting',
      'document.ready',
      'outbox.created',
    ]);
    expect(audit[0]).toMatchObject({
      sourceNumber: '100001',
      stModifiedOn: '2026-01-15T08:00:00Z',
      vismaDocNumber: '100001',
      glBatchNumber: 'B7',
    });
  });

  it('refuses an illegal move and changes nothing', () => {
    expect(() =>
      moveOutbox(ctx, rowId, 'posted', { vismaDocNumber: 'X' }, { action: 'x', outcome: 'info' }),
    ).toThrow(IllegalTransitionError);
    expect(getOutbox(db, rowId)).toMatchObject({ state: 'pending', vismaDocNumber: null });
    expect(listAudit(db, { action: 'x' })).toEqual([]);
  });

  it('rolls the state back when the audit entry cannot be written', () => {
    expect(() =>
      moveOutbox(
        ctx,
        rowId,
        'blocked',
        { reasonCode: 'account_missing' },
        { action: 'Bad Name', outcome: 'blocked' },
      ),
    ).toThrow();
    expect(getOutbox(db, rowId)!.state).toBe('pending');
  });

  it('puts blocked and held rows in the review queue, not ignored ones', () => {
    moveOutbox(
      ctx,
      rowId,
      'blocked',
      { reasonCode: 'period_closed', reasonText: 'closed' },
      { action: 'document.blocked', outcome: 'blocked' },
    );
    expect(listReviewRows(db, 'p1').map((r) => r.reasonCode)).toEqual(['period_closed']);
    moveOutbox(
      ctx,
      rowId,
      'ignored',
      { ignoredReason: 'duplicate' },
      { action: 'document.ignored', outcome: 'info' },
    );
    expect(listReviewRows(db, 'p1')).toEqual([]);
  });
});
