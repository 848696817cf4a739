import { Cron } from 'croner';
import { RunCancelledError } from './pipeline/cancel';
import type { RunOptions, SyncSummary, SyncTrigger } from './run-sync';

interface Next {
  trigger: SyncTrigger;
  invoiceIds: Set<string>;
  promise: Promise<SyncSummary>;
  resolve: (s: SyncSummary) => void;
  reject: (e: unknown) => void;
}

/**
 * One run per profile at a time. A trigger that arrives during a run (Sync now, schedule, webhook) is coalesced
 * into a single follow-up run that starts when the current one ends — never lost, never run twice in parallel.
 */
export class SyncCoordinator {
  private current: Promise<SyncSummary> | undefined;
  private currentAbort: AbortController | undefined;
  private next: Next | undefined;

  constructor(private readonly run: (options: RunOptions) => Promise<SyncSummary>) {}

  /** True while a run is in progress. */
  get busy(): boolean {
    return this.current !== undefined;
  }

  /** Resolves once no run is in progress or queued (used before closing the ledger). */
  async whenIdle(): Promise<void> {
    while (this.current) await this.current.catch(() => undefined);
  }

  /**
   * Asks the run in progress to stop at its next safe point (and drops the follow-up run queued behind it, which
   * fails with the same cancellation); false when no run is in progress.
   */
  cancel(): boolean {
    if (!this.currentAbort) return false;
    this.currentAbort.abort();
    const next = this.next;
    this.next = undefined;
    next?.reject(new RunCancelledError());
    return true;
  }

  /** Starts a run now, or joins the follow-up run; resolves with the summary of the run that covered this trigger. */
  trigger(trigger: SyncTrigger, invoiceIds: readonly string[] = []): Promise<SyncSummary> {
    if (!this.current) return this.start(trigger, [...invoiceIds]);
    if (!this.next) {
      let resolve!: (s: SyncSummary) => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<SyncSummary>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.next = { trigger, invoiceIds: new Set(), promise, resolve, reject };
    }
    for (const id of invoiceIds) this.next.invoiceIds.add(id);
    return this.next.promise;
  }

  private start(trigger: SyncTrigger, invoiceIds: string[]): Promise<SyncSummary> {
    const abort = new AbortController();
    const run = this.run({ trigger, queuedInvoiceIds: invoiceIds, signal: abort.signal }).finally(() => {
      this.current = undefined;
      this.currentAbort = undefined;
      const next = this.next;
      this.next = undefined;
      if (next) this.start(next.trigger, [...next.invoiceIds]).then(next.resolve, next.reject);
    });
    this.current = run;
    this.currentAbort = abort;
    return run;
  }
}

/** Runs `trigger('schedule')` on a cron expression (in `timezone`, the profile's); returns a function that stops it. */
export function scheduleSync(
  expression: string,
  coordinator: SyncCoordinator,
  onError: (err: unknown) => void = () => undefined,
  timezone?: string,
): () => void {
  const job = new Cron(expression, { protect: true, ...(timezone ? { timezone } : {}) }, () => {
    coordinator.trigger('schedule').catch(onError);
  });
  return () => job.stop();
}

/**
 * When the schedule `expression` (in `timezone`) next starts a run after `after`, or null for an expression that
 * never fires again or cannot be read (the settings refuse such expressions; this never throws for the dashboard).
 */
export function nextScheduledRun(expression: string, timezone: string | undefined, after: Date): Date | null {
  try {
    const job = new Cron(expression, { paused: true, ...(timezone ? { timezone } : {}) });
    const next = job.nextRun(after);
    job.stop();
    return next;
  } catch {
    return null;
  }
}
