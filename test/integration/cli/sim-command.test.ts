import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ProfileConfig } from '../../../shared/profile-config';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '../../../bin/st-visma.mjs');
let sim: ChildProcess | undefined;

async function stopSim(): Promise<void> {
  if (sim && sim.exitCode === null) {
    const exited = new Promise((resolve) => sim!.once('exit', resolve));
    sim.kill('SIGTERM');
    await exited;
  }
  sim = undefined;
}

afterAll(stopSim);

/** Starts `st-visma sim --json` and resolves with its first stdout line and how long it took. */
function startSim(extra: string[] = []): Promise<{ line: string; ms: number }> {
  const started = Date.now();
  sim = spawn(process.execPath, [bin, 'sim', '--json', '--invoices', '40', '--bills', '10', ...extra], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: sim.stdout! });
  return new Promise((resolve, reject) => {
    lines.once('line', (line) => resolve({ line, ms: Date.now() - started }));
    sim!.once('exit', (code) => reject(new Error(`sim exited early with ${code}`)));
  });
}

describe('st-visma sim --json', () => {
  it('prints a config that `sync --config` accepts as is', async () => {
    // How fast it starts is a figure, not a test (it depends on the machine's load).
    const { line, ms } = await startSim();
    process.stdout.write(`st-visma sim --json printed its config after ${ms} ms\n`);
    const config = ProfileConfig.parse(JSON.parse(line));
    expect(config.servicetitan.apiBaseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
    const file = join(dir, 'profile.json');
    writeFileSync(file, line);
    const { stdout } = await run(process.execPath, [
      bin,
      'sync',
      '--config',
      file,
      '--data-dir',
      dir,
      '--json',
    ]);
    const summary = JSON.parse(stdout);
    expect(summary.status).toBe('completed');
    expect(summary.documents.invoices.posted).toBeGreaterThan(0);
  });

  it('takes simulator switches from a behaviour file, and refuses a file with a misspelt switch', async () => {
    await stopSim();
    const dir = mkdtempSync(join(tmpdir(), 'sim-behaviour-'));
    const file = join(dir, 'behaviour.json');
    writeFileSync(
      file,
      JSON.stringify({
        visma: { release: { mode: 'queued', share: 1, delayMs: 100 }, calendar: { startMonth: 7 } },
        servicetitan: { exportEnd: 'until-empty' },
      }),
    );
    const { line } = await startSim(['--behaviour', file]);
    const config = ProfileConfig.parse(JSON.parse(line));
    const release = (await (await fetch(`${config.visma.apiBaseUrl}/__sim/release`)).json()) as Record<
      string,
      unknown
    >;
    expect(release).toMatchObject({ mode: 'queued', share: 1, delayMs: 100 });
    await stopSim();

    writeFileSync(file, JSON.stringify({ visma: { relase: { mode: 'queued' } } }));
    const refused = await run(process.execPath, [bin, 'sim', '--json', '--behaviour', file]).catch(
      (err: { code: number; stderr: string }) => err,
    );
    expect('code' in refused && refused.code).toBe(1);
    expect((refused as { stderr: string }).stderr).toMatch(/behaviour file .* is not valid.*relase/);
  });
});
