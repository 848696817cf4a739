import { createBreather } from './breather';
import { RunCancelledError } from './cancel';
import type { SyncSettings } from '../../../shared/sync-settings';
import type { AuditActor } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import type { SourceKind } from '../domain';
import type { MoveContext } from '../outbox/store';
import type { StPort, VismaPort } from '../ports';
import { newRunPresence, type RunPresence } from '../lifecycle/presence';

/** Per-type counts of one run. */
export interface KindCounts {
  seen: number;
  new: number;
  changed: number;
  posted: number;
  released: number;
  exported: number;
  /** Zero-total documents recorded as nothing to post in this run. */
  nothingToPost: number;
  held: number;
  blocked: number;
  failed: number;
  review: number;
}

/** A progress report (`sync.progress` in the UI contract). */
export interface ProgressEvent {
  phase: string;
  done: number;
  total?: number;
  message?: string;
  /** A pace notice for the UI (see `SyncProgress.notice`). */
  notice?: { code: 'visma_rate_limit_wait'; resumeAt: string };
}

/** What this run learnt from Visma about documents posted by others (or before the ledger was reset). */
export interface PresenceCounts {
  /** Documents found in Visma under our marker and adopted instead of created, while rebuilding an empty ledger. */
  rebuilt: number;
  /** Documents found in Visma under our marker and adopted, posted by another installation or an earlier run. */
  adopted: number;
  /** Duplicates (a simultaneous post by another installation) deleted from Visma while still unreleased. */
  duplicatesRemoved: number;
  /** Documents with our marker that this ledger does not know: another installation is posting into the company. */
  unknown: number;
}

/** Everything a pipeline step needs during one run. */
export interface RunContext {
  db: Ledger;
  profileId: string;
  /** The ServiceTitan tenant, part of every marker. */
  tenantId: string;
  timeZone: string;
  settings: SyncSettings;
  st: StPort;
  visma: VismaPort;
  actor: AuditActor;
  move: MoveContext;
  now: () => Date;
  counts: Record<SourceKind, KindCounts>;
  progress: (event: ProgressEvent) => void;
  /** Invoice ids queued by webhooks for this run. */
  queuedInvoiceIds: string[];
  /** The presence lists of this run. */
  presence: RunPresence;
  /** What the presence lists found. */
  found: PresenceCounts;
  /** Waits (injected so tests and the release follow-up do not depend on wall-clock timers). */
  sleep: (ms: number) => Promise<void>;
  /**
   * Awaited between units of work (a safe point: no document is half done): gives the event loop a turn during long
   * stretches (see `breather.ts`), and throws `RunCancelledError` once the person asked the run to stop.
   */
  breathe: () => Promise<void>;
  /** True once the person asked the run to stop: pools take no new document, the run ends at the next safe point. */
  stopRequested: () => boolean;
}

/** Zeroed presence counts. */
export function emptyPresenceCounts(): PresenceCounts {
  return { rebuilt: 0, adopted: 0, duplicatesRemoved: 0, unknown: 0 };
}

/** Zeroed counters. */
export function emptyCounts(): KindCounts {
  return {
    seen: 0,
    new: 0,
    changed: 0,
    posted: 0,
    released: 0,
    exported: 0,
    nothingToPost: 0,
    held: 0,
    blocked: 0,
    failed: 0,
    review: 0,
  };
}

/** Runs `work` over `items` with at most `limit` in flight; stops starting new items after the first throw. */
export async function inPool<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  let failure: unknown;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length && !stop()) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (err) {
        if (!failed) failure = err;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failed) throw failure;
}

/** What a run context is made from. */
export interface RunContextInput {
  db: Ledger;
  profile: { id: string; timeZone: string; sync?: unknown; servicetitan: { tenantId: string } };
  settings: SyncSettings;
  st: StPort;
  visma: VismaPort;
  actor: AuditActor;
  now: () => Date;
  progress?: (event: ProgressEvent) => void;
  queuedInvoiceIds?: readonly string[];
  sleep?: (ms: number) => Promise<void>;
  /** Aborted when the person cancels the run (Cancel on the dashboard). */
  signal?: AbortSignal;
}

/** A fresh context for one run (or one review action) of a profile. */
export function createRunContext(input: RunContextInput): RunContext {
  return {
    db: input.db,
    profileId: input.profile.id,
    tenantId: input.profile.servicetitan.tenantId,
    timeZone: input.profile.timeZone,
    settings: input.settings,
    st: input.st,
    visma: input.visma,
    actor: input.actor,
    move: { db: input.db, actor: input.actor, now: input.now },
    now: input.now,
    counts: { invoice: emptyCounts(), 'ap-bill': emptyCounts() },
    progress: input.progress ?? (() => undefined),
    queuedInvoiceIds: [...(input.queuedInvoiceIds ?? [])],
    presence: newRunPresence(),
    found: emptyPresenceCounts(),
    sleep: input.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    breathe: cancellableBreather(input.signal),
    stopRequested: () => input.signal?.aborted === true,
  };
}

function cancellableBreather(signal: AbortSignal | undefined): () => Promise<void> {
  const breathe = createBreather();
  return async () => {
    if (signal?.aborted) throw new RunCancelledError();
    await breathe();
  };
}
