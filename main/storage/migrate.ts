import type Database from 'better-sqlite3';
import type { Migration } from './migrations';

/** Why a ledger refused to open: its applied migrations do not match the code's list. */
export class LedgerMigrationError extends Error {
  constructor(
    readonly reason: 'unknown' | 'missing' | 'renamed' | 'failed',
    readonly migrationId: number,
    readonly migrationName: string,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerMigrationError';
  }
}

interface AppliedRow {
  id: number;
  name: string;
}

/** `0003 "add-outbox"`: how a migration is named in messages. */
export function migrationLabel(id: number, name: string): string {
  return `${String(id).padStart(4, '0')} "${name}"`;
}

/** Throws if the code's own list is malformed (ids must be 1, 2, 3… with unique names) — a programming error. */
export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, index) => {
    if (m.id !== index + 1) {
      throw new Error(`Migration list is out of order: position ${index + 1} holds id ${m.id}.`);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.name))
      throw new Error(`Migration ${m.id} has an invalid name "${m.name}".`);
  });
}

function ensureMigrationTable(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id         INTEGER PRIMARY KEY NOT NULL,
    name       TEXT    NOT NULL,
    applied_at TEXT    NOT NULL
  )`);
}

/**
 * Compares what the database has applied with the code's list and returns the migrations still to apply.
 * Fails closed: an applied migration the code does not know, one whose name differs, or a gap before a later
 * applied migration raises `LedgerMigrationError` naming it.
 */
export function pendingMigrations(db: Database.Database, migrations: readonly Migration[]): Migration[] {
  const applied = db.prepare('SELECT id, name FROM schema_migrations ORDER BY id').all() as AppliedRow[];
  const known = new Map(migrations.map((m) => [m.id, m]));
  for (const row of applied) {
    const code = known.get(row.id);
    if (!code) {
      throw new LedgerMigrationError(
        'unknown',
        row.id,
        row.name,
        `The ledger database was written by a newer version of this app: it has migration ${migrationLabel(row.id, row.name)}, which this version does not know. Install the newer version again, or restore a backup made with this version.`,
      );
    }
    if (code.name !== row.name) {
      throw new LedgerMigrationError(
        'renamed',
        row.id,
        row.name,
        `The ledger database has migration ${migrationLabel(row.id, row.name)} where this version expects ${migrationLabel(code.id, code.name)}. It was written by a different build of the app and is left untouched.`,
      );
    }
  }
  const appliedIds = new Set(applied.map((r) => r.id));
  const highestApplied = applied.at(-1)?.id ?? 0;
  const gap = migrations.find((m) => m.id < highestApplied && !appliedIds.has(m.id));
  if (gap) {
    throw new LedgerMigrationError(
      'missing',
      gap.id,
      gap.name,
      `The ledger database is missing migration ${migrationLabel(gap.id, gap.name)} although later ones are applied. It is left untouched; restore a backup or contact support.`,
    );
  }
  return migrations.filter((m) => m.id > highestApplied);
}

/** Verifies the database against `migrations` and applies the pending ones in a single transaction. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  now = () => new Date(),
): number[] {
  assertMigrationList(migrations);
  const run = db.transaction(() => {
    ensureMigrationTable(db);
    const pending = pendingMigrations(db, migrations);
    const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
    for (const m of pending) {
      try {
        m.up(db);
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err);
        throw new LedgerMigrationError(
          'failed',
          m.id,
          m.name,
          `Updating the ledger database failed at migration ${migrationLabel(m.id, m.name)} (${why}). Nothing was changed.`,
        );
      }
      record.run(m.id, m.name, now().toISOString());
    }
    return pending.map((m) => m.id);
  });
  // IMMEDIATE: take the write lock before reading, so two processes opening at once cannot both migrate.
  return run.immediate();
}
