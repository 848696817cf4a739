import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileConfig } from '../../../shared/profile-config';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';

// Acceptance 1 and 2 of issue 16: the bundles laid out as the installer lays them out (dist/main, package.json and
// only the node_modules electron-builder.yml ships; no test/, no sources, no ../shared), the demo simulators started
// from there, and `sync --json` run through the Electron entry (a fake electron, plain Node) and through the CLI bundle.

const root = join(import.meta.dirname, '../../..');
const install = mkdtempSync(join(tmpdir(), 'installed-layout-'));
const run = promisify(execFile);
const children: ChildProcess[] = [];

/** The packages electron-builder.yml copies into the app (`node_modules/<name>/…` entries of `files`). */
function shippedPackages(): string[] {
  const config = load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as { files: string[] };
  const names = config.files.flatMap((f) => /^node_modules\/([^/*!]+)\//.exec(f)?.[1] ?? []);
  return [...new Set(names)];
}

function layOut(): void {
  const build = spawnSync(
    process.execPath,
    [join(root, 'scripts/build-main.mjs'), '--outdir', join(install, 'dist', 'main')],
    { cwd: root, encoding: 'utf8' },
  );
  expect(build.status, build.stderr).toBe(0);
  copyFileSync(join(root, 'package.json'), join(install, 'package.json'));
  mkdirSync(join(install, 'node_modules', 'electron'), { recursive: true });
  copyFileSync(
    join(root, 'test/unit/build/fake-electron.cjs.txt'),
    join(install, 'node_modules', 'electron', 'index.js'),
  );
  for (const name of shippedPackages())
    symlinkSync(join(root, 'node_modules', name), join(install, 'node_modules', name), 'junction');
  // A stand-in for the renderer build (vite is not what this test is about): `demo` needs an index.html to serve.
  mkdirSync(join(install, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(install, 'dist', 'renderer', 'index.html'), '<!doctype html><title>installed</title>');
}

const env = (extra: Record<string, string> = {}) => ({
  ...process.env,
  FAKE_APP_PATH: install,
  FAKE_USER_DATA: join(install, 'user-data'),
  ...extra,
});

/** A long-running entry started from the install folder; `line(re)` resolves with the first stdout line matching. */
function start(entry: string, args: string[]): { child: ChildProcess; line(re: RegExp): Promise<string> } {
  const child = spawn(process.execPath, [join(install, entry), ...args], {
    cwd: install,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const seen: string[] = [];
  const waiting = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (l) => {
    seen.push(l);
    for (const check of waiting) check();
  });
  const exited = new Promise<never>((_resolve, reject) =>
    child.once('exit', (code) => reject(new Error(`${entry} ${args[0]} exited with ${code}: ${stderr}`))),
  );
  exited.catch(() => undefined);
  const line = (re: RegExp) =>
    Promise.race([
      exited,
      new Promise<string>((resolve) => {
        const check = () => {
          const found = seen.find((l) => re.test(l));
          if (found === undefined) return;
          waiting.delete(check);
          resolve(found);
        };
        waiting.add(check);
        check();
      }),
    ]);
  return { child, line };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts the demo simulators from the install (`<app> sim --json`), writes the profile they print and imports the
 * demo company's mappings into a fresh ledger (`<app> mappings import`), as the wizard's demo would.
 */
async function startDemoSimulators(): Promise<{ config: ProfileConfig; file: string; dir: string }> {
  const sim = start('dist/main/app/main.cjs', ['sim', '--json', '--invoices', '10', '--bills', '5']);
  const line = await sim.line(/^\{/);
  const config = ProfileConfig.parse(JSON.parse(line));
  const dir = mkdtempSync(join(install, 'run-'));
  const file = join(dir, 'profile.json');
  writeFileSync(file, line);
  writeFileSync(join(dir, 'mappings.json'), JSON.stringify(SEED_MAPPINGS));
  await run(
    process.execPath,
    [join(install, 'dist/main/app/main.cjs'), 'mappings', 'import', join(dir, 'mappings.json')].concat([
      '--config',
      file,
      '--data-dir',
      dir,
    ]),
    { cwd: install, env: env() },
  );
  return { config, file, dir };
}

/** The JSON's shape: keys and value types, arrays by their kind only. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, shapeOf(v)]),
  );
}

interface Summary {
  status: string;
  documents: { invoices: { posted: number }; bills: { posted: number } };
}

beforeAll(layOut, 90_000);
afterAll(async () => {
  await Promise.all(children.map(stop));
  rmSync(install, { recursive: true, force: true });
});

describe('the installed layout (dist + shipped node_modules, no test/)', () => {
  let appSummary: Record<string, unknown>;

  it('starts the demo simulators and syncs them through the app entry, with no window (acceptance 1 and 2)', async () => {
    const { config, file, dir } = await startDemoSimulators();
    const fakeElectron = join(dir, 'fake-electron.json');
    const { stdout } = await run(
      process.execPath,
      [join(install, 'dist/main/app/main.cjs'), 'sync', '--config', file, '--data-dir', dir, '--json'],
      { cwd: install, env: env({ FAKE_ELECTRON_SUMMARY: fakeElectron }) },
    );
    appSummary = JSON.parse(stdout) as Record<string, unknown>;
    const summary = appSummary as unknown as Summary;
    expect(summary.status).toBe('completed');
    expect(summary.documents.invoices.posted).toBeGreaterThan(0);
    expect(summary.documents.bills.posted).toBeGreaterThan(0);

    // The simulators' own counters saw the posts the summary reports.
    const counters = (await (await fetch(`${config.visma.apiBaseUrl}/__sim/counters`)).json()) as {
      byEndpoint: Record<string, number>;
    };
    expect(counters.byEndpoint.CustomerInvoiceV2_Create).toBe(summary.documents.invoices.posted);
    expect(counters.byEndpoint.SupplierInvoice_Post).toBe(summary.documents.bills.posted);
    const stCalls = (await (await fetch(`${config.servicetitan.apiBaseUrl}/__sim/calls`)).json()) as {
      total: number;
    };
    expect(stCalls.total).toBeGreaterThan(0);

    // The app exited through app.exit with the CLI's code; it never got ready, opened a window or served IPC.
    const electron = JSON.parse(readFileSync(fakeElectron, 'utf8')) as Record<string, unknown>;
    expect(electron).toMatchObject({ windows: [], loaded: [], handles: [], schemes: [], menu: false });
    expect(electron.ready).toBeUndefined();
  });

  it('prints the same JSON shape as the CLI bundle does for the same demo company', async () => {
    const { file, dir } = await startDemoSimulators();
    const { stdout } = await run(
      process.execPath,
      [join(install, 'dist/main/cli.mjs'), 'sync', '--config', file, '--data-dir', dir, '--json'],
      { cwd: install, env: env() },
    );
    const cli = JSON.parse(stdout) as Record<string, unknown>;
    expect(shapeOf(appSummary)).toEqual(shapeOf(cli));
    expect(cli.documents).toEqual(appSummary.documents);
  });

  it('passes the CLI exit code through: a missing config fails with 1 and one plain sentence', async () => {
    const failed = await run(
      process.execPath,
      [join(install, 'dist/main/app/main.cjs'), 'sync', '--config', join(install, 'nope.json'), '--json'],
      { cwd: install, env: env() },
    ).catch((err: { code: number; stderr: string }) => err);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/^st-visma: .*nope\.json/);
  });

  it('starts `demo` from the app entry: the demo company behind the browser host', async () => {
    const demo = start('dist/main/app/main.cjs', ['demo', '--invoices', '4', '--bills', '2']);
    expect(await demo.line(/running on its demo company/)).toBeTruthy();
    const url = (await demo.line(/^Open: /)).slice('Open: '.length);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>installed</title>');
    await stop(demo.child);
  });
});
