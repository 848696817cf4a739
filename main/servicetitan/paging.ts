import type { z } from 'zod';
import { exported, paginated } from './schemas/common';
import type { QueryValue, StRequest, StTransport } from './transport';

/** Largest page ServiceTitan serves on list endpoints. */
export const MAX_PAGE_SIZE = 5000;
/** ServiceTitan's cap on the `ids` filter. */
export const MAX_IDS_PER_CALL = 50;

/** One page of an export feed. Store `continueFrom` as the cursor once the page is processed. */
export interface ExportPage<T> {
  data: T[];
  continueFrom: string;
  hasMore: boolean;
}

/** Streams every record of a `page`/`pageSize`/`hasMore` list, one page in memory at a time. */
export async function* paginate<T extends z.ZodType>(
  transport: StTransport,
  req: StRequest,
  item: T,
  pageSize = MAX_PAGE_SIZE,
): AsyncGenerator<z.infer<T>> {
  const schema = paginated(item);
  for (let page = 1; ; page++) {
    const answer = await transport.send({ ...req, query: { ...req.query, page, pageSize } }, schema);
    for (const record of answer.data as z.infer<T>[]) yield record;
    if (!answer.hasMore || answer.data.length === 0) return;
  }
}

/**
 * Streams an export feed page by page from `from` (a date or a saved `continueFrom`).
 * The feed is inclusive at page boundaries, so records already seen in the previous two pages
 * (same id and `modifiedOn`) are dropped; memory stays bounded by the page size.
 */
export async function* exportFeed<T extends z.ZodType>(
  transport: StTransport,
  req: StRequest,
  item: T,
  from?: string,
  keyOf: (record: z.infer<T>) => string = defaultKey,
): AsyncGenerator<ExportPage<z.infer<T>>> {
  const schema = exported(item);
  let cursor = from;
  let previous = new Set<string>();
  let current = new Set<string>();
  for (;;) {
    const answer = await transport.send({ ...req, query: { ...req.query, from: cursor } }, schema);
    const fresh: z.infer<T>[] = [];
    const next = new Set<string>();
    for (const record of answer.data as z.infer<T>[]) {
      const key = keyOf(record);
      if (previous.has(key) || current.has(key) || next.has(key)) continue;
      next.add(key);
      fresh.push(record);
    }
    previous = current;
    current = next;
    yield { data: fresh, continueFrom: answer.continueFrom, hasMore: answer.hasMore };
    if (!answer.hasMore || answer.continueFrom === cursor) return;
    cursor = answer.continueFrom;
  }
}

function defaultKey(record: unknown): string {
  const r = record as { id?: unknown; modifiedOn?: unknown };
  return `${String(r.id)}|${String(r.modifiedOn)}`;
}

/** Splits ids into comma lists of at most 50, the `ids` filter's cap. */
export function idBatches(ids: readonly number[], size = MAX_IDS_PER_CALL): string[] {
  const unique = [...new Set(ids)];
  const out: string[] = [];
  for (let i = 0; i < unique.length; i += size) out.push(unique.slice(i, i + size).join(','));
  return out;
}

/** Streams a list filtered by many ids, one batch of 50 per call. */
export async function* listByIds<T extends z.ZodType>(
  transport: StTransport,
  req: StRequest,
  item: T,
  ids: readonly number[],
): AsyncGenerator<z.infer<T>> {
  for (const batch of idBatches(ids)) {
    yield* paginate(transport, { ...req, query: { ...req.query, ids: batch } }, item, MAX_IDS_PER_CALL);
  }
}

/** Drops undefined filter values and renders dates as ISO strings. */
export function query(filters: Record<string, QueryValue | Date>): Record<string, QueryValue> {
  const out: Record<string, QueryValue> = {};
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}
