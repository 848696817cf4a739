import {
  ServiceTitanError,
  StNotFoundError,
  StRequestRejectedError,
  StWriteUncertainError,
} from '../../servicetitan';
import { VismaError, isVismaConnectionError } from '../../visma';
import { FatalSyncError } from '../ports';

/** Whether an error means the connection itself is broken (the run stops) rather than one record failing. */
export function isConnectionFailure(err: unknown): boolean {
  if (err instanceof FatalSyncError) return true;
  if (err instanceof VismaError) return isVismaConnectionError(err);
  if (err instanceof ServiceTitanError) {
    return !(
      err instanceof StRequestRejectedError ||
      err instanceof StNotFoundError ||
      err instanceof StWriteUncertainError
    );
  }
  return false;
}

async function guard<T>(system: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isConnectionFailure(err) && !(err instanceof FatalSyncError)) {
      throw new FatalSyncError(`${system}: ${err instanceof Error ? err.message : String(err)}`, {
        cause: err,
      });
    }
    throw err;
  }
}

/** Runs a ServiceTitan call; connection failures become `FatalSyncError`, record failures pass through. */
export const guardSt = <T>(work: () => Promise<T>): Promise<T> => guard('ServiceTitan', work);
/** Runs a Visma call; connection failures become `FatalSyncError`, record failures pass through. */
export const guardVisma = <T>(work: () => Promise<T>): Promise<T> => guard('Visma', work);
