import type { MatchedOperation, OpenApiValidator } from '../common/openapi-validator';

/** A query string bound the way ASP.NET binds it, and what did not bind. */
export interface BoundQuery {
  /** The query with names in the description's spelling; unknown names dropped (the API ignores them). */
  query: URLSearchParams;
  unknown: string[];
}

/**
 * Binds query names to the operation's declared parameters case-insensitively (`PageSize` → `pageSize`, as ASP.NET
 * model binding does; ON-IT's client relies on it). A name the description does not declare is ignored by the real
 * API, so it is dropped here and reported: a misspelt filter must not pass silently.
 */
export function bindQuery(
  validator: OpenApiValidator,
  op: MatchedOperation,
  query: URLSearchParams,
): BoundQuery {
  const declared = new Map(validator.queryParameterNames(op).map((n) => [n.toLowerCase(), n]));
  const bound = new URLSearchParams();
  const unknown: string[] = [];
  for (const [name, value] of query) {
    const canonical = declared.get(name.toLowerCase());
    if (canonical === undefined) unknown.push(name);
    else bound.append(canonical, value);
  }
  return { query: bound, unknown: [...new Set(unknown)] };
}

const OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_KEY = /(^date$|Date$|DateTime$)/;

/**
 * Problems with a request that the API would answer anyway, but wrongly for us: unknown query names, a paged list
 * without `pageNumber`/`pageSize` (Visma then serves one default page), and date-times sent with an offset (Visma
 * reads date-times as company-local; an offset shifts the date — omniboost/go-visma.net 862c880).
 */
export function requestProblems(
  validator: OpenApiValidator,
  op: MatchedOperation,
  bound: BoundQuery,
  body: unknown,
  defaultPageSize: number,
): string[] {
  const problems = bound.unknown.map(
    (name) =>
      `query parameter '${name}' is not declared for ${op.operationId}; Visma ignores it, so it filters nothing`,
  );
  const names = validator.queryParameterNames(op);
  if (
    names.includes('pageSize') &&
    names.includes('pageNumber') &&
    (!bound.query.has('pageSize') || !bound.query.has('pageNumber'))
  )
    problems.push(
      `list call without pageNumber and pageSize: Visma answers with one default page (${defaultPageSize} items), not the whole list`,
    );
  for (const [name, value] of bound.query)
    if (DATE_KEY.test(name) && OFFSET.test(value))
      problems.push(
        `query parameter '${name}' carries a time zone offset (${value}); send company-local time`,
      );
  for (const path of offsetDates(body, 'request body'))
    problems.push(`${path} carries a time zone offset; send a local date-time without offset`);
  return problems;
}

function offsetDates(node: unknown, at: string): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => offsetDates(n, `${at}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const inner = (value as { value?: unknown } | null)?.value;
    const text = typeof value === 'string' ? value : typeof inner === 'string' ? inner : undefined;
    if (DATE_KEY.test(key) && text !== undefined && OFFSET.test(text)) return [`${at}.${key}`];
    return offsetDates(value, `${at}.${key}`);
  });
}

const EMPTY_DATE_KEY = /(^date$|Date$|DateTime$|Utc$)/i;

/** Date and date-time fields of an answer that hold `""` (a client parsing dates crashes or reads year 1 on them). */
export function emptyDateFields(node: unknown, at = 'response'): string[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => emptyDateFields(n, `${at}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([key, value]) =>
    EMPTY_DATE_KEY.test(key) && value === ''
      ? [`${at}.${key} is "" (a date field must hold a date or be left out)`]
      : emptyDateFields(value, `${at}.${key}`),
  );
}
