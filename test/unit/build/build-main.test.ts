import { builtinModules } from 'node:module';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/contract';

const root = join(import.meta.dirname, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'build-main-'));
const outDir = join(scratch, 'dist', 'main');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const requires = (file: string) =>
  [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)]
    .map((m) => m[1] ?? '')
    .filter((n) => !n.includes('/'));

describe('scripts/build-main.mjs', () => {
  beforeAll(() => {
    const run = spawnSync(process.execPath, [join(root, 'scripts/build-main.mjs'), '--outdir', outDir], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
  }, 60_000);

  it('writes the main, engine, sync worker, preload and CLI bundles', () => {
    for (const file of [
      'app/main.cjs',
      'app/engine.cjs',
      'app/sync-worker.cjs',
      'app/preload.cjs',
      'cli.mjs',
    ])
      expect(existsSync(join(outDir, file)), file).toBe(true);
  });

  it('compiles the crash hook out of every production bundle (grep of dist/main finds no ST_VISMA_CRASH_AT)', async () => {
    const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile())
      .map((f) => join(f.parentPath, f.name));
    expect(files.filter((f) => f.endsWith('.cjs') || f.endsWith('.mjs')).length).toBeGreaterThanOrEqual(4);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes('ST_VISMA_CRASH_AT'))).toEqual([]);
    // The grep can fail: the engine bundled without the build's define still reads the variable.
    const fromSource = await build({
      entryPoints: [join(root, 'main/engine/run-sync.ts')],
      bundle: true,
      platform: 'node',
      write: false,
      minifySyntax: true,
      external: ['better-sqlite3', 'keytar'],
    });
    expect(fromSource.outputFiles[0]?.text).toContain('ST_VISMA_CRASH_AT');
  });

  it('writes the demo simulators as their own bundle, with the specs they validate against', () => {
    expect(existsSync(join(outDir, 'demo/simulators/index.cjs'))).toBe(true);
    for (const spec of [
      'servicetitan/accounting-v2.json',
      'servicetitan-webhooks/tenant-accounting-v2.json',
      'visma/visma-net-erp-v1.json',
    ])
      expect(existsSync(join(outDir, 'demo/specs', spec)), spec).toBe(true);
    expect(readFileSync(join(outDir, 'demo/simulators/index.cjs'), 'utf8')).toContain('StSpecs');
    // Only the demo loads it: the app and the CLI name the file, they do not contain the simulators.
    for (const bundle of ['app/main.cjs', 'cli.mjs'])
      expect(readFileSync(join(outDir, bundle), 'utf8'), bundle).not.toContain('StSpecs');
  });

  it('keeps the sandboxed preload self-contained: only electron, no zod', () => {
    const preload = join(outDir, 'app/preload.cjs');
    expect(new Set(requires(preload))).toEqual(new Set(['electron']));
    expect(readFileSync(preload, 'utf8')).not.toMatch(/zod|ZodError/);
  });

  const externalOf = (file: string) =>
    new Set(
      requires(join(outDir, file)).filter((n) => !n.startsWith('node:') && !builtinModules.includes(n)),
    );

  it('leaves only electron, the native modules and Node built-ins external in main', () => {
    const external = externalOf('app/main.cjs');
    // The CLI mode brings ws (browser host of `demo`), which tries its optional speed-ups inside try/catch.
    const optional = ['bufferutil', 'utf-8-validate'];
    for (const name of external)
      expect(['electron', 'better-sqlite3', 'keytar', ...optional]).toContain(name);
    expect(external.has('electron')).toBe(true);
    if (external.has('bufferutil'))
      expect(readFileSync(join(outDir, 'app/main.cjs'), 'utf8')).toMatch(
        /try \{\s*let \w+ = require\("bufferutil"\)/,
      );
  });

  it('keeps electron and the keychain out of the engine process: only better-sqlite3 is external', () => {
    expect(externalOf('app/engine.cjs')).toEqual(new Set(['better-sqlite3']));
    expect(externalOf('app/sync-worker.cjs')).toEqual(new Set(['better-sqlite3']));
  });

  it('starts the sync worker from the bundle beside the engine, never through tsx', () => {
    const engine = readFileSync(join(outDir, 'app/engine.cjs'), 'utf8');
    expect(engine).toContain('"./sync-worker.cjs"');
    expect(engine).not.toMatch(/tsx|sync-worker-entry/);
  });

  it('boots the bundled main process against a fake electron: window, IPC, protocol, menu, ledger', () => {
    mkdirSync(join(scratch, 'node_modules', 'electron'), { recursive: true });
    copyFileSync(
      join(import.meta.dirname, 'fake-electron.cjs.txt'),
      join(scratch, 'node_modules', 'electron', 'index.js'),
    );
    for (const native of ['better-sqlite3', 'keytar']) {
      symlinkSync(join(root, 'node_modules', native), join(scratch, 'node_modules', native), 'junction');
    }
    const userData = join(scratch, 'user-data');
    const run = spawnSync(process.execPath, [join(outDir, 'app/main.cjs')], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, FAKE_USER_DATA: userData, FAKE_APP_PATH: scratch },
      timeout: 30_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout) as {
      handles: string[];
      windows: { webPreferences: Record<string, unknown> }[];
      loaded: string[];
      schemes: string[];
      protocols: string[];
      menu: boolean;
      errors: string[];
      quit: boolean;
    };
    expect(summary.errors).toEqual([]);
    expect(summary.quit).toBe(false);
    expect(summary.schemes).toEqual(['app']);
    expect(summary.protocols).toEqual(['app']);
    expect(summary.handles.sort()).toEqual([...channelNames].sort());
    expect(summary.menu).toBe(true);
    expect(summary.loaded).toEqual(['app://renderer/index.html']);
    expect(summary.windows[0]?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: join(scratch, 'dist', 'main', 'app', 'preload.cjs'),
    });
    expect(existsSync(join(userData, 'ledger.sqlite'))).toBe(true);
    expect(existsSync(join(userData, 'logs', 'main.log'))).toBe(true);
  });
});
