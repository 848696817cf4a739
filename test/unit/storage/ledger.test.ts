import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LedgerMigrationError,
  LedgerOpenError,
  appliedMigrationIds,
  openLedger,
} from '../../../main/storage/ledger';
import { MIGRATIONS, type Migration } from '../../../main/storage/migrations';

/** Ids after the real migrations, so these tests keep working as migrations are added. */
const N = MIGRATIONS.length;
const label = (id: number) => String(id).padStart(4, '0');
const extra = (id: number, name: string, sql = `CREATE TABLE t${id} (x INTEGER)`): Migration => ({
  id,
  name,
  up: (db) => db.exec(sql),
});

describe('openLedger', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('brings a fresh database to the latest schema with WAL, foreign keys and a busy timeout', () => {
    const db = openLedger(join(dir, 'ledger.sqlite'));
    expect(appliedMigrationIds(db)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all();
    expect(tables).toEqual(expect.arrayContaining(['app_meta', 'audit_log', 'schema_migrations']));
    db.close();
  });

  it('reopens an up-to-date database without applying anything again', () => {
    const file = join(dir, 'ledger.sqlite');
    openLedger(file).close();
    const db = openLedger(file);
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it('applies only the pending migrations of a newer build', () => {
    const file = join(dir, 'ledger.sqlite');
    openLedger(file).close();
    const db = openLedger(file, [...MIGRATIONS, extra(N + 1, 'second')]);
    expect(appliedMigrationIds(db)).toEqual([...MIGRATIONS.map((m) => m.id), N + 1]);
    db.close();
  });

  it('refuses a database written by a newer version, naming the unknown migration', () => {
    const file = join(dir, 'ledger.sqlite');
    openLedger(file, [...MIGRATIONS, extra(N + 1, 'outbox')]).close();
    const attempt = () => openLedger(file);
    expect(attempt).toThrow(LedgerMigrationError);
    expect(attempt).toThrow(new RegExp(`newer version.*${label(N + 1)} "outbox"`));
    try {
      attempt();
    } catch (err) {
      expect(err).toMatchObject({ reason: 'unknown', migrationId: N + 1, migrationName: 'outbox' });
    }
  });

  it('refuses a database that skipped a migration, naming the missing one, and leaves it untouched', () => {
    const file = join(dir, 'ledger.sqlite');
    const code = [...MIGRATIONS, extra(N + 1, 'second'), extra(N + 2, 'third')];
    openLedger(file, code).close();
    const raw = new Database(file);
    raw.prepare('DELETE FROM schema_migrations WHERE id = ?').run(N + 1);
    raw.close();
    expect(() => openLedger(file, code)).toThrow(new RegExp(`missing migration ${label(N + 1)} "second"`));
    const after = new Database(file);
    const ids = after.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all();
    expect(ids).toEqual([...MIGRATIONS.map((m) => m.id), N + 2]);
    after.close();
  });

  it('refuses a database whose migration has another name at the same id', () => {
    const file = join(dir, 'ledger.sqlite');
    openLedger(file, [...MIGRATIONS, extra(N + 1, 'left')]).close();
    expect(() => openLedger(file, [...MIGRATIONS, extra(N + 1, 'right')])).toThrow(
      new RegExp(`${label(N + 1)} "left".*${label(N + 1)} "right"`),
    );
  });

  it('rolls back every pending migration when one fails: no partial state', () => {
    const file = join(dir, 'ledger.sqlite');
    const broken = [...MIGRATIONS, extra(N + 1, 'good'), extra(N + 2, 'bad', 'CREATE TABLE oops (')];
    expect(() => openLedger(file, broken)).toThrow(new RegExp(`migration ${label(N + 2)} "bad"`));
    const raw = new Database(file);
    expect(
      raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'app_meta'").get(),
    ).toBeUndefined();
    expect(
      raw.prepare("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'").get(),
    ).toBeUndefined();
    raw.close();
  });

  it('rejects a malformed migration list (a programming error)', () => {
    expect(() => openLedger(':memory:', [extra(2, 'two')])).toThrow(/out of order/);
    expect(() => openLedger(':memory:', [extra(1, 'Bad Name')])).toThrow(/invalid name/);
  });

  it('gives a clear error for a file that is not a database', () => {
    const file = join(dir, 'ledger.sqlite');
    writeFileSync(
      file,
      'this is not sqlite, just some text that is long enough to look like a header '.repeat(20),
    );
    const before = readFileSync(file);
    expect(() => openLedger(file)).toThrow(LedgerOpenError);
    expect(() => openLedger(file)).toThrow(
      /is damaged \(file is not a database\).*nothing was written to it/,
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('works in memory for tests', () => {
    const db = openLedger(':memory:');
    expect(appliedMigrationIds(db)).toEqual(MIGRATIONS.map((m) => m.id));
    db.close();
  });
});
