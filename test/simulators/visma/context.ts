import type { SimRequest, SimResponse } from '../common/http';
import type { CompanyState } from './model';
import type { ReleasePolicy } from './release-policy';
import { vismaError } from './errors';

/**
 * What a handler gets: the caller's company (already authorised), the parsed request (query names already bound to
 * the description's spelling, unknown ones dropped) and the path parameters.
 */
export interface HandlerContext {
  company: CompanyState;
  req: SimRequest;
  params: Record<string, string>;
  /** Base URL for `Location` headers. */
  baseUrl: string;
  maxPageSize: number;
  /** The page size served when a list call sends no `pageSize`. */
  defaultPageSize: number;
  release: ReleasePolicy;
}

/** A handler for one operationId of the official description. */
export type Handler = (ctx: HandlerContext) => SimResponse;

/** Handlers keyed by operationId. */
export type HandlerTable = Record<string, Handler>;

/**
 * The page of `items` asked for with `pageNumber`/`pageSize`, each item carrying `metadata`. A `pageSize` above the
 * max is capped silently; without one, one default page is served (not everything).
 */
export function paged(ctx: HandlerContext, items: Record<string, unknown>[]): SimResponse {
  const q = ctx.req.url.searchParams;
  const max = ctx.maxPageSize;
  const size = Math.min(positive(q.get('pageSize')) ?? ctx.defaultPageSize, max);
  const page = positive(q.get('pageNumber')) ?? 1;
  const slice = items.slice((page - 1) * size, page * size);
  return {
    status: 200,
    body: slice.map((item) => ({ ...item, metadata: { totalCount: items.length, maxPageSize: max } })),
  };
}

function positive(v: string | null): number | undefined {
  const n = v === null ? NaN : Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Normalises Visma's accepted timestamp formats to `yyyy-MM-ddTHH:mm:ss.fff` for comparison. */
export function normaliseTimestamp(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}:\d{2})(\.\d{1,7})?)?/.exec(value.trim());
  if (!m) throw vismaError(`'${value}' is not a valid date. Use yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss.`);
  const ms = (m[3] ?? '.000').slice(1).padEnd(3, '0').slice(0, 3);
  return `${m[1]}T${m[2] ?? '00:00:00'}.${ms}`;
}

/**
 * A predicate for a `<name>` + `<name>Condition` query pair (`>`, `<`, `>=`, `<=`); always true when absent.
 * The two are "mutually inclusive": one without the other is refused.
 */
export function dateFilter(ctx: HandlerContext, name: string): (value: string | undefined) => boolean {
  const q = ctx.req.url.searchParams;
  const raw = q.get(name);
  const condition = q.get(`${name}Condition`);
  if (raw === null && condition === null) return () => true;
  if (raw === null || condition === null)
    throw vismaError(`${name} and ${name}Condition must be used together.`);
  if (!['>', '<', '>=', '<='].includes(condition))
    throw vismaError(`'${condition}' is not a valid ${name}Condition. Use >, <, >= or <=.`);
  const bound = normaliseTimestamp(raw);
  return (value) => {
    if (value === undefined) return false;
    const v = normaliseTimestamp(value);
    if (condition === '>') return v > bound;
    if (condition === '<') return v < bound;
    if (condition === '>=') return v >= bound;
    return v <= bound;
  };
}

/** A 201 with the new key in `Location` (last path segment), as Visma answers a create. */
export function created(
  ctx: HandlerContext,
  path: string,
  key: string,
  extraHeaders: Record<string, string> = {},
): SimResponse {
  return {
    status: 201,
    headers: { location: `${ctx.baseUrl}${path}/${encodeURIComponent(key)}`, ...extraHeaders },
    body: {},
  };
}
