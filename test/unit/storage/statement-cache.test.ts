import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachePreparedStatements } from '../../../main/storage/statement-cache';
import { openLedger } from '../../../main/storage/ledger';

function memoryDb(size?: number) {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  db.prepare('INSERT INTO t (name) VALUES (?), (?)').run('a', 'b');
  cachePreparedStatements(db, size);
  return db;
}

describe('cachePreparedStatements', () => {
  it('hands back the same statement for the same SQL text', () => {
    const db = memoryDb();
    const sql = 'SELECT name FROM t WHERE id = ?';
    expect(db.prepare(sql)).toBe(db.prepare(sql));
    expect(db.prepare(sql).get(2)).toEqual({ name: 'b' });
  });

  it("does not let one caller's pluck() change another caller's rows", () => {
    const db = memoryDb();
    const sql = 'SELECT name FROM t ORDER BY id';
    expect(db.prepare(sql).pluck().all()).toEqual(['a', 'b']);
    expect(db.prepare(sql).all()).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const db = memoryDb(2);
    const first = db.prepare('SELECT 1');
    const second = db.prepare('SELECT 2');
    expect(db.prepare('SELECT 1')).toBe(first);
    db.prepare('SELECT 3');
    expect(db.prepare('SELECT 1')).toBe(first);
    expect(db.prepare('SELECT 2')).not.toBe(second);
  });

  it('is on for every ledger the product opens', () => {
    const db = openLedger(':memory:');
    expect(db.prepare('SELECT 1 AS one')).toBe(db.prepare('SELECT 1 AS one'));
    db.close();
  });
});
