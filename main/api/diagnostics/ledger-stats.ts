import type { Ledger } from '../../storage/types';

/** Row counts per profile (and per state where a table has one), or the reason a table could not be read. */
export type TableStats = { rows: Record<string, Record<string, number>> } | { error: string };

/** Counts of the ledger's main tables, by profile and state; what support needs to see the shape of a ledger. */
export interface LedgerStats {
  schemaVersions: number[] | { error: string };
  sizeBytes: number | null;
  tables: Record<string, TableStats>;
}

/** Each table with the column it is split by (besides the profile). */
const TABLES: readonly { table: string; by: string | null }[] = [
  { table: 'outbox', by: 'state' },
  { table: 'source_documents', by: 'kind' },
  { table: 'sync_runs', by: 'status' },
  { table: 'mapping_rules', by: 'table_name' },
  { table: 'links', by: 'kind' },
  { table: 'master_data', by: "side || ':' || kind" },
  { table: 'md_conflicts', by: 'status' },
  { table: 'md_suggestions', by: 'status' },
  { table: 'webhook_events', by: null },
  { table: 'audit_log', by: 'outcome' },
];

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function tableStats(db: Ledger, table: string, by: string | null): TableStats {
  try {
    // Names come from the fixed list above, never from input.
    const split = by ?? "'all'";
    const rows = db
      .prepare(
        `SELECT COALESCE(profile_id, '(none)') AS profile, ${split} AS bucket, COUNT(*) AS n FROM ${table} GROUP BY 1, 2`,
      )
      .all() as { profile: string; bucket: string | null; n: number }[];
    const out: Record<string, Record<string, number>> = {};
    for (const r of rows) (out[r.profile] ??= {})[r.bucket ?? '(none)'] = r.n;
    return { rows: out };
  } catch (err) {
    return { error: describe(err) };
  }
}

/** Reads the statistics; a table that cannot be read is reported as such and the others are still counted. */
export function ledgerStats(db: Ledger): LedgerStats {
  let schemaVersions: LedgerStats['schemaVersions'];
  try {
    schemaVersions = db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all() as number[];
  } catch (err) {
    schemaVersions = { error: describe(err) };
  }
  let sizeBytes: number | null;
  try {
    const pages = db.pragma('page_count', { simple: true }) as number;
    const size = db.pragma('page_size', { simple: true }) as number;
    sizeBytes = pages * size;
  } catch {
    sizeBytes = null;
  }
  const tables: Record<string, TableStats> = {};
  for (const { table, by } of TABLES) tables[table] = tableStats(db, table, by);
  return { schemaVersions, sizeBytes, tables };
}
