import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { electronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { CONTENT_SECURITY_POLICY } = await import('../../../main/app/window');
const { createAppProtocolHandler, registerAppScheme } = await import('../../../main/app/protocol');

describe('app:// protocol', () => {
  const root = mkdtempSync(join(tmpdir(), 'renderer-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'outside the renderer');
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const serve = createAppProtocolHandler(rendererDir);
  const get = (url: string) => serve(new Request(url));

  it('registers app:// as a standard, secure scheme', () => {
    registerAppScheme();
    expect(electronMock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves renderer files with the CSP and a content type', async () => {
    const response = await get('app://renderer/assets/index.js');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers client-side routes with index.html', async () => {
    const response = await get('app://renderer/review/queue');
    expect(await response.text()).toContain('<title>app</title>');
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/..%2fsecret.txt',
    'app://renderer/assets/..%5c..%5csecret.txt',
    'app://renderer/missing.js',
    'app://elsewhere/index.html',
  ])('refuses %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer');
  });
});
