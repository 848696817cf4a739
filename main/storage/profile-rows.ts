import type { Ledger } from './types';

/** The ledger tables that hold rows per profile (those with a `profile_id` column), read from the schema itself. */
function profileTables(db: Ledger): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables.filter((table) =>
    (db.pragma(`table_info(${JSON.stringify(table)})`) as { name: string }[]).some(
      (c) => c.name === 'profile_id',
    ),
  );
}

/**
 * Deletes every row one profile has in the ledger except the tables named in `keep`, in one transaction. Used only
 * when the companies the rows describe are gone for good (a demo's simulators ended with the app), never for a real
 * company.
 */
export function forgetProfileRows(db: Ledger, profileId: string, keep: readonly string[] = []): number {
  const tables = profileTables(db).filter((t) => !keep.includes(t));
  return db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    let deleted = 0;
    for (const table of tables)
      deleted += db
        .prepare(`DELETE FROM ${JSON.stringify(table)} WHERE profile_id = ?`)
        .run(profileId).changes;
    return deleted;
  })();
}
