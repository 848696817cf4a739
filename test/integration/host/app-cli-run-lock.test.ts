import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/api/dispatch';
import { createHandlers } from '../../../main/api/handlers';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { startBrowserHost, type BrowserHost } from '../../../main/host';
import { upsertProfile } from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import type { ProfileConfig } from '../../../shared/profile-config';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { startServiceTitanSimulator, type ServiceTitanSimulator } from '../../simulators/servicetitan';
import { startVismaSimulator, type VismaSimulator } from '../../simulators/visma';
import { ANCHORED } from '../../support/test-day';
import { expectNoDuplicates } from '../engine/checks';
import { configFor, type Harness } from '../engine/harness';
import { startGateProxy, type GateProxy } from './gate-proxy';

const root = join(import.meta.dirname, '../../..');

/** A `st-visma sync` child on the app's data folder; `stderrHas` resolves when its stderr contains the text. */
function cliSync(args: string[]) {
  const child = spawn(process.execPath, [join(root, 'bin/st-visma.mjs'), 'sync', ...args], { cwd: root });
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const w of waiters.filter((x) => stderr.includes(x.text))) w.resolve();
  });
  child.stdout.resume();
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
  const stderrHas = (text: string) =>
    new Promise<void>((resolve) => (stderr.includes(text) ? resolve() : waiters.push({ text, resolve })));
  return { child, exit, stderrHas };
}

describe('the app and a CLI sync on one data folder never run at once', () => {
  let st: ServiceTitanSimulator;
  let visma: VismaSimulator;
  let gate: GateProxy;
  let host: BrowserHost;
  let dataDir: string;
  let config: ProfileConfig;
  let cliArgs: string[];

  beforeAll(async () => {
    [st, visma] = await Promise.all([
      startServiceTitanSimulator({ seed: 11, invoices: 24, bills: 6, ...ANCHORED.st }),
      startVismaSimulator({ seed: 11, ...ANCHORED.visma }),
    ]);
    gate = await startGateProxy(st.apiBaseUrl);
    const direct = configFor(st, visma);
    config = { ...direct, servicetitan: { ...direct.servicetitan, apiBaseUrl: gate.url } };
    dataDir = mkdtempSync(join(tmpdir(), 'st-visma-app-cli-'));
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
    cliArgs = ['--config', join(dataDir, 'config.json'), '--data-dir', dataDir];
    const secrets = new MemorySecretStore();
    host = await startBrowserHost({ dataDir, demo: true, secrets, rendererDir: tmpdir() });
    await upsertProfile(host.services.settings, config, secrets);
    importMappings(host.services.ledger, config.id, SEED_MAPPINGS, 'system');
    // A first run from the app posts the seeded documents; the runs below find changes only.
    await host.engine.sync(config.id, 'manual');
  });

  afterAll(async () => {
    gate?.release();
    await host?.close();
    await gate?.stop();
    await Promise.all([st?.stop(), visma?.stop()]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Every run of the profile, in start order; none may start before the one before it finished. */
  function expectRunsNeverOverlapped(): void {
    const rows = host.services.ledger
      .prepare(
        `SELECT id, owner, status, started_at, finished_at FROM sync_runs WHERE profile_id = ? ORDER BY started_at, id`,
      )
      .all(config.id) as {
      id: number;
      owner: string;
      status: string;
      started_at: string;
      finished_at: string;
    }[];
    expect(
      rows.map((r) => r.status).every((s) => s === 'completed'),
      JSON.stringify(rows),
    ).toBe(true);
    for (let i = 1; i < rows.length; i++)
      expect(
        rows[i]!.started_at >= rows[i - 1]!.finished_at,
        `run ${rows[i]!.id} overlaps run ${rows[i - 1]!.id}`,
      ).toBe(true);
    expectNoDuplicates({ visma } as Harness);
  }

  it('a CLI sync says plainly that the app is running, or waits for it with --wait', async () => {
    gate.arm();
    const appRun = host.engine.sync(config.id, 'manual');
    await gate.held(); // the app's run holds the lock and is paused on its first ServiceTitan call

    const refused = await cliSync(cliArgs).exit;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `A sync of profile "${config.id}" is already running: the app (browser host) (pid ${process.pid}) since `,
    );
    expect(refused.stderr).toContain('This request was not started.');

    const waiting = cliSync([...cliArgs, '--wait', '600']);
    await waiting.stderrHas('waiting up to 600 s for it to finish');
    gate.release();
    await appRun;
    const waited = await waiting.exit;
    expect(waited.code, waited.stderr).toBe(0);
    expectRunsNeverOverlapped();
  });

  it('the app says plainly that a CLI sync is running (who, pid, since when)', async () => {
    gate.arm();
    const cli = cliSync(cliArgs);
    await gate.held(); // the CLI's run holds the lock and is paused
    const expected = `already running: st-visma sync (pid ${cli.child.pid}) since `;
    await expect(host.engine.sync(config.id, 'manual')).rejects.toThrow(expected);
    const handlers = createHandlers(host.services, host.engine);
    const answer = await dispatch(handlers, 'sync.run', { profileId: config.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(JSON.stringify(answer)).toContain(expected);
    gate.release();
    const done = await cli.exit;
    expect(done.code, done.stderr).toBe(0);
    expectRunsNeverOverlapped();
  });
});
