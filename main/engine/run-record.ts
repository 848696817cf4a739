import { appendAudit, type AuditActor, type AuditMessageParams } from '../storage/audit';
import type { Ledger } from '../storage/types';
import { RunCancelledError } from './pipeline/cancel';
import { runFailureOf } from './adapters/run-failure';
import { acquireRun, type AcquireRunOptions, type RunHandle } from './run-lock';

/** A run that ended with an error: the error itself, plus the run row that records it. */
export class RunFailedError extends Error {
  constructor(
    readonly runId: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'RunFailedError';
  }
}

/** The error a failed run ended with (unwrapping `RunFailedError`). */
export function runErrorOf(err: unknown): unknown {
  return err instanceof RunFailedError ? err.cause : err;
}

/** What a recorded run needs. */
export interface RecordedRun {
  db: Ledger;
  profileId: string;
  trigger: string;
  actor: AuditActor;
  now: () => Date;
  /** How to take the profile's run lock (wait, who we are). */
  lock?: AcquireRunOptions;
}

/**
 * Runs `work` as one recorded run: the profile's run lock and run row are taken first (another run of the profile in
 * progress refuses it, or is waited for),
 * and every end is recorded — completed with the summary, failed with the error in plain words and an audit entry —
 * so the dashboard and `sync --json` show failed runs too. A failure is rethrown as `RunFailedError`.
 */
export async function recordRun<T>(
  run: RecordedRun,
  work: (handle: RunHandle) => Promise<T>,
  describe: (result: T) => {
    summary: unknown;
    message: string;
    messageCode?: string;
    messageParams?: AuditMessageParams;
    details?: Record<string, unknown>;
  },
): Promise<T> {
  const handle = await acquireRun(run.db, run.profileId, run.trigger, run.now(), run.lock);
  const runId = handle.id;
  let result: T;
  try {
    result = await work(handle);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const cancelled = err instanceof RunCancelledError;
    // A cancelled run is kept as a run that did not complete (the run table knows no other end), marked as cancelled.
    handle.finish(
      'failed',
      { error: message, ...(cancelled ? { cancelled: true } : { failure: runFailureOf(err) }) },
      run.now(),
    );
    appendAudit(run.db, {
      profileId: run.profileId,
      actor: run.actor,
      action: cancelled ? 'sync.cancelled' : 'sync.failed',
      outcome: cancelled ? 'info' : 'failure',
      message: cancelled
        ? `Sync run ${runId} was cancelled: ${message}`
        : `Sync run ${runId} failed: ${message}`,
    });
    throw new RunFailedError(runId, err);
  }
  let described;
  try {
    described = describe(result);
  } catch (err) {
    handle.finish('failed', { error: err instanceof Error ? err.message : String(err) }, run.now());
    throw err;
  }
  const { summary, message, messageCode, messageParams, details } = described;
  handle.finish('completed', summary, run.now());
  appendAudit(run.db, {
    profileId: run.profileId,
    actor: run.actor,
    action: 'sync.completed',
    outcome: 'success',
    message,
    ...(messageCode && { messageCode, messageParams }),
    ...(details && { details }),
  });
  return result;
}
