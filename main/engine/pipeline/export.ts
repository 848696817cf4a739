import { crashPoint } from '../crash-point';
import { listOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import { FatalSyncError } from '../ports';
import { reasonText } from '../reasons';
import type { RunContext } from './context';

function viewsOf(ctx: RunContext, row: OutboxRow): string[] {
  const r = ctx.db.prepare('SELECT views FROM source_documents WHERE id = ?').get(row.sourceId) as {
    views: string;
  };
  return r.views.split(',').filter(Boolean);
}

/** Runs a mark call; a non-fatal failure counts as a failure for every entry (they are marked again next run). */
async function attempt(
  rows: OutboxRow[],
  mark: () => Promise<Map<string, string>>,
): Promise<Map<string, string>> {
  try {
    return await mark();
  } catch (err) {
    if (err instanceof FatalSyncError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    return new Map(rows.map((r) => [r.stId, why]));
  }
}

async function settle(ctx: RunContext, rows: OutboxRow[], failures: Map<string, string>): Promise<void> {
  for (const row of rows) {
    await ctx.breathe();
    const failure = failures.get(row.stId);
    if (failure) {
      if (row.reviewCode === 'export_failed') continue;
      moveOutbox(
        ctx.move,
        row.id,
        row.state,
        { reviewCode: 'export_failed', reviewText: reasonText('export_failed', failure) },
        {
          action: 'document.export-failed',
          outcome: 'failure',
          message: failure,
        },
      );
      continue;
    }
    const empty = row.state === 'nothing_to_post';
    moveOutbox(
      ctx.move,
      row.id,
      empty ? 'nothing_to_post' : 'exported',
      {
        stMarkedAt: ctx.now().toISOString(),
        ...(row.reviewCode === 'export_failed' && { reviewCode: null, reviewText: null }),
      },
      {
        action: 'document.exported',
        outcome: 'success',
        message: empty
          ? 'Nothing to post (zero total); marked exported in ServiceTitan.'
          : `Marked exported in ServiceTitan with Visma number ${row.vismaDocNumber}.`,
        messageCode: empty ? 'exportedNothing' : 'exported',
        messageParams: empty ? {} : { number: row.vismaDocNumber ?? '' },
      },
    );
    if (!empty) ctx.counts[row.sourceKind].exported++;
  }
}

/**
 * Marks documents exported in ServiceTitan (bulk, 50 per call): released ones Visma has confirmed and that were
 * verified, with the Visma number; zero-total ones recorded as nothing to post, without one.
 */
export async function markExported(ctx: RunContext): Promise<void> {
  if (!ctx.settings.markExported) return;
  const rows = [
    ...listOutbox(ctx.db, ctx.profileId, ['released'], 'verified'),
    ...listOutbox(ctx.db, ctx.profileId, ['nothing_to_post'], 'notMarkedExported'),
  ];
  const invoices = rows.filter((r) => r.sourceKind === 'invoice');
  const bills = rows.filter((r) => r.sourceKind === 'ap-bill');
  ctx.progress({ phase: 'export', done: 0, total: rows.length });
  crashPoint('export.before-mark');
  if (invoices.length > 0) {
    const failures = await attempt(invoices, () =>
      ctx.st.markInvoicesExported(invoices.map((r) => ({ stId: r.stId, vismaNumber: r.vismaDocNumber }))),
    );
    crashPoint('export.after-mark-sent');
    await settle(ctx, invoices, failures);
  }
  if (bills.length > 0) {
    const failures = await attempt(bills, () =>
      ctx.st.markBillsExported(
        bills.map((r) => ({ stId: r.stId, views: viewsOf(ctx, r), vismaNumber: r.vismaDocNumber })),
      ),
    );
    await settle(ctx, bills, failures);
  }
  crashPoint('export.marked');
}
