import { backoffDelay } from '../http/backoff';
import { VismaError } from './errors';

/** How to read, change and write a record guarded by an ETag. */
export interface EtagUpdate<T> {
  endpoint: string;
  read: () => Promise<{ value: T; etag: string | undefined } | null>;
  /** Builds the update body from the fresh record; null means "nothing to change". */
  change: (current: T) => Record<string, unknown> | null;
  write: (body: Record<string, unknown>, etag: string | undefined) => Promise<void>;
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

/**
 * Read → change → write with `If-Match`. On 412 the record changed underneath: wait (exponential backoff with
 * jitter), re-read, re-apply the change to the fresh data and try again, a bounded number of times.
 * Returns false when `change` decided there was nothing to do.
 */
export async function updateWithEtag<T>(u: EtagUpdate<T>): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const current = await u.read();
    if (!current)
      throw new VismaError({
        code: 'not_found',
        endpoint: u.endpoint,
        message: 'The record to update no longer exists in Visma.',
      });
    const body = u.change(current.value);
    if (!body) return false;
    try {
      await u.write(body, current.etag);
      return true;
    } catch (error) {
      const conflict = error instanceof VismaError && error.code === 'conflict';
      if (!conflict) throw error;
      if (attempt + 1 >= u.maxAttempts) {
        throw new VismaError({
          code: 'conflict',
          endpoint: u.endpoint,
          status: 412,
          message: `The record kept changing in Visma while we tried to update it (${u.maxAttempts} attempts). Try again later.`,
        });
      }
      await u.sleep(backoffDelay(attempt, 200, 5_000, u.random));
    }
  }
}

/** The ETag to send: the header when present, else the DTO's `timeStamp` quoted. */
export function etagFrom(headers: Record<string, string>, timeStamp: string | undefined): string | undefined {
  return headers.etag ?? (timeStamp ? `"${timeStamp}"` : undefined);
}
