/**
 * `npm run bench:responsive`: a 5,000-document sync (4,000 invoices, 1,000 bills by default) runs in the engine
 * process — the same process and protocol the app uses, started here as a Node child — while this process, in the
 * role of the app's main process, sends a cheap contract call (`profiles.list`) every ~50 ms. The simulators run in a
 * third process (`st-visma sim --json`), as the real APIs run elsewhere: in the app the main process serves neither
 * API. Prints the calls' latency (p50/p95/max), this process's own event-loop delay, and the sync's wall time. It is
 * not a test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { EventBus } from '../main/api/events';
import { EngineProcess } from '../main/engine-process/engine-client';
import { forkEngine } from '../main/engine-process/port';
import { engineArgs } from '../main/engine-process/protocol';
import { importMappings } from '../main/engine/mapping/rule-store';
import { openLedger } from '../main/storage/ledger';
import { upsertProfile } from '../main/storage/profiles';
import { MemorySecretStore } from '../main/storage/secrets';
import { JsonFileSettingsStore } from '../main/storage/settings';
import { ProfileConfig } from '../shared/profile-config';
import { SEED_MAPPINGS } from '../test/simulators/seed-mappings';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 4000);
const BILLS = Number(process.env.BENCH_BILLS ?? 1000);
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 50);
const TARGET_P95_MS = 100;
const ENTRY = join(import.meta.dirname, '../main/engine-process/engine-entry.ts');
// BENCH_CPU_PROF=<dir> writes a CPU profile of the engine process there (to find what holds its thread).
const profileArgs = process.env.BENCH_CPU_PROF
  ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF]
  : [];
const CLI = join(import.meta.dirname, '../bin/st-visma.mjs');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Starts `st-visma sim --json` in its own process and reads the profile config it prints. */
async function startSimulatorProcess() {
  const args = [
    CLI,
    'sim',
    '--json',
    '--seed',
    '1',
    '--invoices',
    String(INVOICES),
    '--bills',
    String(BILLS),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const line = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) =>
      reject(new Error(`st-visma sim exited (${code}) before printing its config`)),
    );
  });

  const config = ProfileConfig.parse({ ...JSON.parse(line), id: 'bench', name: 'Bench' });
  const stopped = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.kill('SIGTERM');
    await stopped;
  };
  return { config, stop };
}

const sims = await startSimulatorProcess();
const dataDir = mkdtempSync(join(tmpdir(), 'st-visma-bench-responsive-'));
const secrets = new MemorySecretStore();
const events = new EventBus();
// The engine phase each probe was sent in, so a slow answer can be traced to the phase that held the engine's thread.
let phase = 'start';
events.subscribe((event, payload) => {
  if (event === 'sync.progress') phase = (payload as { phase: string }).phase;
});
const engine = new EngineProcess({
  start: () =>
    forkEngine(ENTRY, engineArgs({ dataDir, version: 'bench' }), {
      execArgv: ['--import', 'tsx', ...profileArgs],
    }),
  secrets,
  events,
});
try {
  const { config } = sims;
  await upsertProfile(new JsonFileSettingsStore(join(dataDir, 'settings.json')), config, secrets);
  const db = openLedger(join(dataDir, 'ledger.sqlite'));
  importMappings(db, config.id, SEED_MAPPINGS, 'system');
  db.close();
  const started = await engine.start();
  if (started.state !== 'ready') throw new Error(started.message);
  console.log(`Seeded company: ${INVOICES} invoices, ${BILLS} bills (seed 1); engine in a child process.`);

  const latencies: number[] = [];
  const worstByPhase = new Map<string, number>();
  const failures: string[] = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const runStarted = performance.now();
  let running = true;
  const run = engine.call('sync.run', { profileId: config.id }).finally(() => (running = false));
  const probes: Promise<void>[] = [];
  const probe = setInterval(() => {
    if (!running) return;
    const sent = performance.now();
    const sentIn = phase;
    probes.push(
      engine.call('profiles.list', {}).then((r) => {
        const latency = performance.now() - sent;
        latencies.push(latency);
        worstByPhase.set(sentIn, Math.max(worstByPhase.get(sentIn) ?? 0, latency));
        if (!r.ok) failures.push(r.error.message);
      }),
    );
  }, INTERVAL_MS);
  const result = await run;
  const wallSeconds = (performance.now() - runStarted) / 1000;
  clearInterval(probe);
  await Promise.all(probes);
  loop.disable();
  if (!result.ok) throw new Error(`The sync failed: ${result.error.message}`);
  const summary = (
    result.value as { summary: { documents: Record<'invoices' | 'bills', { seen: number; posted: number }> } }
  ).summary;

  const sorted = [...latencies].sort((a, b) => a - b);
  const row = (label: string, value: string | number) => console.log(`  ${label.padEnd(40)} ${value}`);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    '\nSync in the engine process while the parent calls profiles.list every ' + `${INTERVAL_MS} ms:`,
  );
  row('documents seen', summary.documents.invoices.seen + summary.documents.bills.seen);
  row('documents posted', summary.documents.invoices.posted + summary.documents.bills.posted);
  row('sync wall time', `${wallSeconds.toFixed(2)} s`);
  row('contract calls answered', `${latencies.length} (${failures.length} failed)`);
  row('call latency p50', ms(percentile(sorted, 50)));
  row('call latency p95', ms(percentile(sorted, 95)));
  row('call latency max', ms(sorted.at(-1) ?? NaN));
  row('parent event-loop delay p95 / max', `${ms(loop.percentile(95) / 1e6)} / ${ms(loop.max / 1e6)}`);
  const p95 = percentile(sorted, 95);
  row(`target p95 < ${TARGET_P95_MS} ms`, p95 < TARGET_P95_MS ? 'met' : 'MISSED');
  console.log('  slowest answer by engine phase (when sent):');
  for (const [name, worst] of worstByPhase) row(`    ${name}`, ms(worst));
  if (failures.length > 0) console.log(`  first failure: ${failures[0]}`);
} finally {
  await engine.close();
  await sims.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
