/**
 * `npm run bench:reconcile`: a month-end close at size. The ServiceTitan simulator is seeded with 20,000 invoices and
 * 5,000 bills, all in one month; the real CLI syncs them into the Visma simulator (so Visma and the ledger hold what a
 * sync put there, nothing written by hand); then `st-visma reconcile --period … --json` runs in its own process and
 * is measured: wall time, CPU, peak RSS, the calls each simulator counted (per endpoint) against the lower bound of
 * one page per page size of documents, and the engine's own time after the fetch. Prints figures; it is not a test.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reconciliation } from '../main/engine/reconcile';
import { importMappings } from '../main/engine/mapping/rule-store';
import type { SyncSummary } from '../main/engine/run-sync';
import { MAX_PAGE_SIZE } from '../main/servicetitan/paging';
import { DEFAULT_VISMA_PAGE_SIZE } from '../main/visma/client';
import { openLedger } from '../main/storage/ledger';
import { configFor } from '../test/integration/engine/harness';
import { SEED_MAPPINGS } from '../test/simulators/seed-mappings';
import { startServiceTitanSimulator, type ServiceTitanSimulator } from '../test/simulators/servicetitan';
import { startVismaSimulator, type VismaSimulator } from '../test/simulators/visma';
import { runCli, type CliRun } from './cli-child';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 20_000);
const BILLS = Number(process.env.BENCH_BILLS ?? 5_000);
/** Reconciliations after the sync: the first brings the presence lists up to date, the next ones find them so. */
const RUNS = Number(process.env.BENCH_RECONCILE_RUNS ?? 2);
/** A folder for a V8 CPU profile of each reconciliation (`node --cpu-prof`), when set. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
/**
 * When set, each reconciliation after the first waits until this file exists (and removes it): code can be changed
 * between runs against the same synced simulators, without another sync.
 */
const GO_FILE = process.env.BENCH_RECONCILE_GO_FILE;
/** Keep the data folder (ledger and config) for a closer look afterwards, when set. */
const KEEP_DIR = process.env.BENCH_KEEP_DIR === '1';
/** The month reconciled; every generated document falls in it (noon on its last day, 29 days back). */
const PERIOD = '2026-05';
const ANCHOR = '2026-05-31T12:00:00.000Z';
const SPAN_DAYS = 29;
/** Visma's "today": May is open (the seed closes April, two months back, in the customer ledger). */
const VISMA_TODAY = new Date('2026-06-20T00:00:00.000Z');
/** The Visma simulator's largest page (its default), which caps the client's page size. */
const VISMA_MAX_PAGE_SIZE = 500;
/** The engine's target for its own work after the fetch (issue 12, acceptance 3). */
const ENGINE_TARGET_MS = 3000;
const root = join(import.meta.dirname, '..');

type Counts = { total: number; byEndpoint: Record<string, number> };

/** Waits for `GO_FILE` to appear, then removes it. */
async function waitForGo(): Promise<void> {
  if (!GO_FILE) return;
  console.log(`\nWaiting for ${GO_FILE} before the next reconciliation…`);
  while (!existsSync(GO_FILE)) await sleep(500);
  rmSync(GO_FILE, { force: true });
}

const row = (label: string, value: string | number) => console.log(`  ${label.padEnd(44)} ${value}`);
const pages = (documents: number, pageSize: number) => Math.max(1, Math.ceil(documents / pageSize));

async function startSimulators(): Promise<[ServiceTitanSimulator, VismaSimulator]> {
  return Promise.all([
    startServiceTitanSimulator({
      seed: 1,
      invoices: INVOICES,
      bills: BILLS,
      anchorDate: ANCHOR,
      spanDays: SPAN_DAYS,
      secondTenant: false,
    }),
    // Visma's call budget is per hour: a first load of 25,000 documents would take several hours of it. The budget is
    // raised so the sync that fills Visma is not the thing measured; the reconciliation stays far below either.
    startVismaSimulator({
      seed: 1,
      today: VISMA_TODAY,
      rateLimit: { budget: 10_000_000, windowSeconds: 3600 },
    }),
  ]);
}

function reportSync(run: CliRun): void {
  const summary = JSON.parse(run.stdout) as SyncSummary;
  const { invoices, bills } = summary.documents;
  console.log('\nSync that filled Visma and the ledger (st-visma sync, one run):');
  row('documents seen / posted', `${invoices.seen + bills.seen} / ${invoices.posted + bills.posted}`);
  row('  invoices seen / posted', `${invoices.seen} / ${invoices.posted}`);
  row('  bills seen / posted', `${bills.seen} / ${bills.posted}`);
  row('review queue', summary.reviewQueue);
  row('wall time (s)', run.wallSeconds.toFixed(1));
  row('calls Visma / ServiceTitan', `${summary.calls.visma} / ${summary.calls.servicetitan}`);
}

/** Documents of the period Visma holds, per kind, read from the simulator's store. */
function vismaDocumentsOfPeriod(visma: VismaSimulator, financialPeriod: string) {
  const count = (kind: 'customerInvoice' | 'customerCreditNote' | 'supplierInvoice') =>
    visma.documents(kind).filter((d) => d.financialPeriod === financialPeriod).length;
  return {
    customerInvoice: count('customerInvoice'),
    customerCreditNote: count('customerCreditNote'),
    supplierInvoice: count('supplierInvoice'),
  };
}

function printEndpoints(counts: Counts): void {
  for (const [endpoint, n] of Object.entries(counts.byEndpoint)) row(`    ${endpoint}`, n);
}

function reportCalls(st: Counts, visma: Counts, docs: ReturnType<typeof vismaDocumentsOfPeriod>): void {
  const vismaPage = Math.min(DEFAULT_VISMA_PAGE_SIZE, VISMA_MAX_PAGE_SIZE);
  const stBound = pages(INVOICES, MAX_PAGE_SIZE) + pages(BILLS, MAX_PAGE_SIZE);
  const vismaBound =
    pages(docs.customerInvoice, vismaPage) +
    pages(docs.customerCreditNote, vismaPage) +
    pages(docs.supplierInvoice, vismaPage);
  const stData = st.total - (st.byEndpoint.token ?? 0);
  console.log('\nCalls during the reconciliation (counted by the simulators):');
  row(`ServiceTitan (page size ${MAX_PAGE_SIZE})`, `${st.total} (${stData} without sign-in)`);
  row(
    '  lower bound: pages of invoices + bills',
    `${stBound} = ${pages(INVOICES, MAX_PAGE_SIZE)} + ${pages(BILLS, MAX_PAGE_SIZE)}`,
  );
  printEndpoints(st);
  row(`Visma (page size ${vismaPage})`, visma.total);
  row(
    '  lower bound: pages of the period lists',
    `${vismaBound} (invoices ${docs.customerInvoice}, credit notes ${docs.customerCreditNote}, supplier invoices ${docs.supplierInvoice})`,
  );
  printEndpoints(visma);
}

function reportReconcile(run: CliRun, result: Reconciliation, runNumber: number): void {
  const { totalMs, vismaMs, servicetitanMs, engineCpuMs } = result.timings;
  const engineMs = totalMs - vismaMs - servicetitanMs;
  const which = runNumber === 1 ? 'right after the sync' : `run ${runNumber}, presence lists up to date`;
  console.log(`\nReconciliation of ${result.period}, ${which} (st-visma reconcile --json, own process):`);
  row('wall time, whole CLI process (s)', run.wallSeconds.toFixed(2));
  row('CPU seconds (user + system)', run.cpuSeconds.toFixed(2));
  row('peak RSS (MB)', run.peakRssMb);
  row('reconcile total (timings.totalMs)', totalMs);
  row('  waiting for Visma (vismaMs)', vismaMs);
  row('  waiting for ServiceTitan (servicetitanMs)', servicetitanMs);
  row(
    '  engine after the fetch (ms)',
    `${engineMs} (target ≤ ${ENGINE_TARGET_MS}: ${engineMs <= ENGINE_TARGET_MS ? 'met' : 'NOT met'})`,
  );
  row(
    '  engine CPU after the fetch (ms)',
    `${engineCpuMs} (target ≤ ${ENGINE_TARGET_MS}: ${engineCpuMs <= ENGINE_TARGET_MS ? 'met' : 'NOT met'}; the wall figure above includes waiting for a busy CPU)`,
  );
  row('ServiceTitan read live', result.servicetitanLive ? 'yes' : `no: ${result.servicetitanError ?? ''}`);
  row('calls the report counted Visma / ST', `${result.vismaCalls} / ${result.servicetitanCalls}`);
  const buckets = Object.entries(result.bucketCounts).filter(([, n]) => n > 0);
  row('documents per bucket', buckets.map(([b, n]) => `${b} ${n}`).join(', '));
  row('ready to close', result.checklist.ready ? 'yes' : 'no');
}

const [st, visma] = await startSimulators();
const dir = mkdtempSync(join(tmpdir(), 'st-visma-bench-reconcile-'));
try {
  const config = configFor(st, visma);
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  const db = openLedger(join(dir, 'ledger.sqlite'));
  importMappings(db, config.id, SEED_MAPPINGS, 'system');
  db.close();
  const common = ['--config', join(dir, 'config.json'), '--data-dir', dir, '--json'];
  console.log(
    `ServiceTitan: ${INVOICES} invoices, ${BILLS} bills (seed 1), all in ${PERIOD}; simulators on 127.0.0.1.`,
  );
  reportSync(await runCli(root, ['sync', ...common]));
  const nodeArgs = CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF_DIR] : [];
  for (let i = 1; i <= RUNS; i++) {
    if (i > 1) await waitForGo();
    st.resetCalls();
    visma.resetCounters();
    const run = await runCli(root, ['reconcile', '--period', PERIOD, ...common], nodeArgs);
    const result = JSON.parse(run.stdout) as Reconciliation;
    if (KEEP_DIR) writeFileSync(join(dir, `reconcile-${i}.json`), run.stdout);
    reportReconcile(run, result, i);
    reportCalls(st.calls(), visma.counters(), vismaDocumentsOfPeriod(visma, result.financialPeriod));
  }
} finally {
  await Promise.all([st.stop(), visma.stop()]);
  if (KEEP_DIR) console.log(`\nData folder kept: ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
