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

/** Incremental-read filter: records modified since (`>=`, or `>`) a Visma timestamp `yyyy-MM-ddTHH:mm:ss[.fff]`. */
export interface ModifiedFilter {
  modifiedSince?: string;
  modifiedCondition?: '>' | '>=';
}

/** The `lastModifiedDateTime` + condition query pair for a filter (empty when not filtering). */
export function modifiedQuery(filter: ModifiedFilter | undefined): Record<string, string | undefined> {
  if (!filter?.modifiedSince) return {};
  return {
    lastModifiedDateTime: filter.modifiedSince,
    lastModifiedDateTimeCondition: filter.modifiedCondition ?? '>=',
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
