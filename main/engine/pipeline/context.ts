import type { SyncSettings } from '../../../shared/sync-settings';
import type { AuditActor } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import type { SourceKind } from '../domain';
import type { MoveContext } from '../outbox/store';
import type { StPort, VismaPort } from '../ports';

/** Per-type counts of one run. */
export interface KindCounts {
  seen: number;
  new: number;
  changed: number;
  posted: number;
  released: number;
  exported: number;
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
}

/** Everything a pipeline step needs during one run. */
export interface RunContext {
  db: Ledger;
  profileId: string;
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
): Promise<void> {
  let next = 0;
  let failure: unknown;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
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
