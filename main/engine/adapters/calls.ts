import { FatalSyncError, RecordCallError, type RefusalReason, type WriteOutcome } from '../ports';

/** Whether the failed call only read, or asked the system to change something. */
export type CallKind = 'read' | 'write';

/** What one failed API call means to the engine; `undefined` from a classifier: not an API error at all. */
export type CallFailure =
  /** The connection or the credentials are broken: the run ends. */
  | { kind: 'fatal'; message: string }
  /** The system refused this call; nothing was changed. */
  | { kind: 'refused'; message: string; reason?: RefusalReason }
  /** A write without a clear answer: it may have landed. */
  | { kind: 'uncertain'; message: string };

/** Sorts a thrown error into a `CallFailure`, or `undefined` when it is not the client's (a bug, a ledger error). */
export type ErrorClassifier = (err: unknown, call: CallKind) => CallFailure | undefined;

/** Runs a port's calls and turns their failures into what the engine acts on, all through one classifier. */
export interface CallGuard {
  /** A read: a fatal failure throws `FatalSyncError`, any other `RecordCallError`. */
  read<T>(work: () => Promise<T>): Promise<T>;
  /** A write whose failure is thrown, like `read` (alignment writes, marking documents exported). */
  write<T>(work: () => Promise<T>): Promise<T>;
  /** A write whose refusal or unclear answer is returned as a `WriteOutcome`; only a fatal failure throws. */
  outcome<T>(work: () => Promise<T>): Promise<WriteOutcome<T>>;
  /** A paged read, its failures treated like `read`'s. */
  pages<T>(source: AsyncIterable<T>): AsyncGenerator<T>;
}

/** The guard of one system's port; `system` names it in the messages of fatal failures. */
export function callGuard(system: 'ServiceTitan' | 'Visma', classify: ErrorClassifier): CallGuard {
  const fatal = (err: unknown, message: string) =>
    new FatalSyncError(`${system}: ${message}`, { cause: err });
  const raise = (err: unknown, call: CallKind): never => {
    const failure = classify(err, call);
    if (!failure) throw err;
    if (failure.kind === 'fatal') throw fatal(err, failure.message);
    throw new RecordCallError(system, failure.kind, failure.message, {
      cause: err,
      ...(failure.kind === 'refused' && { reason: failure.reason }),
    });
  };
  const thrown =
    (call: CallKind) =>
    async <T>(work: () => Promise<T>): Promise<T> => {
      try {
        return await work();
      } catch (err) {
        return raise(err, call);
      }
    };
  return {
    read: thrown('read'),
    write: thrown('write'),
    async outcome<T>(work: () => Promise<T>): Promise<WriteOutcome<T>> {
      try {
        return { status: 'ok', value: await work() };
      } catch (err) {
        const failure = classify(err, 'write');
        if (!failure) throw err;
        if (failure.kind === 'fatal') throw fatal(err, failure.message);
        if (failure.kind === 'uncertain') return { status: 'uncertain', message: failure.message };
        return {
          status: 'rejected',
          message: failure.message,
          ...(failure.reason && { reason: failure.reason }),
        };
      }
    },
    async *pages<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
      try {
        yield* source;
      } catch (err) {
        raise(err, 'read');
      }
    },
  };
}

/** Every item of an async iterable. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of items) out.push(x);
  return out;
}
