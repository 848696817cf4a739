import type { z } from 'zod';
import type { VismaCall, VismaTransport } from '../transport';
import { VismaError } from '../errors';
import { parseReply } from '../schemas';
import type { PagingOptions } from '../paging';

/** What every endpoint group needs. */
export interface EndpointDeps {
  transport: VismaTransport;
  paging: PagingOptions;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Attempts of an If-Match update before giving up on a record that keeps changing (default 5). */
  maxConflictAttempts: number;
}

/**
 * Incremental-read filter: records modified since (`>=`, or `>`) a Visma timestamp. Visma reads it as the company's
 * local time, so pass a local date-time without offset (`yyyy-MM-dd[THH:mm:ss[.fff]]`, see `toVismaLocalTime`).
 */
export interface ModifiedFilter {
  modifiedSince?: string;
  modifiedCondition?: '>' | '>=';
  /** Records last modified strictly before this Visma timestamp (the complement of `modifiedSince` with `>=`). */
  modifiedBefore?: string;
}

/** Filter on when records were created (company-local timestamp, like `ModifiedFilter`). */
export interface CreatedFilter {
  createdSince?: string;
  createdCondition?: '>' | '>=' | '<' | '<=';
}

const LOCAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}(\.\d{1,3})?)?$/;

/** Refuses a filter timestamp Visma would misread (one with an offset or in another format). */
function localFilterValue(name: string, value: string): string {
  if (!LOCAL_TIMESTAMP.test(value))
    throw new VismaError({
      code: 'invalid_input',
      message: `The ${name} filter "${value}" cannot be sent to Visma: use the company's local time without a time zone offset (yyyy-MM-ddTHH:mm:ss).`,
    });
  return value;
}

/** The `lastModifiedDateTime` + condition query pair for a filter (empty when not filtering). */
export function modifiedQuery(filter: ModifiedFilter | undefined): Record<string, string | undefined> {
  if (filter?.modifiedBefore) {
    if (filter.modifiedSince)
      throw new VismaError({
        code: 'invalid_input',
        message:
          'Visma takes one lastModifiedDateTime filter per list: ask for "since" or "before", not both.',
      });
    return {
      lastModifiedDateTime: localFilterValue('lastModifiedDateTime', filter.modifiedBefore),
      lastModifiedDateTimeCondition: '<',
    };
  }
  if (!filter?.modifiedSince) return {};
  return {
    lastModifiedDateTime: localFilterValue('lastModifiedDateTime', filter.modifiedSince),
    lastModifiedDateTimeCondition: filter.modifiedCondition ?? '>=',
  };
}

/** The `createdDateTime` + condition query pair (empty when not filtering). */
export function createdQuery(filter: CreatedFilter | undefined): Record<string, string | undefined> {
  if (!filter?.createdSince) return {};
  return {
    createdDateTime: localFilterValue('createdDateTime', filter.createdSince),
    createdDateTimeCondition: filter.createdCondition ?? '>=',
  };
}

/** GETs one record; a 404 becomes null. */
export async function getOrNull<T>(
  deps: EndpointDeps,
  call: Omit<VismaCall, 'method'>,
  schema: z.ZodType<T>,
): Promise<{ value: T; headers: Record<string, string> } | null> {
  try {
    const reply = await deps.transport.send({ ...call, method: 'GET' });
    return { value: parseReply(schema, reply.data, call.endpoint), headers: reply.headers };
  } catch (error) {
    if (error instanceof VismaError && error.code === 'not_found') return null;
    throw error;
  }
}

/** GETs an unpaged list. */
export async function getList<T>(
  deps: EndpointDeps,
  call: Omit<VismaCall, 'method'>,
  item: z.ZodType<T>,
): Promise<T[]> {
  const reply = await deps.transport.send({ ...call, method: 'GET' });
  return parseReply(item.array(), reply.data ?? [], call.endpoint);
}

/** A path segment, URL-encoded. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
