import type { PlannedDocument } from '../domain';
import { crashPoint } from '../crash-point';
import { getOutbox, listOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import { reasonText } from '../reasons';
import { inPool, type RunContext } from './context';
import { resolveUncertain } from './recover';

/** How often one document is sent in a run when Visma's answers stay uncertain. */
const MAX_SENDS_PER_RUN = 3;

/** Sends one ready document: `posting` is committed before the request, and an uncertain answer is looked up. */
export async function postOne(ctx: RunContext, row: OutboxRow): Promise<void> {
  const planned = JSON.parse(row.plannedJson!) as PlannedDocument;
  for (let send = 1; send <= MAX_SENDS_PER_RUN; send++) {
    const current = getOutbox(ctx.db, row.id)!;
    moveOutbox(
      ctx.move,
      row.id,
      'posting',
      { attempts: current.attempts + 1 },
      { action: 'document.posting', outcome: 'info' },
    );
    crashPoint('post.marked-posting');
    const outcome = await ctx.visma.createDocument(planned);
    crashPoint('post.after-create-sent');
    if (outcome.status === 'ok') {
      moveOutbox(
        ctx.move,
        row.id,
        'posted',
        {
          vismaDocType: planned.kind,
          vismaDocNumber: outcome.value,
          postedHash: current.sourceHash,
          postedPayloadJson: current.payloadJson,
          reasonCode: null,
          reasonText: null,
        },
        {
          action: 'document.posted',
          outcome: 'success',
          message: `Created in Visma as ${planned.kind} ${outcome.value}${planned.hold ? ' (on hold: holding account)' : ''}.`,
          details: {
            financialPeriod: planned.financialPeriod,
            date: planned.date,
            amount: planned.expected.amount,
          },
        },
      );
      ctx.counts[row.sourceKind].posted++;
      crashPoint('post.marked-posted');
      return;
    }
    if (outcome.status === 'rejected') {
      moveOutbox(
        ctx.move,
        row.id,
        'failed',
        { reasonCode: 'visma_rejected', reasonText: reasonText('visma_rejected', outcome.message) },
        {
          action: 'document.rejected',
          outcome: 'failure',
          message: `${row.sourceKind === 'invoice' ? 'Invoice' : 'Bill'} ${row.sourceNumber}: ${outcome.message}`,
        },
      );
      ctx.counts[row.sourceKind].failed++;
      return;
    }
    moveOutbox(
      ctx.move,
      row.id,
      'uncertain',
      {},
      { action: 'document.uncertain', outcome: 'info', message: outcome.message },
    );
    const looked = await resolveUncertain(ctx, getOutbox(ctx.db, row.id)!);
    if (looked !== 'absent') return; // adopted, or still unknown (retried by the next run after a lookup)
  }
}

/** Releases one posted document; an unclear answer is settled by looking the document up. */
export async function releaseOne(ctx: RunContext, row: OutboxRow): Promise<void> {
  crashPoint('post.before-release');
  const kind = row.vismaDocType as PlannedDocument['kind'];
  const outcome = await ctx.visma.releaseDocument(kind, row.vismaDocNumber!);
  crashPoint('post.after-release-sent');
  let released = outcome.status === 'ok';
  if (!released && row.plannedJson) {
    const found = await ctx.visma
      .findDocument(JSON.parse(row.plannedJson) as PlannedDocument)
      .catch(() => null);
    released = found?.released ?? false;
  }
  if (!released) {
    moveOutbox(
      ctx.move,
      row.id,
      'posted',
      {},
      {
        action: 'document.release-failed',
        outcome: 'failure',
        message: `Release of ${row.vismaDocNumber} did not complete (${outcome.status === 'ok' ? 'unknown' : outcome.message}); retried on the next run.`,
      },
    );
    return;
  }
  moveOutbox(
    ctx.move,
    row.id,
    'released',
    {},
    { action: 'document.released', outcome: 'success', message: `Released ${row.vismaDocNumber}.` },
  );
  ctx.counts[row.sourceKind].released++;
  crashPoint('post.marked-released');
}

/** Rows that are posted and may be released: not held, or held and approved. */
function releasable(ctx: RunContext): OutboxRow[] {
  return listOutbox(ctx.db, ctx.profileId, ['posted']).filter(
    (r) =>
      r.vismaDocNumber &&
      r.postedHash === r.sourceHash &&
      (!r.held || r.approved || ctx.settings.releaseHoldingDocuments),
  );
}

/** Posts every ready document and releases every releasable one, `concurrency` at a time. */
export async function postReady(ctx: RunContext): Promise<void> {
  const ready = listOutbox(ctx.db, ctx.profileId, ['ready']);
  let done = 0;
  await inPool(ready, ctx.settings.concurrency, async (row) => {
    await postOne(ctx, row);
    const after = getOutbox(ctx.db, row.id)!;
    const mayRelease = after.state === 'posted' && (!after.held || ctx.settings.releaseHoldingDocuments);
    if (mayRelease) await releaseOne(ctx, after);
    ctx.progress({ phase: 'post', done: ++done, total: ready.length });
  });
  await inPool(releasable(ctx), ctx.settings.concurrency, (row) => releaseOne(ctx, row));
}
