import { markWebhookInvoicesFetched } from '../../storage/webhook-queue';
import { webhookInvoicesToFetch } from '../webhook-events';
import type { SourceEnvelope } from '../domain';
import { crashPoint } from '../crash-point';
import { createOutbox, outboxOfSource, type OutboxRow } from '../outbox/store';
import { markerOf } from '../lifecycle/markers';
import {
  getCursor,
  isEligible,
  markEligible,
  setCursor,
  skippedByOlderRule,
  upsertSource,
} from '../source-store';
import { reopenIfSomethingToPost } from './resolve-phase';
import { appendAudit } from '../../storage/audit';
import { rejectedEnvelope } from '../normalize';
import type { ChangeBatch } from '../ports';
import type { RunContext } from './context';

/** Our own "exported" mark flips ServiceTitan's status (and with it eligibility); the document is still ours. */
function markedByUs(row: OutboxRow, env: SourceEnvelope): boolean {
  return row.stMarkedAt !== null && env.status === 'Exported' && env.doc.active;
}

/**
 * A batch's documents plus stand-ins for the records ServiceTitan sent that could not be read at all: those with an id
 * are taken on (and blocked in the review queue with the problems); one without an id can only be told in the audit.
 */
export function withRejected(ctx: RunContext, batch: ChangeBatch): SourceEnvelope[] {
  const standIns: SourceEnvelope[] = [];
  for (const r of batch.rejected ?? []) {
    if (r.stId) {
      // A readable copy in the same batch wins; a stand-in never replaces what could be read.
      if (!batch.envelopes.some((e) => e.doc.kind === r.kind && e.doc.stId === r.stId))
        standIns.push(rejectedEnvelope({ kind: r.kind, stId: r.stId, problems: r.problems }));
      continue;
    }
    appendAudit(ctx.db, {
      profileId: ctx.profileId,
      actor: ctx.actor,
      sourceType: r.kind,
      action: 'document.unreadable',
      outcome: 'failure',
      message:
        `ServiceTitan sent a ${r.kind === 'invoice' ? 'invoice' : 'bill'} without an id that does not match its API description; it could not be taken on: ${r.problems}`.slice(
          0,
          1900,
        ),
    });
  }
  return [...batch.envelopes, ...standIns];
}

/**
 * Stores one batch of envelopes in a single transaction: snapshots, a `pending` outbox row for each new eligible
 * one, and back to `pending` for a document that had nothing to post and changed so that it has.
 */
export function storeBatch(
  ctx: RunContext,
  envelopes: readonly SourceEnvelope[],
  cursor?: { name: string; value: string },
): void {
  const at = ctx.now().toISOString();
  ctx.db.transaction(() => {
    for (const env of envelopes) {
      const counts = ctx.counts[env.doc.kind];
      counts.seen++;
      const eligible = isEligible(env, ctx.settings);
      const result = upsertSource(ctx.db, ctx.profileId, env, eligible, at);
      if (result.hashChanged) counts.changed++;
      const row = outboxOfSource(ctx.db, result.sourceId);
      if (eligible && !row) {
        createOutbox(
          ctx.move,
          ctx.profileId,
          result.sourceId,
          markerOf(env.doc.kind, ctx.tenantId, env.doc.stId),
        );
        counts.new++;
      } else if (row && result.hashChanged && (eligible || markedByUs(row, env))) {
        reopenIfSomethingToPost(ctx, row);
      }
    }
    if (cursor) setCursor(ctx.db, ctx.profileId, cursor.name, cursor.value);
  })();
  crashPoint('intake.batch-stored');
}

/** Envelopes stored per transaction when a page is stored in parts (a page holds up to 5,000 documents). */
const STORE_CHUNK = 50;

/**
 * Stores a page of envelopes in transactions of `STORE_CHUNK`, giving the event loop a turn between them; the
 * cursor is saved with the last part, so a run stopped in between reads the page again (storing is idempotent).
 */
export async function storePage(
  ctx: RunContext,
  envelopes: readonly SourceEnvelope[],
  cursor?: { name: string; value: string },
): Promise<void> {
  for (let from = 0; from < envelopes.length || from === 0; from += STORE_CHUNK) {
    await ctx.breathe();
    const last = from + STORE_CHUNK >= envelopes.length;
    storeBatch(ctx, envelopes.slice(from, from + STORE_CHUNK), last ? cursor : undefined);
  }
}

/** The cursor that records that the documents an older version skipped have been taken on (once per profile). */
const SKIPS_TAKEN_ON = 'intake:older-skips-taken-on';

/**
 * Takes on, once, the documents an older version skipped without a trace (zero totals, no customer or vendor).
 * Invoices are read again, since the old snapshot cannot tell a missing total from a zero one; a bill's snapshot
 * can (its total was computed from the lines when ServiceTitan sent none), so it is taken on as stored.
 */
export async function takeOnSkipped(ctx: RunContext): Promise<void> {
  if (getCursor(ctx.db, ctx.profileId, SKIPS_TAKEN_ON)) return;
  const skipped = skippedByOlderRule(ctx.db, ctx.profileId, ctx.settings);
  const invoiceIds = skipped.filter((s) => s.kind === 'invoice').map((s) => s.stId);
  if (invoiceIds.length > 0) await storePage(ctx, withRejected(ctx, await ctx.st.invoicesByIds(invoiceIds)));
  ctx.db.transaction(() => {
    for (const s of skipped.filter((x) => x.kind === 'ap-bill')) {
      markEligible(ctx.db, s.sourceId);
      createOutbox(ctx.move, ctx.profileId, s.sourceId, markerOf(s.kind, ctx.tenantId, s.stId));
      ctx.counts[s.kind].new++;
    }
    setCursor(ctx.db, ctx.profileId, SKIPS_TAKEN_ON, ctx.now().toISOString());
  })();
}

/** Merges the `ap-bills` and `inventory-bills` views of the same bill (same id) into one envelope. */
export function mergeBillViews(envelopes: readonly SourceEnvelope[]): SourceEnvelope[] {
  const byId = new Map<string, SourceEnvelope>();
  for (const env of envelopes) {
    const seen = byId.get(env.doc.stId);
    if (!seen) {
      byId.set(env.doc.stId, env);
      continue;
    }
    // The ap-bills view is richer (status, expense lines); keep it and add the other view's name.
    const richer = env.views?.includes('ap-bills') ? env : seen;
    const views = [...new Set([...(seen.views ?? []), ...(env.views ?? [])])].sort();
    byId.set(env.doc.stId, { ...richer, views });
  }
  return [...byId.values()];
}

/** Fetches the invoices webhooks named (our own exported events left out) by id. */
async function intakeQueued(ctx: RunContext): Promise<void> {
  const queued = [
    ...new Set([...ctx.queuedInvoiceIds, ...webhookInvoicesToFetch(ctx.db, ctx.profileId, ctx.now())]),
  ];
  ctx.queuedInvoiceIds.length = 0;
  if (queued.length === 0) return;
  await storePage(ctx, withRejected(ctx, await ctx.st.invoicesByIds(queued)));
  markWebhookInvoicesFetched(ctx.db, ctx.profileId, queued, ctx.now().toISOString());
}

/**
 * A run for what a trigger named (a webhook): only those invoices are fetched; the feed and the bill lists wait for
 * the next full run, which reads from the saved cursors as always.
 */
async function intakeNamed(ctx: RunContext): Promise<void> {
  await intakeQueued(ctx);
  ctx.progress({ phase: 'intake', done: ctx.counts.invoice.seen });
  crashPoint('intake.done');
}

/**
 * Reads new and changed invoices (feed from the saved cursor), webhook-queued invoices, and bills; stores them.
 * First takes on what an older version skipped.
 */
export async function intake(ctx: RunContext, scope: 'all' | 'named' = 'all'): Promise<void> {
  await takeOnSkipped(ctx);
  if (scope === 'named') return intakeNamed(ctx);
  let done = 0;
  const start = getCursor(ctx.db, ctx.profileId, 'invoices') ?? ctx.settings.startDate;
  for await (const batch of ctx.st.invoiceChanges(start)) {
    await storePage(
      ctx,
      withRejected(ctx, batch),
      batch.cursor ? { name: 'invoices', value: batch.cursor } : undefined,
    );
    done += batch.envelopes.length;
    ctx.progress({ phase: 'intake', done });
  }
  await intakeQueued(ctx);
  const since = getCursor(ctx.db, ctx.profileId, 'bills') ?? ctx.settings.startDate;
  const bills: SourceEnvelope[] = [];
  let newest = since;
  for await (const batch of ctx.st.billChanges(since)) {
    bills.push(...withRejected(ctx, batch));
    if (batch.cursor && (!newest || batch.cursor > newest)) newest = batch.cursor;
  }
  await storePage(ctx, mergeBillViews(bills), newest ? { name: 'bills', value: newest } : undefined);
  ctx.progress({ phase: 'intake', done: done + bills.length });
  crashPoint('intake.done');
}
