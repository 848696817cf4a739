import type { Rec } from './data/types';

/** A request-level problem the simulator answers with 400 (the spec's `ApiErrorResponse`). */
export class BadRequest extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** A query filter: the parameter it reads and the test it applies. */
export type Filter = (query: URLSearchParams) => ((r: Rec) => boolean) | undefined;

function time(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : NaN;
}

function list(query: URLSearchParams, name: string): string[] | undefined {
  const all = query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  return all.length ? all : undefined;
}

/** `ids`: comma list (or repeated), at most 50. */
export const byIds: Filter = (q) => {
  const ids = list(q, 'ids');
  if (!ids) return undefined;
  if (ids.length > 50) throw new BadRequest('ids', 'The ids filter accepts at most 50 ids.');
  const set = new Set(ids.map(Number));
  return (r) => set.has(r.id);
};

/** A date range parameter compared with a record field (`after` = on or after, else before). */
export function dateParam(param: string, field: string, after: boolean): Filter {
  return (q) => {
    const raw = q.get(param);
    if (raw == null) return undefined;
    const limit = Date.parse(raw);
    if (Number.isNaN(limit)) throw new BadRequest(param, `'${raw}' is not a date.`);
    return after ? (r) => time(r[field]) >= limit : (r) => time(r[field]) < limit;
  };
}

/** `modifiedOnOrAfter`, `modifiedBefore`, `createdOnOrAfter`, `createdBefore`. */
export const modifiedCreated: Filter[] = [
  dateParam('modifiedOnOrAfter', 'modifiedOn', true),
  dateParam('modifiedBefore', 'modifiedOn', false),
  dateParam('createdOnOrAfter', 'createdOn', true),
  dateParam('createdBefore', 'createdOn', false),
];

/** `active=True|False|Any`, only active records by default (as ServiceTitan does). */
export const byActive: Filter = (q) => {
  const v = q.get('active') ?? 'True';
  if (v === 'Any') return undefined;
  return (r) => r.active === (v === 'True');
};

/** A parameter whose values (comma list or repeated) must contain the record field. */
export function oneOf(param: string, field: string, defaultValue?: string): Filter {
  return (q) => {
    const values = list(q, param) ?? (defaultValue ? [defaultValue] : undefined);
    if (!values) return undefined;
    const set = new Set(values);
    return (r) => set.has(String(r[field]));
  };
}

/** A numeric id parameter equal to a (possibly nested `{id}`) record field. */
export function idParam(param: string, read: (r: Rec) => unknown): Filter {
  return (q) => {
    const raw = q.get(param);
    if (raw == null) return undefined;
    const id = Number(raw);
    return (r) => Number(read(r)) === id;
  };
}

/** Applies filters, then `page`/`pageSize` (default 50, at most `maxPageSize`). */
export function pageOf(
  records: Iterable<Rec>,
  query: URLSearchParams,
  filters: Filter[],
  maxPageSize = 5000,
) {
  const tests = filters.map((f) => f(query)).filter((t): t is (r: Rec) => boolean => t !== undefined);
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 50);
  if (!Number.isInteger(page) || page < 1) throw new BadRequest('page', 'page starts at 1.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new BadRequest('pageSize', `pageSize must be between 1 and ${maxPageSize}.`);
  }
  const skip = (page - 1) * pageSize;
  const data: Rec[] = [];
  let matched = 0;
  for (const r of records) {
    if (!tests.every((t) => t(r))) continue;
    if (matched >= skip && data.length < pageSize) data.push(r);
    matched++;
  }
  const out: { page: number; pageSize: number; hasMore: boolean; totalCount?: number; data: Rec[] } = {
    page,
    pageSize,
    hasMore: matched > skip + data.length,
    data,
  };
  if (query.get('includeTotal') === 'true') out.totalCount = matched;
  return out;
}
