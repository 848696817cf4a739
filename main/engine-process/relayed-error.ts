import { z } from 'zod';
import { RunCancelledError } from '../engine/pipeline/cancel';
import { RunFailedError } from '../engine/run-record';
import { RunInProgressError } from '../engine/run-lock';
import { redactor } from '../log/redactor';

/*
 * A run's error crosses from the sync worker to the engine's main thread as plain data, and becomes there the same
 * class the in-process run throws — the handlers and `SyncCoordinator` tell errors apart with `instanceof`
 * (`RunInProgressError` is a conflict, `RunCancelledError` a cancelled run) and read their fields.
 */

const LockHolderSchema = z.object({
  holder: z.string(),
  pid: z.number(),
  host: z.string(),
  since: z.string(),
});

const PlainError = z.object({ name: z.string(), message: z.string() });

/** The wire form of a run's error. */
export const RelayedError = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('run-in-progress'),
    profileId: z.string(),
    holder: LockHolderSchema.nullable(),
    waitedMs: z.number(),
  }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('run-failed'), runId: z.number().int(), cause: z.unknown() }),
  PlainError.extend({ kind: z.literal('error') }),
]);
export type RelayedError = z.infer<typeof RelayedError>;

/** The error as data that survives a structured clone; messages pass the (worker's) redactor. */
export function relayError(err: unknown): RelayedError {
  if (err instanceof RunInProgressError)
    return { kind: 'run-in-progress', profileId: err.profileId, holder: err.holder, waitedMs: err.waitedMs };
  if (err instanceof RunCancelledError) return { kind: 'cancelled' };
  if (err instanceof RunFailedError)
    return { kind: 'run-failed', runId: err.runId, cause: relayError(err.cause) };
  const name = err instanceof Error ? err.name : 'Error';
  return { kind: 'error', name, message: redactor.redact(err instanceof Error ? err.message : String(err)) };
}

/** The relayed error as the class the in-process run would have thrown (other errors keep their name and message). */
export function reviveError(relayed: RelayedError): Error {
  switch (relayed.kind) {
    case 'run-in-progress':
      return new RunInProgressError(relayed.profileId, relayed.holder, relayed.waitedMs);
    case 'cancelled':
      return new RunCancelledError();
    case 'run-failed': {
      const cause = RelayedError.safeParse(relayed.cause);
      return new RunFailedError(
        relayed.runId,
        cause.success
          ? reviveError(cause.data)
          : new Error('The run failed for a reason that was not passed on.'),
      );
    }
    case 'error': {
      const error = new Error(relayed.message);
      error.name = relayed.name;
      return error;
    }
  }
}

/** The innermost error a relayed error carries (the cause of a failed run). */
export function rootOf(relayed: RelayedError): RelayedError {
  if (relayed.kind !== 'run-failed') return relayed;
  const cause = RelayedError.safeParse(relayed.cause);
  return cause.success ? rootOf(cause.data) : relayed;
}
