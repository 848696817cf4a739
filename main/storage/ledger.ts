import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import type { Ledger } from './types';

export { LedgerMigrationError } from './migrate';

/** The ledger file could not be opened or read at all (not a migration mismatch). */
export class LedgerOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LedgerOpenError';
  }
}

/** How long a writer waits for another connection's lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (or creates) the SQLite ledger: WAL journal, foreign keys on, a busy timeout, then verifies the applied
 * migrations and applies pending ones in one transaction. Throws `LedgerMigrationError` when the database does
 * not match the code's migrations, `LedgerOpenError` when the file is not a usable database. Never leaves a
 * half-migrated file behind.
 */
export function openLedger(file: string, migrations: readonly Migration[] = MIGRATIONS): Ledger {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (err) {
    throw new LedgerOpenError(`The ledger database "${file}" could not be opened: ${describe(err)}`, {
      cause: err,
    });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
  } catch (err) {
    db.close();
    throw new LedgerOpenError(
      `The ledger database "${file}" could not be read (${describe(err)}). It may be damaged or not a ledger file; it was left untouched.`,
      { cause: err },
    );
  }
  try {
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** The ids of the migrations applied to an open ledger, in order. */
export function appliedMigrationIds(db: Ledger): number[] {
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all() as number[]).slice();
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
