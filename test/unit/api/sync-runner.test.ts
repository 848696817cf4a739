import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EngineService } from '../../../main/api/engine-service';
import { EventBus } from '../../../main/api/events';
import type { SyncRunner, SyncRunRequest } from '../../../main/api/sync-runner';
import type { FullSyncSummary } from '../../../main/engine/full-sync';
import { openLedger } from '../../../main/storage/ledger';
import { upsertProfile } from '../../../main/storage/profiles';
import { MemorySecretStore } from '../../../main/storage/secrets';
import { JsonFileSettingsStore } from '../../../main/storage/settings';
import type { Ledger } from '../../../main/storage/types';
import type { SyncProgress } from '../../../shared/contract';
import type { ProfileConfig } from '../../../shared/profile-config';

const PROFILE: ProfileConfig = {
  id: 'acme',
  name: 'Acme',
  timeZone: 'Europe/Oslo',
  servicetitan: {
    environment: 'integration',
    authUrl: 'https://auth-integration.servicetitan.io/connect/token',
    apiBaseUrl: 'https://api-integration.servicetitan.io',
    tenantId: '42',
    clientId: 'cid',
    clientSecret: 'st-secret-value',
    appKey: 'st-app-key-value',
  },
  visma: {
    environment: 'sandbox',
    tokenUrl: 'https://connect.visma.com/connect/token',
    apiBaseUrl: 'https://api.finance.visma.net',
    tenantId: 't',
    companyId: 'c',
    clientId: 'vid',
    clientSecret: 'visma-secret-value',
  },
};

/** A runner that records what `EngineService` asks of it; each run ends when the test says so. */
class RecordingRunner implements SyncRunner {
  readonly requests: SyncRunRequest[] = [];
  readonly dropped: string[] = [];
  closed = 0;
  private ends: { resolve: (s: FullSyncSummary) => void; reject: (e: unknown) => void }[] = [];
  private asked: (() => void)[] = [];

  run(request: SyncRunRequest): Promise<FullSyncSummary> {
    this.requests.push(request);
    for (const wake of this.asked.splice(0)) wake();
    return new Promise((resolve, reject) => this.ends.push({ resolve, reject }));
  }
  dropConnection(profileId: string): void {
    this.dropped.push(profileId);
  }
  close(): Promise<void> {
    this.closed++;
    return Promise.resolve();
  }
  /** Resolves once a run has been asked for. */
  async asked1(): Promise<SyncRunRequest> {
    if (this.requests.length === 0) await new Promise<void>((wake) => this.asked.push(wake));
    return this.requests[0]!;
  }
  finish(summary: FullSyncSummary): void {
    this.ends.shift()?.resolve(summary);
  }
  fail(err: Error): void {
    this.ends.shift()?.reject(err);
  }
}

describe('EngineService runs its syncs through the SyncRunner it is given', () => {
  let dataDir: string;
  let db: Ledger;
  let events: EventBus;
  let progress: SyncProgress[];
  let runner: RecordingRunner;
  let engine: EngineService;
  let given: { ledger: Ledger } | undefined;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sync-runner-'));
    db = openLedger(':memory:');
    events = new EventBus();
    progress = [];
    events.subscribe((event, payload) => {
      if (event === 'sync.progress') progress.push(payload as SyncProgress);
    });
    const settings = new JsonFileSettingsStore(join(dataDir, 'settings.json'));
    const secrets = new MemorySecretStore();
    await upsertProfile(settings, PROFILE, secrets);
    runner = new RecordingRunner();
    engine = new EngineService({
      settings,
      secrets,
      ledger: db,
      events,
      host: 'browser',
      syncRunner: (inProcess) => {
        given = inProcess;
        return runner;
      },
    });
  });

  afterEach(async () => {
    await engine.close();
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands the runner the full profile and the run options, and passes its progress and summary on', async () => {
    expect(given?.ledger).toBe(db);
    const run = engine.sync('acme', 'webhook', ['77']);
    const request = await runner.asked1();
    expect(request.config).toMatchObject({ id: 'acme', visma: { clientSecret: 'visma-secret-value' } });
    expect(request.options).toMatchObject({
      trigger: 'webhook',
      actor: 'webhook',
      queuedInvoiceIds: ['77'],
      lock: { holder: 'the app (browser host)' },
    });
    request.onProgress({ runId: 5, phase: 'intake', done: 2, total: 9 });
    expect(engine.running('acme')).toBe(true);
    const counts = (posted: number) => ({ posted }) as FullSyncSummary['documents']['invoices'];
    const summary = {
      runId: 5,
      documents: { invoices: counts(3), bills: counts(1) },
      reviewQueue: 2,
      reviewAdded: 1,
    } as FullSyncSummary;
    runner.finish(summary);
    expect(await run).toEqual(summary);
    expect(progress).toEqual([
      { profileId: 'acme', runId: '5', phase: 'intake', done: 2, total: 9 },
      {
        profileId: 'acme',
        runId: '5',
        phase: 'done',
        done: 1,
        total: 1,
        outcome: { posted: 4, reviewQueue: 2, reviewAdded: 1 },
      },
    ]);
  });

  it("cancel aborts the run's signal; a failed run drops the connection in the runner too", async () => {
    const run = engine.sync('acme');
    const request = await runner.asked1();
    expect(request.options.signal?.aborted).toBe(false);
    expect(engine.cancel('acme')).toBe(true);
    expect(request.options.signal?.aborted).toBe(true);
    runner.fail(new Error('The sync was cancelled.'));
    await expect(run).rejects.toThrow('The sync was cancelled.');
    expect(runner.dropped).toEqual(['acme']);
    expect(progress.at(-1)).toMatchObject({ phase: 'failed', message: 'The sync was cancelled.' });
  });

  it('forwards dropConnection, and closes the runner when the service closes', async () => {
    engine.dropConnection('acme');
    expect(runner.dropped).toEqual(['acme']);
    await engine.close();
    expect(runner.closed).toBe(1);
  });
});
