import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostAllowed, hostCsp, newToken, originAllowed, tokenMatches } from '../../../main/host/security';
import { readStaticFile } from '../../../main/host/static-files';

describe('host security helpers', () => {
  it('makes unguessable tokens and compares them exactly', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newToken()).not.toBe(a);
    expect(tokenMatches(a, a)).toBe(true);
    expect(tokenMatches(a, a.slice(1))).toBe(false);
    expect(tokenMatches(a, undefined)).toBe(false);
  });
  it('allows only our own Origin (or none, for non-browser clients)', () => {
    expect(originAllowed('http://127.0.0.1:5', 'http://127.0.0.1:5')).toBe(true);
    expect(originAllowed('http://127.0.0.1:5', undefined)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5', 'http://127.0.0.1:6')).toBe(false);
  });
  it('builds a CSP without inline scripts that allows only our WebSocket', () => {
    const csp = hostCsp('http://127.0.0.1:4000');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4000");
  });
  it("allows no inline style but Griffel's empty style elements (the hash of the empty string)", () => {
    const csp = hostCsp('http://127.0.0.1:4000');
    expect(csp).not.toContain('unsafe-inline');
    const emptyHash = createHash('sha256').update('').digest('base64');
    expect(csp).toContain(`style-src 'self' 'sha256-${emptyHash}'`);
  });
});

describe('static files', () => {
  const root = mkdtempSync(join(tmpdir(), 'static-'));
  writeFileSync(join(root, 'index.html'), '<html>');
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'a.js'), 'x');
  writeFileSync(join(tmpdir(), 'outside-secret.txt'), 'nope');

  it('serves files below the root with a content type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toMatch(/text\/html/);
    expect((await readStaticFile(root, '/assets/a.js'))?.contentType).toMatch(/javascript/);
  });
  it('never serves anything outside the root', async () => {
    for (const path of [
      '/../outside-secret.txt',
      '/..%2foutside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/assets/../../x',
      '/%00',
    ]) {
      expect(await readStaticFile(root, path)).toBeUndefined();
    }
  });
});

describe('host header check', () => {
  it('accepts only 127.0.0.1 or localhost with our port', () => {
    expect(hostAllowed(4000, '127.0.0.1:4000')).toBe(true);
    expect(hostAllowed(4000, 'LOCALHOST:4000')).toBe(true);
    expect(hostAllowed(4000, '127.0.0.1:4001')).toBe(false);
    expect(hostAllowed(4000, '127.0.0.1')).toBe(false);
    expect(hostAllowed(4000, 'evil.example:4000')).toBe(false);
    expect(hostAllowed(4000, '127.0.0.1:4000.evil.example')).toBe(false);
    expect(hostAllowed(4000, undefined)).toBe(false);
  });
});
