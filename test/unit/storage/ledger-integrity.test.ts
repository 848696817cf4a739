import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireRun } from '../../../main/engine/run-lock';
import { appendAudit, listAudit } from '../../../main/storage/audit';
import { createBackup, listBackups } from '../../../main/storage/backups';
import { readCheckRecord } from '../../../main/storage/integrity';
import { LedgerDamagedError, openLedger } from '../../../main/storage/ledger';
import { LedgerStore } from '../../../main/storage/ledger-store';
import { maintainLedger } from '../../../main/storage/maintenance';
import { MIGRATIONS } from '../../../main/storage/migrations';
import { LedgerInUseError, latestGoodBackup, restoreLedger } from '../../../main/storage/restore';
import type { Ledger } from '../../../main/storage/types';

const T0 = new Date('2026-03-01T06:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** A ledger with enough rows that its middle pages hold table and index data. */
function fill(db: Ledger, rows: number, label: string): void {
  db.transaction(() => {
    for (let i = 0; i < rows; i++)
      appendAudit(
        db,
        { actor: 'system', action: 'test.row', outcome: 'info', message: `${label} ${i} ${'x'.repeat(120)}` },
        () => T0,
      );
  })();
}

/** Overwrites `length` bytes in the middle of the file with garbage (page aligned, like a torn or bad sector). */
function writeGarbageInTheMiddle(file: string, length = 16_384): void {
  const size = statSync(file).size;
  const offset = Math.floor(size / 2 / 4096) * 4096;
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, offset);
  } finally {
    closeSync(fd);
  }
}

const rowCount = (db: Ledger) => listAudit(db, { action: 'test.row', limit: 1000 }).length;

describe('ledger integrity, backups and restore', { timeout: 60_000 }, () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-integrity-'));
    file = join(dir, 'ledger.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a ledger with garbage in the middle, naming the file and the newest backup; restore brings it back', async () => {
    const db = openLedger(file, undefined, { now: () => T0 });
    fill(db, 800, 'before');
    const { backup } = await createBackup(db, { reason: 'daily', now: at(60) });
    fill(db, 200, 'after');
    db.close();
    writeGarbageInTheMiddle(file);
    const damaged = readFileSync(file);

    let error: unknown;
    try {
      openLedger(file, undefined, { now: () => at(120) });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(LedgerDamagedError);
    const message = (error as Error).message;
    expect(message).toContain(`The ledger database "${file}" is damaged`);
    expect(message).toContain(`The newest backup is "${backup.file}" from 2026-03-01 07:00:00 UTC.`);
    expect(message).toContain(`st-visma ledger restore --latest --data-dir "${dir}"`);
    expect(message).toContain('Settings → Ledger backups');
    expect(readFileSync(file).equals(damaged), 'nothing wrote to the damaged ledger').toBe(true);

    expect(latestGoodBackup(file)?.file).toBe(backup.file);
    const outcome = restoreLedger(file, backup.file, { now: at(130) });
    expect(outcome.setAside).toBe(`${file}.damaged-2026-03-01T08-10-00-000Z`);
    expect(readFileSync(outcome.setAside!).equals(damaged), 'the damaged file is kept, renamed').toBe(true);
    const restored = openLedger(file, undefined, { now: () => at(140) });
    expect(rowCount(restored)).toBe(800);
    expect(listAudit(restored, { action: 'ledger.restored' })[0]?.message).toContain(backup.file);
    restored.close();
    expect(readCheckRecord(file)).toMatchObject({ ok: true, integrityCheckedAt: at(130).toISOString() });
  });

  it('refuses a file that is not a database, and opens a 0-byte file as a new, empty ledger', () => {
    writeFileSync(file, 'not a database at all, '.repeat(100));
    expect(() => openLedger(file)).toThrow(/is damaged \(file is not a database\).*There is no backup in/);
    writeFileSync(file, '');
    const db = openLedger(file);
    expect(db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    db.close();
  });

  it(
    'backs up once a day over a day of runs (injected clock), runs integrity_check daily, keeps the last N',
    { timeout: 60_000 },
    async () => {
      const db = openLedger(file, undefined, { now: () => T0 });
      try {
        // Every hour for 11 days, as a schedule would: a run, then the maintenance every host does after it.
        for (let minute = 0; minute <= 11 * 24 * 60; minute += 60) {
          const run = await acquireRun(db, 'p1', 'schedule', at(minute));
          fill(db, 1, `run ${minute}`);
          run.finish('completed', {}, at(minute));
          await maintainLedger(db, { now: at(minute), keep: 7 });
          if (minute === 24 * 60) {
            // After the first day: the first backup and the one made when the day was over.
            expect(listBackups(file).map((b) => b.createdAt)).toEqual([
              at(24 * 60).toISOString(),
              T0.toISOString(),
            ]);
          }
        }
      } finally {
        db.close();
      }
      const backups = listBackups(file);
      expect(backups).toHaveLength(7);
      expect(backups[0]!.createdAt).toBe(at(11 * 24 * 60).toISOString());
      expect(backups.every((b) => b.reason === 'daily')).toBe(true);
      expect(readCheckRecord(file)?.integrityCheckedAt).toBe(at(11 * 24 * 60).toISOString());
      expect(readdirSync(join(dir, 'backups')).filter((n) => n.startsWith('.'))).toEqual([]);
    },
  );

  it('backs up before applying migrations to an existing ledger', () => {
    openLedger(file, MIGRATIONS.slice(0, 1), { now: () => T0 }).close();
    expect(listBackups(file)).toEqual([]);
    openLedger(file, MIGRATIONS, { now: () => at(1) }).close();
    const [backup] = listBackups(file);
    expect(backup).toMatchObject({ reason: 'pre-migration', createdAt: at(1).toISOString() });
    const before = openLedger(backup!.file, MIGRATIONS.slice(0, 1));
    expect(before.prepare('SELECT id FROM schema_migrations').pluck().all()).toEqual([1]);
    before.close();
  });

  it('refuses to restore while a run is in progress, and while another program has the ledger open', async () => {
    const db = openLedger(file, undefined, { now: () => T0 });
    const { backup } = await createBackup(db, { reason: 'manual', now: T0 });
    const run = await acquireRun(db, 'p1', 'manual', T0, { holder: 'the app' });
    expect(() => restoreLedger(file, backup.file, { now: at(1) })).toThrow(LedgerInUseError);
    expect(() => restoreLedger(file, backup.file, { now: at(1) })).toThrow(
      /A sync of profile "p1" is in progress \(the app \(pid \d+\) since .*\)\. The ledger was not restored/,
    );
    run.finish('completed', {}, T0);
    expect(() => restoreLedger(file, backup.file, { now: at(1) })).toThrow(/is open in another program/);
    db.close();
    expect(restoreLedger(file, backup.file, { now: at(2) }).setAside).toMatch(/replaced-/);
    expect(existsSync(file)).toBe(true);
  });

  it('lets a host start on a damaged ledger, refuses every use with the message, and restores in place', async () => {
    const seed = openLedger(file, undefined, { now: () => T0 });
    fill(seed, 800, 'good');
    const { backup } = await createBackup(seed, { reason: 'daily', now: T0 });
    seed.close();
    writeGarbageInTheMiddle(file);

    const store = new LedgerStore(file, { now: () => at(5) });
    expect(store.open().state).toBe('damaged');
    const ledger = store.ledger; // what every service of the host keeps
    expect(() => ledger.prepare('SELECT 1')).toThrow(/is damaged .* The newest backup is/);
    store.restore(backup.file, { now: at(10) });
    expect(store.state.state).toBe('open');
    expect(rowCount(ledger)).toBe(800);
    ledger.close();
  });

  it('stops using a ledger the daily check finds damaged while a host runs', async () => {
    const store = new LedgerStore(file, { now: () => T0 });
    store.open();
    const ledger = store.ledger;
    fill(ledger, 800, 'good');
    await maintainLedger(ledger, { now: T0 }); // checked and backed up today
    ledger.pragma('wal_checkpoint(TRUNCATE)');
    writeGarbageInTheMiddle(file);
    await expect(maintainLedger(ledger, { now: at(24 * 60) })).rejects.toThrow(LedgerDamagedError);
    expect(store.state.state).toBe('damaged');
    expect(() => appendAudit(ledger, { actor: 'system', action: 'test.row', outcome: 'info' })).toThrow(
      /failed its integrity check and is no longer used/,
    );
    expect(() => openLedger(file)).toThrow(/is damaged/);
    ledger.close();
  });

  it('refuses a damaged backup', async () => {
    const db = openLedger(file, undefined, { now: () => T0 });
    fill(db, 800, 'good');
    const { backup } = await createBackup(db, { reason: 'daily', now: T0 });
    db.close();
    writeGarbageInTheMiddle(backup.file);
    expect(() => restoreLedger(file, backup.file, { now: at(1) })).toThrow(
      /is damaged too.*Nothing was changed/,
    );
    expect(latestGoodBackup(file)).toBeNull();
  });
});
