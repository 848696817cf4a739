import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../main/storage/migrations';

const dir = join(import.meta.dirname, '../../../main/storage/migrations');
const committed = JSON.parse(readFileSync(join(dir, 'checksums.json'), 'utf8')) as Record<string, string>;

const fileOf = (id: number, name: string) => `${String(id).padStart(4, '0')}-${name}.ts`;
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex');

describe('migrations are numbered and immutable', () => {
  it('lists every migration file, in order, each named <nnnn>-<name>.ts', () => {
    const files = readdirSync(dir)
      .filter((f) => /^\d{4}-.+\.ts$/.test(f))
      .sort();
    expect(MIGRATIONS.map((m) => fileOf(m.id, m.name))).toEqual(files);
    MIGRATIONS.forEach((m, i) => expect(m.id).toBe(i + 1));
  });

  it('has no checksum entry for a migration that does not exist', () => {
    const files = MIGRATIONS.map((m) => fileOf(m.id, m.name));
    expect(Object.keys(committed).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(MIGRATIONS.map((m) => fileOf(m.id, m.name)))('%s matches its committed checksum', (file) => {
    const actual = sha256(file);
    const expected = committed[file];
    const hint =
      expected === undefined
        ? `${file} has no committed checksum: once it is final, add "${file}": "${actual}" to checksums.json`
        : `${file} was edited after release (sha256 now ${actual}); released migrations never change, add a new one`;
    expect(actual, hint).toBe(expected);
  });
});
