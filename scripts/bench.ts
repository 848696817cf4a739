/**
 * `npm run bench`: a seeded company (2,000 invoices, 500 bills) on the simulators at 127.0.0.1, synced by the real
 * CLI in a child process (so CPU and memory are the engine's alone); then the call-cost scenarios of issue 15 (a run
 * with nothing new at 125 and 1,250 customers, webhook-posted invoices one at a time, AP bills alone, a cold sync under Visma call
 * budgets it fits and does not fit into). Prints figures; not a test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMappings } from '../main/engine/mapping/rule-store';
import type { SyncSummary } from '../main/engine/run-sync';
import { openLedger } from '../main/storage/ledger';
import { configFor } from '../test/integration/engine/harness';
import { SEED_MAPPINGS } from '../test/simulators/seed-mappings';
import { startServiceTitanSimulator } from '../test/simulators/servicetitan';
import { startVismaSimulator } from '../test/simulators/visma';
import { budgetScenario } from './bench-budget';
import { coldScenario } from './bench-cold';
import { historyScenario } from './bench-history';
import { minimalLoopScenario } from './bench-minimal-loop';
import { billsScenario, noChangeScenario, printCalls, webhookScenario } from './bench-scenarios';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 2000);
const BILLS = Number(process.env.BENCH_BILLS ?? 500);
const NEW_INVOICES = Number(process.env.BENCH_NEW_INVOICES ?? 500);
const root = join(import.meta.dirname, '..');

function sync(args: string[]): Promise<{ summary: SyncSummary; wallSeconds: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/st-visma.mjs'), 'sync', ...args, '--json'], {
      cwd: root,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`sync exited with ${code}: ${err}`));
      resolve({
        summary: JSON.parse(out) as SyncSummary,
        wallSeconds: Number(process.hrtime.bigint() - started) / 1e9,
      });
    });
  });
}

function report(
  title: string,
  { summary, wallSeconds }: { summary: SyncSummary; wallSeconds: number },
): void {
  const { invoices, bills } = summary.documents;
  const posted = invoices.posted + bills.posted;
  const seen = invoices.seen + bills.seen;
  const row = (label: string, value: string | number) => console.log(`  ${label.padEnd(36)} ${value}`);
  console.log(`\n${title}`);
  row('documents seen / posted', `${seen} / ${posted} (invoices ${invoices.posted}, bills ${bills.posted})`);
  row('review queue', summary.reviewQueue);
  row('wall time (CLI process, s)', wallSeconds.toFixed(2));
  row('engine run time (s)', (summary.durationMs / 1000).toFixed(2));
  row('documents posted per second', (posted / (summary.durationMs / 1000)).toFixed(1));
  row('documents seen per second', (seen / (summary.durationMs / 1000)).toFixed(1));
  row('Visma calls (total)', summary.calls.visma);
  row('Visma calls per posted document', summary.calls.vismaPerPostedDocument ?? '-');
  if (bills.posted === 0 && invoices.posted > 0)
    row('Visma calls per posted invoice', (summary.calls.visma / invoices.posted).toFixed(3));
  row('ServiceTitan calls (total)', summary.calls.servicetitan);
  row(
    'ServiceTitan calls per invoice seen',
    invoices.seen ? (summary.calls.servicetitan / invoices.seen).toFixed(4) : '-',
  );
  row('engine CPU seconds', summary.resources.cpuSeconds.toFixed(2));
  row('engine peak RSS (MB)', summary.resources.peakRssMb);
  printCalls('calls by phase (tokens included):', summary.calls);
}

/** The seeded company synced three times by the CLI: cold, nothing new, steady state. */
async function seededScenario(): Promise<void> {
  const [st, visma] = await Promise.all([
    startServiceTitanSimulator({ seed: 1, invoices: INVOICES, bills: BILLS }),
    startVismaSimulator({ seed: 1 }),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'st-visma-bench-'));
  try {
    const config = configFor(st, visma);
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const db = openLedger(join(dir, 'ledger.sqlite'));
    importMappings(db, config.id, SEED_MAPPINGS, 'system');
    db.close();
    const args = ['--config', join(dir, 'config.json'), '--data-dir', dir];
    console.log(`Seeded company: ${INVOICES} invoices, ${BILLS} bills (seed 1), simulators on 127.0.0.1.`);
    report('First run (cold: customers created, master data read):', await sync(args));
    report('Second run (nothing new):', await sync(args));
    for (let i = 0; i < NEW_INVOICES; i++) st.addInvoice();
    report(`Steady state (${NEW_INVOICES} new invoices, master data cached):`, await sync(args));
  } finally {
    await Promise.all([st.stop(), visma.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

// `BENCH_ONLY=history,minimal-loop npm run bench` runs only the named scenarios.
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (name: string) => !only || only.includes(name);
if (wanted('seeded')) await seededScenario();
if (wanted('no-change')) for (const customers of [125, 1250]) await noChangeScenario(customers);
if (wanted('webhook')) await webhookScenario(Number(process.env.BENCH_WEBHOOK_INVOICES ?? 30));
if (wanted('bills')) await billsScenario(Number(process.env.BENCH_BILLS_ONLY ?? 500));
if (wanted('budget')) await budgetScenario(Number(process.env.BENCH_BUDGET_INVOICES ?? 470));
if (wanted('history')) await historyScenario();
if (wanted('minimal-loop')) await minimalLoopScenario(Number(process.env.BENCH_LOOP_INVOICES ?? 300));
// Cold sync memory (issue 15, acc 4); `tsx scripts/bench-cold.ts` runs it alone.
if (wanted('cold')) await coldScenario();
