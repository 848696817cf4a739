import { SyncSettings } from '../../shared/sync-settings';
import { appendAudit, type AuditActor } from '../storage/audit';
import type { Ledger } from '../storage/types';
import { crashPoint } from './crash-point';
import type { SourceKind } from './domain';
import { refreshMasterData } from './master-data/cache';
import { emptyCounts, type KindCounts, type ProgressEvent, type RunContext } from './pipeline/context';
import { handleChangesAfterPosting } from './pipeline/changes';
import { markExported } from './pipeline/export';
import { intake } from './pipeline/intake';
import { ensureParties } from './pipeline/parties';
import { postReady } from './pipeline/post';
import { markInterruptedPostings, resolveAllUncertain } from './pipeline/recover';
import { resolveWaiting } from './pipeline/resolve-phase';
import { verifyAndJournal } from './pipeline/verify';
import type { StPort, VismaPort } from './ports';
import { acquireRun, type AcquireRunOptions, type RunHandle } from './run-lock';

/** What started a run. */
export type SyncTrigger = 'schedule' | 'manual' | 'webhook' | 'cli' | 'replay';

/** The profile fields the engine reads. */
export interface EngineProfile {
  id: string;
  timeZone: string;
  sync?: unknown;
}

/** The engine's dependencies: the ledger and the two API ports. */
export interface EngineDeps {
  db: Ledger;
  st: StPort;
  visma: VismaPort;
  now?: () => Date;
  onProgress?: (event: ProgressEvent & { runId: number }) => void;
}

/** Options of one run. */
export interface RunOptions {
  trigger: SyncTrigger;
  /** Invoice ids from webhooks to fetch in this run. */
  queuedInvoiceIds?: string[];
  /** How to take the profile's run lock (wait, who we are); ignored when `run` is given. */
  lock?: AcquireRunOptions;
  /** A run whose lock the caller already holds (a full pass takes it before alignment); this run finishes it. */
  run?: RunHandle;
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
  calls: {
    servicetitan: number;
    visma: number;
    vismaPerPostedDocument: number | null;
    servicetitanPerDocumentSeen: number | null;
  };
  /** CPU time of this run and the process's peak resident memory (engine only when run from the CLI). */
  resources: { cpuSeconds: number; peakRssMb: number };
}

const ACTOR: Record<SyncTrigger, AuditActor> = {
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

/**
 * One full pass for a profile: recover interrupted postings, refresh master data, read new and changed documents,
 * create missing parties, resolve and validate, post and release, correct or flag changes, verify and find GL
 * batches in bulk, mark exported. Throws `RunInProgressError` when another run holds the profile and
 * `FatalSyncError` on bad credentials or an unreachable service.
 */
export async function runSync(
  profile: EngineProfile,
  deps: EngineDeps,
  options: RunOptions,
): Promise<SyncSummary> {
  const now = deps.now ?? (() => new Date());
  const started = now();
  const settings = SyncSettings.parse(profile.sync ?? {});
  const run = options.run ?? (await acquireRun(deps.db, profile.id, options.trigger, started, options.lock));
  const runId = run.id;
  const cpuStart = process.cpuUsage();
  const stStart = deps.st.callCount();
  const vismaStart = deps.visma.callCount();
  const actor = ACTOR[options.trigger];
  const ctx: RunContext = {
    db: deps.db,
    profileId: profile.id,
    timeZone: profile.timeZone,
    settings,
    st: deps.st,
    visma: deps.visma,
    actor,
    move: { db: deps.db, actor, now },
    now,
    counts: { invoice: emptyCounts(), 'ap-bill': emptyCounts() },
    progress: (e) => deps.onProgress?.({ ...e, runId }),
    queuedInvoiceIds: [...(options.queuedInvoiceIds ?? [])],
  };
  const step = async (phase: string, work: () => unknown) => {
    ctx.progress({ phase, done: 0 });
    await work();
    run.heartbeat(now());
  };
  try {
    crashPoint('run.started');
    await step('recover', () => markInterruptedPostings(ctx));
    crashPoint('recover.done');
    await step('masterdata', () => refreshMasterData(deps.db, profile.id, deps.visma, deps.st, { now }));
    crashPoint('masterdata.refreshed');
    await step('lookup', () => resolveAllUncertain(ctx));
    await step('intake', () => intake(ctx));
    await step('parties', () => ensureParties(ctx));
    await step('resolve', () => resolveWaiting(ctx));
    await step('post', () => postReady(ctx));
    await step('changes', () => handleChangesAfterPosting(ctx));
    await step('verify', () => verifyAndJournal(ctx));
    await step('export', () => markExported(ctx));
    crashPoint('run.finishing');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    run.finish('failed', { error: message }, now());
    appendAudit(deps.db, {
      profileId: profile.id,
      actor,
      action: 'sync.failed',
      outcome: 'failure',
      message,
    });
    throw err;
  }
  stateTotals(deps.db, profile.id, 'invoice', ctx.counts.invoice);
  stateTotals(deps.db, profile.id, 'ap-bill', ctx.counts['ap-bill']);
  const finished = now();
  const stCalls = deps.st.callCount() - stStart;
  const vismaCalls = deps.visma.callCount() - vismaStart;
  const posted = ctx.counts.invoice.posted + ctx.counts['ap-bill'].posted;
  const seen = ctx.counts.invoice.seen + ctx.counts['ap-bill'].seen;
  const summary: SyncSummary = {
    runId,
    profileId: profile.id,
    trigger: options.trigger,
    status: 'completed',
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    documents: { invoices: ctx.counts.invoice, bills: ctx.counts['ap-bill'] },
    reviewQueue: ctx.counts.invoice.review + ctx.counts['ap-bill'].review,
    calls: {
      servicetitan: stCalls,
      visma: vismaCalls,
      vismaPerPostedDocument: posted > 0 ? Math.round((vismaCalls / posted) * 1000) / 1000 : null,
      servicetitanPerDocumentSeen: seen > 0 ? Math.round((stCalls / seen) * 1000) / 1000 : null,
    },
    resources: { cpuSeconds: 0, peakRssMb: 0 },
  };
  const cpu = process.cpuUsage(cpuStart);
  summary.resources = {
    cpuSeconds: Math.round((cpu.user + cpu.system) / 1000) / 1000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
  };
  run.finish('completed', summary, finished);
  appendAudit(deps.db, {
    profileId: profile.id,
    actor,
    action: 'sync.completed',
    outcome: 'success',
    message: `Sync run ${runId}: ${posted} posted, ${summary.reviewQueue} in the review queue.`,
    details: { documents: summary.documents, calls: summary.calls },
  });
  return summary;
}
