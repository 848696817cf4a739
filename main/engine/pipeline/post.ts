import type { VismaDocKind } from '../domain';
import { createInVisma, followRelease, requestRelease } from '../lifecycle/document-lifecycle';
import { presentUnder, refreshPresence } from '../lifecycle/presence';
import { getOutbox, listOutbox, type OutboxRow } from '../outbox/store';
import type { ReasonCode } from '../reasons';
import { inPool, type RunContext } from './context';
import { confirmCreated, kindOf } from './settle';

/** Review reasons that stop a posted document from being released until someone acts. */
const HOLDS_RELEASE: readonly (ReasonCode | null)[] = [
  'release_failed',
  'release_incomplete',
  'duplicate_in_visma',
  'changed_after_posting',
];

/**
 * Pauses before each look at queued releases within one run (the rest is followed by the next run). The first look
 * waits too when releases were just queued: Visma needs a moment, and a list that finds them all still queued is a
 * wasted call.
 */
const FOLLOW_PAUSES_MS = [1000, 2000, 4000];

/** Posted rows that may be released: current content, not held (or approved), nothing in review that stops it. */
export function releasable(ctx: RunContext): OutboxRow[] {
  return listOutbox(ctx.db, ctx.profileId, ['posted']).filter(
    (r) =>
      r.vismaDocNumber &&
      r.postedHash === r.sourceHash &&
      !HOLDS_RELEASE.includes(r.reviewCode) &&
      (!r.held || r.approved || ctx.settings.releaseHoldingDocuments),
  );
}

/** Creates every ready document, `concurrency` at a time; a fatal error stops new creates and lets those in flight settle. */
export async function postReady(ctx: RunContext): Promise<void> {
  const ready = listOutbox(ctx.db, ctx.profileId, ['ready']);
  let done = 0;
  await inPool(
    ready,
    ctx.settings.concurrency,
    async (row) => {
      await createInVisma(ctx, row);
      ctx.progress({ phase: 'post', done: ++done, total: ready.length });
    },
    ctx.stopRequested,
  );
}

/**
 * Releases posted documents: first lists their kinds once more and makes sure each is the only copy under its
 * marker (two installations posting the same document at the same moment both see both copies here and keep the
 * same one), then asks Visma to release each, `concurrency` at a time.
 */
export async function confirmAndRelease(ctx: RunContext, rows: readonly OutboxRow[]): Promise<void> {
  if (rows.length === 0) return;
  await confirmCreated(ctx, rows);
  const stillReleasable = new Set(releasable(ctx).map((r) => r.id));
  const toRelease = rows.map((r) => getOutbox(ctx.db, r.id)!).filter((r) => stillReleasable.has(r.id));
  await inPool(toRelease, ctx.settings.concurrency, (row) => requestRelease(ctx, row), ctx.stopRequested);
}

/** Releases every releasable document of the profile. */
export async function releasePosted(ctx: RunContext): Promise<void> {
  await confirmAndRelease(ctx, releasable(ctx));
}

/** Rows whose release Visma has not confirmed yet (queued, or refused and in review). */
function unconfirmed(ctx: RunContext): OutboxRow[] {
  return [
    ...listOutbox(ctx.db, ctx.profileId, ['releasing']),
    ...listOutbox(ctx.db, ctx.profileId, ['posted'], 'releaseInReview'),
  ];
}

/**
 * Follows queued releases through the document lists until Visma reports each one released (or failed), pausing
 * with growing gaps; what is still queued after the last pause is followed by the next run.
 */
export async function followReleases(ctx: RunContext): Promise<void> {
  const recent = new Date(ctx.now().getTime() - 60_000).toISOString();
  for (let round = 0; ; round++) {
    const rows = unconfirmed(ctx);
    if (rows.length === 0) return;
    const waiting = rows.filter((r) => r.state === 'releasing');
    const justQueued = waiting.some((r) => (r.releaseRequestedAt ?? '') >= recent);
    if (round > 0 || justQueued) {
      if (round >= FOLLOW_PAUSES_MS.length || waiting.length === 0) return;
      await ctx.sleep(FOLLOW_PAUSES_MS[round]!);
    }
    await refreshPresence(ctx, rows.map(kindOf));
    const present = presentUnder(
      ctx,
      rows.map((r) => r.externalReference),
    );
    for (const row of rows) {
      await ctx.breathe();
      const doc = present
        .get(row.externalReference)
        ?.map((p) => p.doc)
        .find((d) => d.number === row.vismaDocNumber && d.kind === (row.vismaDocType as VismaDocKind));
      followRelease(ctx, row, doc);
    }
  }
}
