import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../main/api/events';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { EngineProcess } from '../../../main/engine-process/engine-client';
import { forkEngine, type EngineChildHandle } from '../../../main/engine-process/port';
import { engineArgs } from '../../../main/engine-process/protocol';
import { openLedger } from '../../../main/storage/ledger';
import { upsertProfile } from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../../main/storage/settings';
import type { SyncProgress } from '../../../shared/contract';
import type { ProfileConfig } from '../../../shared/profile-config';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { startServiceTitanSimulator, type ServiceTitanSimulator } from '../../simulators/servicetitan';
import { startVismaSimulator, type VismaSimulator } from '../../simulators/visma';
import { ANCHORED } from '../../support/test-day';
import { expectNoDuplicates } from '../engine/checks';
import type { Harness } from '../engine/harness';
import { configFor } from '../engine/harness';
import { startGateProxy, type GateProxy } from '../host/gate-proxy';

const ENTRY = join(import.meta.dirname, '../../../main/engine-process/engine-entry.ts');

/** Resolves with the first `sync.progress` on `bus` that `match` accepts. */
function progress(bus: EventBus, match: (p: SyncProgress) => boolean): Promise<SyncProgress> {
  return new Promise((resolve) => {
    const stop = bus.subscribe((event, payload) => {
      if (event !== 'sync.progress' || !match(payload as SyncProgress)) return;
      stop();
      resolve(payload as SyncProgress);
    });
  });
}

describe('the engine in its own process, behind the contract', () => {
  let st: ServiceTitanSimulator;
  let visma: VismaSimulator;
  let gate: GateProxy;
  let dataDir: string;
  let config: ProfileConfig;
  const events = new EventBus();
  const secrets = new MemorySecretStore();
  const children: EngineChildHandle[] = [];
  let engine: EngineProcess;
  let startedAgain: () => void = () => undefined;

  beforeAll(async () => {
    [st, visma] = await Promise.all([
      startServiceTitanSimulator({ seed: 16, invoices: 30, bills: 6, ...ANCHORED.st }),
      startVismaSimulator({ seed: 16, ...ANCHORED.visma }),
    ]);
    // The gate sits in front of Visma: a run pauses on cue at its next Visma call (posting, verifying).
    gate = await startGateProxy(visma.apiBaseUrl);
    const direct = configFor(st, visma);
    config = { ...direct, visma: { ...direct.visma, apiBaseUrl: gate.url } };
    dataDir = mkdtempSync(join(tmpdir(), 'st-visma-engine-process-'));
    const settings = new JsonFileSettingsStore(join(dataDir, 'settings.json'));
    await upsertProfile(settings, config, secrets);
    const db = openLedger(join(dataDir, 'ledger.sqlite'));
    importMappings(db, config.id, SEED_MAPPINGS, 'system');
    db.close();
    engine = new EngineProcess({
      start: () => {
        const child = forkEngine(ENTRY, engineArgs({ dataDir, version: '0.0.0-test' }), {
          execArgv: ['--import', 'tsx'],
        });
        children.push(child);
        if (children.length > 1) startedAgain();
        return child;
      },
      secrets,
      events,
      restartDelaysMs: [0],
    });
    expect(await engine.start()).toEqual({ state: 'ready', ledgerProblem: null });
  });

  afterAll(async () => {
    gate?.release();
    await engine?.close();
    await gate?.stop();
    await Promise.all([st?.stop(), visma?.stop()]);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers a contract call while a sync runs in the engine process', async () => {
    gate.arm();
    let runSettled = false;
    const run = engine.call('sync.run', { profileId: config.id }).finally(() => (runSettled = true));
    await gate.held(); // the run is in progress, paused on a Visma call

    const listed = await engine.call('profiles.list', {});
    expect(listed).toMatchObject({ ok: true, value: { profiles: [{ id: config.id }] } });
    const status = await engine.call('secrets.status', { profileId: config.id });
    expect(status).toMatchObject({ ok: true, value: { secrets: { 'servicetitan.clientSecret': true } } });
    expect(runSettled).toBe(false);

    gate.release();
    const result = await run;
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const summary = (result as { value: { summary: { documents: { invoices: { posted: number } } } } }).value
      .summary;
    expect(summary.documents.invoices.posted).toBeGreaterThan(0);
    expect(children).toHaveLength(1);
  });

  it('a killed engine fails its pending calls plainly, reports the run failed, and starts again by itself', async () => {
    const restarted = new Promise<void>((resolve) => (startedAgain = resolve));
    for (let i = 0; i < 4; i++) st.addInvoice();
    const started = progress(events, (p) => p.phase !== 'done' && p.phase !== 'failed');
    const failed = progress(events, (p) => p.phase === 'failed');
    const run = engine.call('sync.run', { profileId: config.id });
    const open = await started;
    gate.arm();
    await gate.held(); // posting the new invoices waits on Visma
    children[0]!.kill();

    expect(await run).toEqual({
      ok: false,
      error: {
        code: 'unavailable',
        message: expect.stringMatching(
          /^The engine stopped \(signal SIGKILL\) before "sync\.run" was answered\. Try again/,
        ),
      },
    });
    expect(await failed).toMatchObject({
      profileId: config.id,
      runId: open.runId,
      phase: 'failed',
      message: expect.stringContaining('The engine stopped during the run'),
    });

    gate.release();
    // Nothing calls it: the engine (schedules, webhooks) comes back on its own.
    await restarted;
    expect(await engine.start()).toEqual({ state: 'ready', ledgerProblem: null });
    expect(children).toHaveLength(2);
    const listed = await engine.call('profiles.list', {});
    expect(listed).toMatchObject({ ok: true, value: { profiles: [{ id: config.id }] } });
    expect(children).toHaveLength(2);

    // The OS lock died with the first process: the next run takes the profile and finishes the job once.
    const again = await engine.call('sync.run', { profileId: config.id });
    expect(again.ok, JSON.stringify(again)).toBe(true);
    expectNoDuplicates({ visma } as Harness);
  });
});
