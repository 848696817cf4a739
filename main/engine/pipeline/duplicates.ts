import { adoptFound } from '../lifecycle/document-lifecycle';
import { forgetPresence, type PresentDocument } from '../lifecycle/presence-store';
import { getOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import { reasonText } from '../reasons';
import type { RunContext } from './context';

/** Orders Visma numbers as Visma's number series do: shorter first, then by text (`000123` < `000124`). */
function byNumber(a: PresentDocument, b: PresentDocument): number {
  return a.number.length - b.number.length || a.number.localeCompare(b.number);
}

/**
 * The copy to keep when Visma holds several documents under one marker: the released one (a released document
 * cannot be deleted), else the lowest number. Every installation picks the same one from the same documents.
 */
export function keeperOf(docs: readonly PresentDocument[]): PresentDocument | 'several-released' {
  const released = docs.filter((d) => d.released);
  if (released.length > 1) return 'several-released';
  return released[0] ?? [...docs].sort(byNumber)[0]!;
}

function toReview(ctx: RunContext, row: OutboxRow, docs: readonly PresentDocument[], why: string): void {
  const text = reasonText('duplicate_in_visma', `${docs.map((d) => d.number).join(', ')}. ${why}`);
  moveOutbox(
    ctx.move,
    row.id,
    row.state,
    { reviewCode: 'duplicate_in_visma', reviewText: text.slice(0, 1900) },
    { action: 'document.duplicate', outcome: 'blocked', message: text.slice(0, 1900) },
  );
}

async function deleteCopies(
  ctx: RunContext,
  row: OutboxRow,
  keeper: PresentDocument,
  copies: readonly PresentDocument[],
): Promise<PresentDocument[]> {
  const stuck: PresentDocument[] = [];
  for (const copy of copies) {
    const outcome = await ctx.visma.deleteDocument(copy.kind, copy.number);
    if (outcome.status === 'ok' || (outcome.status === 'rejected' && outcome.reason === 'not_found')) {
      forgetPresence(ctx.db, ctx.profileId, copy.kind, copy.number);
      if (outcome.status === 'ok') ctx.found.duplicatesRemoved++;
      moveOutbox(
        ctx.move,
        row.id,
        row.state,
        {},
        {
          action: 'document.duplicate-removed',
          outcome: 'success',
          message: `Visma ${copy.number} was a second copy of this document (posted at the same moment by another installation); deleted while unreleased, ${keeper.number} kept.`,
        },
      );
    } else stuck.push(copy);
  }
  return stuck;
}

/**
 * Leaves exactly one Visma document under a row's marker: unreleased extra copies are deleted and the row points at
 * the kept one. When that cannot be done safely (several released copies, a copy that would not delete), the row
 * goes to the review queue and is not released.
 */
export async function resolveDuplicates(
  ctx: RunContext,
  row: OutboxRow,
  docs: readonly PresentDocument[],
): Promise<void> {
  let current = docs;
  for (let round = 0; round < 2; round++) {
    const keeper = keeperOf(current);
    if (keeper === 'several-released') return toReview(ctx, row, current, 'More than one is released.');
    const stuck = await deleteCopies(
      ctx,
      row,
      keeper,
      current.filter((d) => d !== keeper),
    );
    if (stuck.length === 0) return pointAt(ctx, getOutbox(ctx.db, row.id)!, keeper);
    // A copy would not delete: it may have been released meanwhile. Read them again and choose again.
    const fresh = await Promise.all([keeper, ...stuck].map((d) => ctx.visma.getDocument(d.kind, d.number)));
    current = fresh.filter((d) => d !== null).map((d) => ({ ...d, marker: row.externalReference }));
    if (current.length <= 1)
      return current[0] ? pointAt(ctx, getOutbox(ctx.db, row.id)!, current[0]) : undefined;
  }
  toReview(ctx, row, current, 'An extra copy could not be deleted.');
}

function pointAt(ctx: RunContext, row: OutboxRow, keeper: PresentDocument): void {
  if (row.vismaDocNumber === keeper.number && row.vismaDocType === keeper.kind) return;
  adoptFound(ctx, row, keeper, 'adopted');
}
