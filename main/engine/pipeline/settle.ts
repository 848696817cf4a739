import type { VismaDocKind } from '../domain';
import { crashPoint } from '../crash-point';
import { adoptFound, plannedOf, settleUncertain } from '../lifecycle/document-lifecycle';
import { listedThisRun, presentUnder, refreshPresence } from '../lifecycle/presence';
import { forgetPresence, type PresenceRow, type PresentDocument } from '../lifecycle/presence-store';
import { getOutbox, listOutbox, type OutboxRow } from '../outbox/store';
import type { RunContext } from './context';
import { keeperOf, resolveDuplicates } from './duplicates';

/** The Visma kind a row's document is (or will be). */
export function kindOf(row: OutboxRow): VismaDocKind {
  return (row.vismaDocType as VismaDocKind | null) ?? plannedOf(row).kind;
}

/** Customer invoices and credit notes share a marker (a ServiceTitan invoice becomes either); supplier invoices stand alone. */
export function sameFamily(a: VismaDocKind, b: VismaDocKind): boolean {
  return (a === 'supplierInvoice') === (b === 'supplierInvoice');
}

/** Every kind of a family: listing one AR kind lists both, so an invoice that became a credit note is still seen. */
export function familyKinds(kinds: readonly VismaDocKind[]): VismaDocKind[] {
  const out = new Set<VismaDocKind>();
  for (const k of kinds) {
    if (k === 'supplierInvoice') out.add(k);
    else out.add('customerInvoice').add('customerCreditNote');
  }
  return [...out];
}

/** The documents under a row's marker of the row's kind family. */
function ofKind(rows: PresenceRow[] | undefined, kind: VismaDocKind): PresentDocument[] {
  return (rows ?? []).map((r) => r.doc).filter((d) => sameFamily(d.kind, kind));
}

/**
 * A stored presence entry that this run's list did not show (nothing changed it since) may have been deleted in
 * Visma meanwhile: it is read once more before a row adopts it.
 */
async function stillThere(ctx: RunContext, entry: PresenceRow): Promise<PresentDocument | null> {
  const listedAt = ctx.presence.listedAt.get(entry.doc.kind);
  if (listedAt && entry.seenAt >= listedAt) return entry.doc;
  const doc = await ctx.visma.getDocument(entry.doc.kind, entry.doc.number);
  if (!doc) {
    forgetPresence(ctx.db, ctx.profileId, entry.doc.kind, entry.doc.number);
    return null;
  }
  return { ...doc, marker: entry.doc.marker };
}

async function adoptIfPresent(
  ctx: RunContext,
  row: OutboxRow,
  entries: PresenceRow[] | undefined,
): Promise<void> {
  const kind = kindOf(row);
  const current: PresentDocument[] = [];
  for (const entry of entries ?? []) {
    if (!sameFamily(entry.doc.kind, kind)) continue;
    const doc = await stillThere(ctx, entry);
    if (doc) current.push(doc);
  }
  if (current.length === 0) return;
  const keeper = keeperOf(current);
  const first = keeper === 'several-released' ? current[0]! : keeper;
  adoptFound(ctx, row, first, ctx.presence.rebuilt.has(kind) ? 'rebuilt' : 'adopted');
  if (current.length > 1) await resolveDuplicates(ctx, getOutbox(ctx.db, row.id)!, current);
}

/**
 * Before anything is created: lists the kinds that have ready or uncertain rows, settles every uncertain create by its
 * marker, and adopts what Visma already holds for ready rows (posted by another installation, an earlier run, or
 * before this ledger was reset) — so a fresh, reset or second ledger never posts a document twice.
 */
export async function settleBeforePosting(ctx: RunContext): Promise<void> {
  const rows = listOutbox(ctx.db, ctx.profileId, ['uncertain', 'ready']);
  if (rows.length === 0) return;
  await refreshPresence(ctx, familyKinds(rows.map(kindOf)));
  const present = presentUnder(
    ctx,
    rows.map((r) => r.externalReference),
  );
  for (const row of rows) {
    await ctx.breathe();
    const kind = kindOf(row);
    if (!listedThisRun(ctx, kind)) continue;
    if (row.state === 'uncertain') {
      const docs = ofKind(present.get(row.externalReference), kind);
      const keeper = docs.length > 0 ? keeperOf(docs) : undefined;
      const found = keeper === 'several-released' ? docs[0] : keeper;
      settleUncertain(ctx, row, found, ctx.presence.listedAt.get(kind)!);
      if (docs.length > 1) await resolveDuplicates(ctx, getOutbox(ctx.db, row.id)!, docs);
    } else {
      await adoptIfPresent(ctx, row, present.get(row.externalReference));
    }
  }
  crashPoint('uncertain.resolved');
}

/**
 * Before releasing: lists the kinds of `rows` again and makes sure each document is the only one under its marker
 * (unreleased extra copies are deleted, the row points at the kept copy).
 */
export async function confirmCreated(ctx: RunContext, rows: readonly OutboxRow[]): Promise<void> {
  // The rows' own kinds: a simultaneous post of the same document as the other AR kind is not a case worth a list.
  await refreshPresence(ctx, rows.map(kindOf));
  const present = presentUnder(
    ctx,
    rows.map((r) => r.externalReference),
  );
  for (const row of rows) {
    await ctx.breathe();
    const docs = ofKind(present.get(row.externalReference), kindOf(row));
    if (docs.length > 1) await resolveDuplicates(ctx, getOutbox(ctx.db, row.id)!, docs);
  }
  crashPoint('post.confirmed');
}
