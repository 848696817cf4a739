import type Database from 'better-sqlite3';

/** How many distinct SQL texts one connection keeps prepared (dynamic SQL can vary; the oldest is dropped). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * Makes `db.prepare(sql)` hand back the statement it prepared before for the same text. The ledger's modules prepare
 * at the call site (SQL beside the tables it touches); compiling the same text thousands of times per run was a large
 * share of a run's CPU. A cached statement is reset to plain object rows, so a caller's `pluck()` never leaks into
 * another caller's rows.
 */
export function cachePreparedStatements(db: Database.Database, size = STATEMENT_CACHE_SIZE): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    const hit = cache.get(sql);
    if (hit) {
      cache.delete(sql);
      cache.set(sql, hit);
      if (hit.reader) hit.pluck(false).expand(false).raw(false);
      return hit;
    }
    const made = prepare(sql);
    cache.set(sql, made);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return made;
  };
  db.prepare = cached as typeof db.prepare;
}
