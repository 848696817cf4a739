import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A static file ready to send. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads `urlPath` below `root`, refusing anything that escapes it (`..`, encoded slashes, absolute paths).
 * `/` maps to `index.html`. Returns undefined when there is no such file.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const relative = normalize(decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, ''));
  const full = resolve(join(base, relative));
  if (full !== base && !full.startsWith(base + sep)) return undefined;
  try {
    if (!(await stat(full)).isFile()) return undefined;
    return {
      body: await readFile(full),
      contentType: contentTypes[extname(full)] ?? 'application/octet-stream',
    };
  } catch {
    return undefined;
  }
}
