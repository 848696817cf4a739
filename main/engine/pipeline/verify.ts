import type { PlannedDocument, VismaDocKind } from '../domain';
import { crashPoint } from '../crash-point';
import { verifyReleased } from '../lifecycle/document-lifecycle';
import { presentUnder, refreshPresence } from '../lifecycle/presence';
import type { PresentDocument } from '../lifecycle/presence-store';
import { listOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import type { RunContext } from './context';
import { kindOf } from './settle';

/** The released document of a row: from this run's lists, else (not changed since it was last listed) read by number. */
async function documentOf(
  ctx: RunContext,
  row: OutboxRow,
  listed: Map<string, { doc: PresentDocument }[]>,
): Promise<PresentDocument | null> {
  const hit = listed
    .get(row.externalReference)
    ?.map((p) => p.doc)
    .find((d) => d.number === row.vismaDocNumber && d.kind === row.vismaDocType);
  if (hit?.released) return hit;
  const doc = await ctx.visma.getDocument(row.vismaDocType as VismaDocKind, row.vismaDocNumber!);
  return doc ? { ...doc, marker: row.externalReference } : null;
}

/**
 * Verifies released documents against ServiceTitan's totals with one list per kind (the same bulk list that follows
 * releases; documents it does not show are read by number).
 */
async function verifyAll(ctx: RunContext): Promise<void> {
  const rows = listOutbox(ctx.db, ctx.profileId, ['released'], 'unverified');
  if (rows.length === 0) return;
  const stale = rows
    .map(kindOf)
    .filter((k) => !ctx.presence.listedAt.has(k) || ctx.presence.releasedSince.has(k));
  await refreshPresence(ctx, stale);
  crashPoint('verify.listed');
  const listed = presentUnder(
    ctx,
    rows.map((r) => r.externalReference),
  );
  for (const row of rows) {
    await ctx.breathe();
    const doc = await documentOf(ctx, row, listed);
    if (doc?.released) verifyReleased(ctx, row, doc);
  }
  crashPoint('verify.marked');
}

/** Finds the GL batch of verified documents (bulk per ledger) and writes the full audit trail entry. */
async function findBatches(ctx: RunContext): Promise<void> {
  const rows = listOutbox(ctx.db, ctx.profileId, ['released', 'exported'], 'withoutGlBatch');
  for (const module of ['AR', 'AP'] as const) {
    const group = rows.filter((r) => (r.sourceKind === 'invoice') === (module === 'AR'));
    if (group.length === 0) continue;
    const docs = group.map((r) => ({
      number: r.vismaDocNumber!,
      financialPeriod: (JSON.parse(r.plannedJson!) as PlannedDocument).financialPeriod,
    }));
    const batches = await ctx.visma.findGlBatches(module, docs);
    for (const row of group) {
      await ctx.breathe();
      const batch = batches.get(row.vismaDocNumber!);
      if (!batch) continue;
      moveOutbox(
        ctx.move,
        row.id,
        row.state,
        { glBatchNumber: batch },
        {
          action: 'document.journal',
          outcome: 'success',
          message: `ServiceTitan ${row.sourceKind === 'invoice' ? 'invoice' : 'bill'} ${row.sourceNumber} is Visma ${row.vismaDocType} ${row.vismaDocNumber}, GL batch ${batch}.`,
          messageCode: 'journal',
          messageParams: {
            sourceType: row.sourceKind,
            sourceNumber: row.sourceNumber,
            docType: row.vismaDocType ?? '',
            number: row.vismaDocNumber ?? '',
            batch,
          },
        },
      );
    }
  }
}

/** Verification and GL-batch look-ups, both in bulk for the whole run. */
export async function verifyAndJournal(ctx: RunContext): Promise<void> {
  ctx.progress({ phase: 'verify', done: 0 });
  await verifyAll(ctx);
  await findBatches(ctx);
}
