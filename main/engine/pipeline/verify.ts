import { money } from '../../../shared/money';
import type { PlannedDocument, VismaDocKind } from '../domain';
import { crashPoint } from '../crash-point';
import { listOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import type { FoundDocument } from '../ports';
import { reasonText } from '../reasons';
import type { RunContext } from './context';

/** Margin before the oldest release, so Visma's and our clocks need not agree. */
const LIST_MARGIN_MS = 10 * 60 * 1000;
/** After this long unverified, a document is looked up individually instead of waiting for the bulk list. */
const LOOKUP_AFTER_MS = 60 * 60 * 1000;

function compare(ctx: RunContext, row: OutboxRow, planned: PlannedDocument, found: FoundDocument): void {
  const tolerance = money(ctx.settings.verifyTolerance);
  const amountDiff = money(found.amount).minus(planned.expected.amount).abs();
  const vatDiff = money(found.vatTotal).minus(planned.expected.vat).abs();
  const ok = amountDiff.lte(tolerance) && vatDiff.lte(tolerance);
  const figures = {
    servicetitan: { total: planned.expected.amount, vat: planned.expected.vat },
    visma: { total: found.amount, vat: found.vatTotal },
  };
  const text = ok
    ? undefined
    : reasonText(
        'tax_difference',
        `ServiceTitan total ${planned.expected.amount}, VAT ${planned.expected.vat}; Visma total ${found.amount}, VAT ${found.vatTotal}.`,
      );
  moveOutbox(
    ctx.move,
    row.id,
    'released',
    {
      verified: true,
      ...(text && {
        reviewCode: 'tax_difference',
        reviewText: text,
        reviewDetailsJson: JSON.stringify(figures),
      }),
    },
    {
      action: 'document.checked',
      outcome: ok ? 'success' : 'blocked',
      message: text ?? 'Total and VAT match ServiceTitan.',
      details: figures,
    },
  );
}

/** Verifies released documents in bulk (one paged list per document kind) against ServiceTitan's totals. */
async function verifyReleased(ctx: RunContext): Promise<void> {
  const rows = listOutbox(ctx.db, ctx.profileId, ['released']).filter((r) => !r.verified);
  const byKind = new Map<VismaDocKind, OutboxRow[]>();
  for (const r of rows)
    byKind.set(r.vismaDocType as VismaDocKind, [...(byKind.get(r.vismaDocType as VismaDocKind) ?? []), r]);
  for (const [kind, group] of byKind) {
    const oldest = Math.min(...group.map((r) => Date.parse(r.updatedAt)));
    const found = await ctx.visma.listDocuments(kind, new Date(oldest - LIST_MARGIN_MS).toISOString());
    crashPoint('verify.listed');
    const byNumber = new Map(found.map((d) => [d.number, d]));
    for (const row of group) {
      const planned = JSON.parse(row.plannedJson!) as PlannedDocument;
      let doc = byNumber.get(row.vismaDocNumber!);
      // Missed by the bulk list for an hour (clock skew, or Visma's time zone): look it up on its own.
      if (!doc && ctx.now().getTime() - Date.parse(row.updatedAt) > LOOKUP_AFTER_MS) {
        const single = await ctx.visma.findDocument(planned);
        if (single?.number === row.vismaDocNumber) doc = single;
      }
      if (doc) compare(ctx, row, planned, doc);
    }
    crashPoint('verify.marked');
  }
}

/** Finds the GL batch of verified documents (bulk per ledger) and writes the full audit trail entry. */
async function findBatches(ctx: RunContext): Promise<void> {
  const rows = listOutbox(ctx.db, ctx.profileId, ['released', 'exported']).filter(
    (r) => r.verified && !r.glBatchNumber,
  );
  for (const module of ['AR', 'AP'] as const) {
    const group = rows.filter((r) => (r.sourceKind === 'invoice') === (module === 'AR'));
    if (group.length === 0) continue;
    const docs = group.map((r) => ({
      number: r.vismaDocNumber!,
      financialPeriod: (JSON.parse(r.plannedJson!) as PlannedDocument).financialPeriod,
    }));
    const batches = await ctx.visma.findGlBatches(module, docs);
    for (const row of group) {
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
        },
      );
    }
  }
}

/** Verification and GL-batch look-ups, both in bulk for the whole run. */
export async function verifyAndJournal(ctx: RunContext): Promise<void> {
  ctx.progress({ phase: 'verify', done: 0 });
  await verifyReleased(ctx);
  await findBatches(ctx);
}
