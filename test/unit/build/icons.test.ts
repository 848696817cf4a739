import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'icons-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });
const PNG_SIGNATURE = '89504e470d0a1a0a';

describe('app icons', () => {
  it('assets/icon.png is a 512×512 PNG', () => {
    const png = readFileSync(join(root, 'assets/icon.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 512, height: 512 });
  });

  it('assets/icon.ico holds PNG images at 16, 32, 48 and 256', () => {
    const ico = readFileSync(join(root, 'assets/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + i * 16;
      const image = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      expect(image.subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
      const { width, height } = pngSize(image);
      expect(width).toBe(height);
      expect(ico.readUInt8(entry) || 256).toBe(width);
      return width;
    });
    expect(sizes).toEqual([16, 32, 48, 256]);
  });

  it('the committed icons are exactly what scripts/make-icons.mjs draws', () => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/make-icons.mjs'), scratch], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    for (const name of ['icon.png', 'icon.ico']) {
      expect(readFileSync(join(scratch, name)).equals(readFileSync(join(root, 'assets', name))), name).toBe(
        true,
      );
    }
  });
});
