import { appendAudit, type AuditActor } from '../storage/audit';
import type { Ledger } from '../storage/types';
import { acquireRun, finishRun } from './run-lock';

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
}

/**
 * Runs `work` as one recorded run: the run row is taken first (another run of the profile in progress refuses it),
 * and every end is recorded — completed with the summary, failed with the error in plain words and an audit entry —
 * so the dashboard and `sync --json` show failed runs too. A failure is rethrown as `RunFailedError`.
 */
export async function recordRun<T>(
  run: RecordedRun,
  work: (runId: number) => Promise<T>,
  describe: (result: T) => { summary: unknown; message: string; details?: Record<string, unknown> },
): Promise<T> {
  const runId = acquireRun(run.db, run.profileId, run.trigger, run.now());
  let result: T;
  try {
    result = await work(runId);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    finishRun(run.db, runId, 'failed', { error: message }, run.now());
    appendAudit(run.db, {
      profileId: run.profileId,
      actor: run.actor,
      action: 'sync.failed',
      outcome: 'failure',
      message: `Sync run ${runId} failed: ${message}`,
    });
    throw new RunFailedError(runId, err);
  }
  const { summary, message, details } = describe(result);
  finishRun(run.db, runId, 'completed', summary, run.now());
  appendAudit(run.db, {
    profileId: run.profileId,
    actor: run.actor,
    action: 'sync.completed',
    outcome: 'success',
    message,
    ...(details && { details }),
  });
  return result;
}
