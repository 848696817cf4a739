// Draws the app icon (two overlapping rounded squares: ServiceTitan-ish blue and Visma-ish green) and writes
// assets/icon.png (512×512) and assets/icon.ico (PNG images at 16, 32, 48 and 256). Deterministic: same bytes
// every run. Usage: node scripts/make-icons.mjs [outDir]
import { Buffer } from 'node:buffer';
import console from 'node:console';
import process from 'node:process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const BLUE = [11, 99, 229];
const GREEN = [41, 163, 106];
const SUPERSAMPLE = 4;

/** Signed distance from (x, y) to a rounded square; negative inside. All values are fractions of the icon size. */
function roundedSquare(x, y, left, top, size, radius) {
  const half = size / 2;
  const dx = Math.abs(x - (left + half)) - (half - radius);
  const dy = Math.abs(y - (top + half)) - (half - radius);
  const outside = Math.hypot(Math.max(dx, 0), Math.max(dy, 0));
  return outside + Math.min(Math.max(dx, dy), 0) - radius;
}

/** Straight-alpha RGBA pixels of the icon at `size`×`size`. */
export function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          // Paint back to front: the blue square, then the green one, see-through (80%) only where it overlaps the blue.
          let cr = 0,
            cg = 0,
            cb = 0,
            ca = 0;
          if (roundedSquare(x, y, 0.06, 0.06, 0.6, 0.12) <= 0) [cr, cg, cb, ca] = [...BLUE, 1];
          if (roundedSquare(x, y, 0.34, 0.34, 0.6, 0.12) <= 0) {
            const o = ca ? 0.8 : 1;
            [cr, cg, cb, ca] = [
              GREEN[0] * o + cr * (1 - o),
              GREEN[1] * o + cg * (1 - o),
              GREEN[2] * o + cb * (1 - o),
              o + ca * (1 - o),
            ];
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const n = SUPERSAMPLE * SUPERSAMPLE;
      const i = (py * size + px) * 4;
      const alpha = a / n;
      pixels[i] = alpha ? Math.round(r / n / alpha) : 0;
      pixels[i + 1] = alpha ? Math.round(g / n / alpha) : 0;
      pixels[i + 2] = alpha ? Math.round(b / n / alpha) : 0;
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels as a PNG (8-bit, colour type 6, no filtering). */
export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Packs PNG images into an ICO file (Windows Vista+ reads PNG entries). */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

const outDir = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'icon.png'), encodePng(512, drawIcon(512)));
const icoSizes = [16, 32, 48, 256];
writeFileSync(
  join(outDir, 'icon.ico'),
  encodeIco(icoSizes.map((size) => ({ size, png: encodePng(size, drawIcon(size)) }))),
);
console.log(`wrote ${join(outDir, 'icon.png')} and ${join(outDir, 'icon.ico')}`);
