import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../../main/api/events';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { listOutbox } from '../../../main/engine/outbox/store';
import { EngineProcess } from '../../../main/engine-process/engine-client';
import { forkEngine, type EngineChildHandle } from '../../../main/engine-process/port';
import { engineArgs } from '../../../main/engine-process/protocol';
import { openLedger } from '../../../main/storage/ledger';
import { upsertProfile } from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../../main/storage/settings';
import type { BridgeResult, SyncProgress } from '../../../shared/contract';
import type { ProfileConfig } from '../../../shared/profile-config';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { startServiceTitanSimulator, type ServiceTitanSimulator } from '../../simulators/servicetitan';
import { startVismaSimulator, type VismaSimulator } from '../../simulators/visma';
import { ANCHORED } from '../../support/test-day';
import { expectNoDuplicates, vismaDocuments } from '../engine/checks';
import type { Harness } from '../engine/harness';
import { configFor } from '../engine/harness';
import { startGateProxy, type GateProxy } from '../host/gate-proxy';

const ENTRY = join(import.meta.dirname, '../../../main/engine-process/engine-entry.ts');

/** One engine process (the app's entry, so its syncs run in the sync worker) on its own simulators and data folder. */
interface Setup {
  st: ServiceTitanSimulator;
  visma: VismaSimulator;
  gate: GateProxy;
  config: ProfileConfig;
  dataDir: string;
  events: EventBus;
  progress: SyncProgress[];
  children: EngineChildHandle[];
  engine: EngineProcess;
  stop(): Promise<void>;
}

async function setUp(seed: number, env: NodeJS.ProcessEnv = process.env): Promise<Setup> {
  const [st, visma] = await Promise.all([
    startServiceTitanSimulator({ seed, invoices: 16, bills: 4, ...ANCHORED.st }),
    startVismaSimulator({ seed, ...ANCHORED.visma }),
  ]);
  const gate = await startGateProxy(visma.apiBaseUrl);
  const direct = configFor(st, visma);
  const config = { ...direct, visma: { ...direct.visma, apiBaseUrl: gate.url } };
  const dataDir = mkdtempSync(join(tmpdir(), 'st-visma-sync-worker-'));
  const secrets = new MemorySecretStore();
  await upsertProfile(new JsonFileSettingsStore(join(dataDir, 'settings.json')), config, secrets);
  const db = openLedger(join(dataDir, 'ledger.sqlite'));
  importMappings(db, config.id, SEED_MAPPINGS, 'system');
  db.close();
  const events = new EventBus();
  const progress: SyncProgress[] = [];
  events.subscribe((event, payload) => {
    if (event === 'sync.progress') progress.push(payload as SyncProgress);
  });
  const children: EngineChildHandle[] = [];
  const engine = new EngineProcess({
    start: () => {
      const child = forkEngine(ENTRY, engineArgs({ dataDir, version: '0.0.0-test' }), {
        execArgv: ['--import', 'tsx'],
        env,
      });
      children.push(child);
      return child;
    },
    secrets,
    events,
    restartDelaysMs: [],
  });
  expect(await engine.start()).toEqual({ state: 'ready', ledgerProblem: null });
  return {
    ...{ st, visma, gate, config, dataDir, events, progress, children, engine },
    async stop() {
      gate.release();
      await engine.close();
      await gate.stop();
      await Promise.all([st.stop(), visma.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first `sync.progress` on `bus` that `match` accepts. */
function nextProgress(bus: EventBus, match: (p: SyncProgress) => boolean): Promise<SyncProgress> {
  return new Promise((resolve) => {
    const stop = bus.subscribe((event, payload) => {
      if (event !== 'sync.progress' || !match(payload as SyncProgress)) return;
      stop();
      resolve(payload as SyncProgress);
    });
  });
}

interface RunSummary {
  runId: number;
  documents: Record<'invoices' | 'bills', { seen: number; posted: number }>;
}

function summaryOf(result: BridgeResult<unknown>): RunSummary {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  return (result as { value: { summary: RunSummary } }).value.summary;
}

/** Nothing left half way in the ledger, and every document in Visma that is not held on purpose is released. */
function expectAllReleased(s: Setup): void {
  const db = openLedger(join(s.dataDir, 'ledger.sqlite'));
  try {
    const rows = listOutbox(db, s.config.id);
    const halfWay = rows.filter(
      (r) => ['posting', 'releasing', 'uncertain'].includes(r.state) || (r.state === 'posted' && !r.held),
    );
    expect(halfWay.map((r) => `${r.id}:${r.state}`)).toEqual([]);
    const held = rows.filter((r) => r.state === 'posted' && r.held).length;
    const unreleased = vismaDocuments({ visma: s.visma } as Harness).filter(
      (d) => d.status === 'Hold' || d.status === 'Balanced',
    );
    expect(unreleased.length).toBe(held);
    expect(rows.filter((r) => r.state === 'exported').length).toBeGreaterThan(0);
  } finally {
    db.close();
  }
}

describe('syncs in the engine process run in its sync worker', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(161);
  });
  afterAll(() => s?.stop());

  it('runs a real sync there: progress arrives as events, everything is posted once and released', async () => {
    const first = summaryOf(await s.engine.call('sync.run', { profileId: s.config.id }));
    expect(first.documents.invoices.posted + first.documents.bills.posted).toBeGreaterThan(0);
    const phases = s.progress.filter((p) => p.runId === String(first.runId)).map((p) => p.phase);
    for (const phase of ['recover', 'intake', 'post', 'release', 'done']) expect(phases).toContain(phase);
    expectNoDuplicates({ visma: s.visma } as Harness);
    expectAllReleased(s);

    // The same worker (and its API connections) runs the next sync: nothing new is posted twice.
    const before = vismaDocuments({ visma: s.visma } as Harness).length;
    const again = summaryOf(await s.engine.call('sync.run', { profileId: s.config.id }));
    expect(again.runId).toBeGreaterThan(first.runId);
    expect(again.documents.invoices.posted + again.documents.bills.posted).toBe(0);
    expect(vismaDocuments({ visma: s.visma } as Harness)).toHaveLength(before);
    expect(s.children).toHaveLength(1);
  });

  it('cancel reaches the run in the worker: it stops at a safe point and is recorded as cancelled', async () => {
    for (let i = 0; i < 3; i++) s.st.addInvoice();
    s.gate.arm();
    const run = s.engine.call('sync.run', { profileId: s.config.id });
    await s.gate.held(); // the run is in the worker, waiting on Visma
    // The engine's thread answers while the run is held.
    const dashboard = await s.engine.call('dashboard.get', { profileId: s.config.id });
    expect(dashboard).toMatchObject({ ok: true, value: { running: true } });
    expect(await s.engine.call('sync.cancel', { profileId: s.config.id })).toEqual({
      ok: true,
      value: { cancelling: true },
    });
    s.gate.release();
    expect(await run).toEqual({
      ok: false,
      error: { code: 'service_failed', message: expect.stringMatching(/^The sync was cancelled\./) },
    });
    const after = await s.engine.call('dashboard.get', { profileId: s.config.id });
    expect(after).toMatchObject({ ok: true, value: { running: false, lastRun: { status: 'cancelled' } } });

    // The next run finishes what the cancelled one left.
    summaryOf(await s.engine.call('sync.run', { profileId: s.config.id }));
    expectNoDuplicates({ visma: s.visma } as Harness);
    expectAllReleased(s);
  });
});

describe('a sync worker that dies mid-run', () => {
  let s: Setup;
  beforeAll(async () => {
    // The worker ends itself (the engine process lives on) after marking its second document posted.
    s = await setUp(162, { ...process.env, ST_VISMA_CRASH_AT: 'thread:post.marked-posted:2' });
  });
  afterAll(() => s?.stop());

  it('fails its run with a plain message; the next run starts a new worker and finishes the job once', async () => {
    const failed = nextProgress(s.events, (p) => p.phase === 'failed');
    const result = await s.engine.call('sync.run', { profileId: s.config.id });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'service_failed',
        message: expect.stringMatching(
          /^The sync stopped: the thread it ran in ended unexpectedly \(exit code 70\)\. Nothing is half posted/,
        ),
      },
    });
    expect((await failed).message).toMatch(/^The sync stopped/);
    const posted = vismaDocuments({ visma: s.visma } as Harness).length;
    expect(posted).toBeGreaterThanOrEqual(2);

    // Same engine process; the new worker takes the profile's lock (the dead one's went with its connection).
    const again = summaryOf(await s.engine.call('sync.run', { profileId: s.config.id }));
    expect(again.documents.invoices.posted + again.documents.bills.posted).toBeGreaterThan(0);
    expect(s.children).toHaveLength(1);
    expectNoDuplicates({ visma: s.visma } as Harness);
    expectAllReleased(s);
    const dashboard = await s.engine.call('dashboard.get', { profileId: s.config.id });
    expect(dashboard).toMatchObject({
      ok: true,
      value: { running: false, lastRun: { status: 'completed' } },
    });
  });
});
