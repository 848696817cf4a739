import type { z } from 'zod';
import { StBadResponseError, StFeedLoopError } from './errors';
import { ExportEnvelope, PaginatedEnvelope } from './schemas/common';
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

/** A record ServiceTitan sent that does not fit our schema: reported instead of stopping the records around it. */
export interface StRejectedRecord {
  /** The record's `id` when it has one. */
  id: string | null;
  /** What it is: `invoices`, `invoice-items`, `ap-bills`, `inventory-bills`, … */
  resource: string;
  /** What is wrong with it, in plain words. */
  problems: string;
}

/**
 * How a list treats records that do not fit the schema. With `onRejected`, each one is reported there and the others
 * are yielded. Without it, the first one stops the list with an `StBadResponseError` naming it, so nothing is ever
 * dropped silently (records before it were yielded; an export page with one is not yielded at all).
 */
export interface RecordOptions {
  onRejected?: (rejected: StRejectedRecord) => void;
}

/** The resource name a rejected record is reported under. */
type Resource = { resource: string };

function idOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'number' || (typeof id === 'string' && id !== '') ? String(id) : null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'record'}: ${i.message}`)
    .join('; ');
}

/** Reads records one by one: those that fit are returned, the others reported (or thrown, without a callback). */
function readRecords<T extends z.ZodType>(
  raw: readonly unknown[],
  item: T,
  req: StRequest,
  options: RecordOptions & Resource,
): z.infer<T>[] {
  const out: z.infer<T>[] = [];
  for (const record of raw) {
    const parsed = item.safeParse(record);
    if (parsed.success) {
      out.push(parsed.data);
      continue;
    }
    const rejected = { id: idOf(record), resource: options.resource, problems: describeIssues(parsed.error) };
    if (!options.onRejected)
      throw new StBadResponseError(req.endpoint, [
        `${rejected.resource} record ${rejected.id ?? 'without an id'}: ${rejected.problems}`,
      ]);
    options.onRejected(rejected);
  }
  return out;
}

/** Streams every record of a `page`/`pageSize`/`hasMore` list, one page in memory at a time. */
export async function* paginate<T extends z.ZodType>(
  transport: StTransport,
  req: StRequest,
  item: T,
  pageSize = MAX_PAGE_SIZE,
  options: RecordOptions & Partial<Resource> = {},
): AsyncGenerator<z.infer<T>> {
  const records = { ...options, resource: options.resource ?? req.endpoint };
  for (let page = 1; ; page++) {
    const answer = await transport.send(
      { ...req, query: { ...req.query, page, pageSize } },
      PaginatedEnvelope,
    );
    // Records are read one by one, so one that does not fit never stops those before it.
    for (const record of answer.data) yield* readRecords([record], item, req, records);
    if (!answer.hasMore || answer.data.length === 0) return;
  }
}

/**
 * Streams an export feed page by page from `from` (a date or a saved `continueFrom`), until a page says
 * `hasMore: false` or comes back empty. Records already seen in the previous two pages (same id and `modifiedOn`)
 * are dropped, so a feed that repeats records at page boundaries is read once; memory stays bounded by the page size.
 * A continuation token handed back a second time stops the read with `StFeedLoopError` instead of looping.
 */
export async function* exportFeed<T extends z.ZodType>(
  transport: StTransport,
  req: StRequest,
  item: T,
  from?: string,
  options: RecordOptions & Partial<Resource> = {},
  keyOf: (record: unknown) => string = defaultKey,
): AsyncGenerator<ExportPage<z.infer<T>>> {
  const records = { ...options, resource: options.resource ?? req.endpoint };
  const tokens = new Set<string>(from === undefined ? [] : [from]);
  let cursor = from;
  let previous = new Set<string>();
  let current = new Set<string>();
  for (;;) {
    const answer = await transport.send({ ...req, query: { ...req.query, from: cursor } }, ExportEnvelope);
    const last = !answer.hasMore || answer.data.length === 0;
    if (!last && tokens.has(answer.continueFrom))
      throw new StFeedLoopError(req.endpoint, answer.continueFrom);
    const fresh: unknown[] = [];
    const next = new Set<string>();
    for (const record of answer.data) {
      const key = keyOf(record);
      if (previous.has(key) || current.has(key) || next.has(key)) continue;
      next.add(key);
      fresh.push(record);
    }
    previous = current;
    current = next;
    const data = readRecords(fresh, item, req, records);
    yield { data, continueFrom: answer.continueFrom, hasMore: answer.hasMore };
    if (last) return;
    tokens.add(answer.continueFrom);
    cursor = answer.continueFrom;
  }
}

function defaultKey(record: unknown): string {
  const r = record as { id?: unknown; modifiedOn?: unknown } | null;
  return `${String(r?.id)}|${String(r?.modifiedOn)}`;
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
  options: RecordOptions & Partial<Resource> = {},
): AsyncGenerator<z.infer<T>> {
  for (const batch of idBatches(ids)) {
    const batchReq = { ...req, query: { ...req.query, ids: batch } };
    yield* paginate(transport, batchReq, item, MAX_IDS_PER_CALL, options);
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
