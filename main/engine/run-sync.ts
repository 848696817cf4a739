import { SyncSettings } from '../../shared/sync-settings';
import type { AuditActor } from '../storage/audit';
import type { Ledger } from '../storage/types';
import { masterDataRefreshNeeded } from './cadence';
import { CallMeter, type CallBreakdown } from './call-meter';
import { crashPoint } from './crash-point';
import type { SourceKind } from './domain';
import { unknownPresence } from './lifecycle/presence-store';
import { reviewQueueIds } from './outbox/store';
import { refreshMasterData } from './master-data/cache';
import {
  createRunContext,
  type KindCounts,
  type PresenceCounts,
  type ProgressEvent,
  type RunContext,
} from './pipeline/context';
import { handleChangesAfterPosting } from './pipeline/changes';
import { markExported } from './pipeline/export';
import { intake } from './pipeline/intake';
import { ensureParties } from './pipeline/parties';
import { followReleases, postReady, releasePosted } from './pipeline/post';
import { markInterruptedPostings } from './pipeline/recover';
import { resolveWaiting } from './pipeline/resolve-phase';
import { settleBeforePosting } from './pipeline/settle';
import { verifyAndJournal } from './pipeline/verify';
import type { StPort, VismaPort } from './ports';
import { RunCancelledError } from './pipeline/cancel';
import { recordRun } from './run-record';
import type { AcquireRunOptions, RunHandle } from './run-lock';

/** What started a run. */
export type SyncTrigger = 'schedule' | 'manual' | 'webhook' | 'cli' | 'replay';

/** The profile fields the engine reads. */
export interface EngineProfile {
  id: string;
  timeZone: string;
  sync?: unknown;
  /** The ServiceTitan tenant: part of the marker every Visma document carries. */
  servicetitan: { tenantId: string };
}

/** The engine's dependencies: the ledger and the two API ports. */
export interface EngineDeps {
  db: Ledger;
  st: StPort;
  visma: VismaPort;
  now?: () => Date;
  /** Pauses between looks at queued releases (default: real timers). */
  sleep?: (ms: number) => Promise<void>;
  onProgress?: (event: ProgressEvent & { runId: number }) => void;
}

/** Options of one run. */
export interface RunOptions {
  trigger: SyncTrigger;
  /** Aborted when the person cancels: the run stops at the next safe point (between documents). */
  signal?: AbortSignal;
  /** Invoice ids from webhooks to fetch in this run. */
  queuedInvoiceIds?: string[];
  /** How to take the profile's run lock (wait, who we are). */
  lock?: AcquireRunOptions;
}

/** What a run did (the `sync --json` output). Held/blocked/failed/review are totals after the run. */
export interface SyncSummary {
  runId: number;
  profileId: string;
  trigger: SyncTrigger;
  status: 'completed';
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  documents: { invoices: KindCounts; bills: KindCounts };
  reviewQueue: number;
  /** Documents that went into the review queue during this run (the ones a notification is about). */
  reviewAdded: number;
  /** Every call the run made to each system: alignment, master data, documents and token requests alike. */
  calls: {
    servicetitan: number;
    visma: number;
    vismaPerPostedDocument: number | null;
    servicetitanPerDocumentSeen: number | null;
  } & CallBreakdown;
  /** CPU time of this run and the process's peak resident memory (engine only when run from the CLI). */
  resources: { cpuSeconds: number; peakRssMb: number };
  /** What Visma already held under our markers: adopted instead of posted again, duplicates removed. */
  visma: PresenceCounts;
  /**
   * True when this run found documents in Visma under our markers that this ledger did not post: another
   * installation (a second PC, or a scheduled task on another data folder) is syncing the same tenant — or this
   * ledger was reset or restored and rebuilt its picture from Visma.
   */
  otherInstallation: boolean;
}

/** Who acts, per trigger. */
export const ACTOR_OF: Record<SyncTrigger, AuditActor> = {
  schedule: 'schedule',
  manual: 'user',
  webhook: 'webhook',
  cli: 'cli',
  replay: 'user',
};

function stateTotals(db: Ledger, profileId: string, kind: SourceKind, counts: KindCounts): void {
  const q = (where: string) =>
    (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM outbox o JOIN source_documents s ON s.id = o.source_id WHERE o.profile_id = ? AND s.kind = ? AND ${where}`,
        )
        .get(profileId, kind) as { n: number }
    ).n;
  counts.held = q(`o.state = 'posted' AND o.held = 1 AND o.approved = 0`);
  counts.blocked = q(`o.state = 'blocked'`);
  counts.failed = q(`o.state IN ('failed', 'uncertain')`);
  counts.review = q(
    `o.state <> 'ignored' AND (o.state IN ('blocked', 'failed', 'uncertain') OR o.review_code IS NOT NULL OR (o.held = 1 AND o.approved = 0))`,
  );
}

/** The document phases of a run, in order. */
async function documentPhases(
  ctx: RunContext,
  run: RunHandle,
  meter: CallMeter,
  trigger: SyncTrigger,
): Promise<void> {
  // A webhook run works on what the webhook named (and what is already in flight), not on the whole history.
  const named = trigger === 'webhook';
  const step = async (phase: string, work: () => unknown) => {
    if (ctx.stopRequested()) throw new RunCancelledError();
    ctx.progress({ phase, done: 0 });
    await meter.measure(phase, work);
    run.heartbeat(ctx.now());
  };
  crashPoint('run.started');
  await step('recover', () => markInterruptedPostings(ctx));
  crashPoint('recover.done');
  await step('intake', () => intake(ctx, named ? 'named' : 'all'));
  // Master data is read only when documents need it: a run with nothing to do makes no Visma call for it.
  const newOrChanged = (['invoice', 'ap-bill'] as const).reduce(
    (n, kind) => n + ctx.counts[kind].new + ctx.counts[kind].changed,
    0,
  );
  const asked = trigger === 'manual' || trigger === 'cli' || trigger === 'replay';
  if (masterDataRefreshNeeded(ctx.db, ctx.profileId, ctx.now(), { newOrChanged, named, asked }))
    await step('masterdata', () =>
      refreshMasterData(ctx.db, ctx.profileId, ctx.visma, ctx.st, { now: ctx.now }),
    );
  crashPoint('masterdata.refreshed');
  await step('parties', () => ensureParties(ctx));
  await step('resolve', () => resolveWaiting(ctx));
  await step('lookup', () => settleBeforePosting(ctx));
  await step('post', () => postReady(ctx));
  await step('release', () => releasePosted(ctx));
  await step('follow', () => followReleases(ctx));
  await step('changes', () => handleChangesAfterPosting(ctx));
  // Verifying, finding GL batches and marking exported are bulk work: a webhook run leaves them to the next full run.
  if (!named) {
    await step('verify', () => verifyAndJournal(ctx));
    await step('export', () => markExported(ctx));
  }
  if (ctx.stopRequested()) throw new RunCancelledError();
  crashPoint('run.finishing');
}

/** The summary of a finished run. */
function summarize(
  ctx: RunContext,
  run: {
    runId: number;
    trigger: SyncTrigger;
    started: Date;
    cpuStart: NodeJS.CpuUsage;
    reviewBefore: Set<number>;
  },
  meter: CallMeter,
): SyncSummary {
  const calls = meter.totals();
  stateTotals(ctx.db, ctx.profileId, 'invoice', ctx.counts.invoice);
  stateTotals(ctx.db, ctx.profileId, 'ap-bill', ctx.counts['ap-bill']);
  ctx.found.unknown = unknownPresence(ctx.db, ctx.profileId, run.started.toISOString()).filter(
    (d) => !ctx.presence.rebuilt.has(d.kind),
  ).length;
  const finished = ctx.now();
  const posted = ctx.counts.invoice.posted + ctx.counts['ap-bill'].posted;
  const seen = ctx.counts.invoice.seen + ctx.counts['ap-bill'].seen;
  const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);
  const cpu = process.cpuUsage(run.cpuStart);
  return {
    runId: run.runId,
    profileId: ctx.profileId,
    trigger: run.trigger,
    status: 'completed',
    startedAt: run.started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - run.started.getTime(),
    documents: { invoices: ctx.counts.invoice, bills: ctx.counts['ap-bill'] },
    reviewQueue: ctx.counts.invoice.review + ctx.counts['ap-bill'].review,
    reviewAdded: countAdded(reviewQueueIds(ctx.db, ctx.profileId), run.reviewBefore),
    calls: {
      servicetitan: calls.servicetitan,
      visma: calls.visma,
      vismaPerPostedDocument: ratio(calls.visma, posted),
      servicetitanPerDocumentSeen: ratio(calls.servicetitan, seen),
      ...meter.breakdown(),
    },
    resources: {
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    },
    visma: ctx.found,
    otherInstallation:
      ctx.found.adopted + ctx.found.rebuilt + ctx.found.duplicatesRemoved + ctx.found.unknown > 0,
  };
}

function countAdded(now: Set<number>, before: Set<number>): number {
  let added = 0;
  for (const id of now) if (!before.has(id)) added++;
  return added;
}

/** How a completed run is recorded: the summary on its run row, and the audit sentence and details. */
export function recordOf(summary: SyncSummary) {
  const posted = summary.documents.invoices.posted + summary.documents.bills.posted;
  const other = summary.otherInstallation
    ? ' Visma holds documents under our markers that this ledger did not post: another installation is posting into this company, or this ledger was reset.'
    : '';
  return {
    summary,
    message: `Sync run ${summary.runId}: ${posted} posted, ${summary.reviewQueue} in the review queue.${other}`,
    messageCode: summary.otherInstallation ? 'syncCompletedOther' : 'syncCompleted',
    messageParams: { runId: summary.runId, posted, review: summary.reviewQueue },
    details: { documents: summary.documents, calls: summary.calls, visma: summary.visma },
  };
}

/**
 * Runs the document phases inside an already recorded run. `meter` (when the caller made calls of its own in this
 * run, such as alignment) counts the whole run; without it the run's calls are counted from here.
 */
export async function runDocumentPhases(
  profile: EngineProfile,
  deps: EngineDeps,
  options: RunOptions & { run: RunHandle; meter?: CallMeter },
): Promise<SyncSummary> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const cpuStart = process.cpuUsage();
  const reviewBefore = reviewQueueIds(deps.db, profile.id);
  const meter = options.meter ?? new CallMeter(deps);
  const ctx = createRunContext({
    db: deps.db,
    profile,
    settings: SyncSettings.parse(profile.sync ?? {}),
    st: deps.st,
    visma: deps.visma,
    actor: ACTOR_OF[options.trigger],
    now,
    progress: (e) => {
      last = e;
      deps.onProgress?.({ ...e, runId: options.run.id });
    },
    ...(options.queuedInvoiceIds && { queuedInvoiceIds: options.queuedInvoiceIds }),
    ...(deps.sleep && { sleep: deps.sleep }),
    ...(options.signal && { signal: options.signal }),
  });
  let last: ProgressEvent = { phase: 'recover', done: 0 };
  // Said once per wait, on the step it holds up: the person sees when the run carries on, not a silent stall.
  const stopWatching = deps.visma.onRateLimitWait?.((resumeAt) =>
    deps.onProgress?.({
      ...last,
      runId: options.run.id,
      message: `Visma's call limit for this hour is used up; the run carries on at ${resumeAt.toISOString()}.`,
      notice: { code: 'visma_rate_limit_wait', resumeAt: resumeAt.toISOString() },
    }),
  );
  try {
    await documentPhases(ctx, options.run, meter, options.trigger);
  } finally {
    stopWatching?.();
  }
  return summarize(
    ctx,
    { runId: options.run.id, trigger: options.trigger, started, cpuStart, reviewBefore },
    meter,
  );
}

/**
 * One document pass for a profile, recorded as a run: recover interrupted postings, refresh master data, read new
 * and changed documents, create missing parties, resolve and validate, settle uncertain creates and adopt what Visma
 * already holds, post, release and follow queued releases, correct or flag changes, verify and find GL batches in
 * bulk, mark exported. Throws `RunInProgressError` when another run holds the profile and `RunFailedError` (with
 * the run recorded as failed) when the run fails.
 */
export async function runSync(
  profile: EngineProfile,
  deps: EngineDeps,
  options: RunOptions,
): Promise<SyncSummary> {
  const now = deps.now ?? (() => new Date());
  return recordRun(
    {
      db: deps.db,
      profileId: profile.id,
      trigger: options.trigger,
      actor: ACTOR_OF[options.trigger],
      now,
      ...(options.lock && { lock: options.lock }),
    },
    (run) => runDocumentPhases(profile, deps, { ...options, run }),
    recordOf,
  );
}
