/**
 * The cold-sync memory scenario of `npm run bench` (issue 15, acceptance 4): an empty ledger syncs a company of N
 * documents (four invoices to one bill) in one `st-visma sync` child process, and the child's peak RSS is printed
 * for each N, with the growth per 10k documents between the smallest and largest size (memory should be about flat
 * with N). The simulators run in this process, so their memory is not in the figure. Alone:
 * `BENCH_ONLY=cold npm run bench` or `tsx scripts/bench-cold.ts`; sizes with `BENCH_COLD_SIZES=10000,25000,50000`.
 */
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
import { runCli } from './cli-child';

const root = join(import.meta.dirname, '..');
/** The target for a cold sync of 50,000 documents. */
const TARGET_MB = 300;

/** One cold sync's figures. */
interface ColdRun {
  documents: number;
  seen: number;
  posted: number;
  peakRssMb: number;
  cpuSeconds: number;
  wallSeconds: number;
  bench: { rssMb: number; heapMb: number };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;

/** Syncs `documents` documents (4:1 invoices to bills) from an empty ledger in one CLI child. */
async function coldRun(documents: number, nodeArgs: string[]): Promise<ColdRun> {
  const bills = Math.round(documents / 5);
  const [st, visma] = await Promise.all([
    startServiceTitanSimulator({ seed: 1, invoices: documents - bills, bills }),
    // Visma's hourly budget would spread a first load of this size over hours; lifted so the engine is measured.
    startVismaSimulator({ seed: 1, rateLimit: { budget: 100_000_000, windowSeconds: 3600 } }),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'st-visma-bench-cold-'));
  try {
    const config = configFor(st, visma);
    writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
    const db = openLedger(join(dir, 'ledger.sqlite'));
    importMappings(db, config.id, SEED_MAPPINGS, 'system');
    db.close();
    const args = ['sync', '--config', join(dir, 'config.json'), '--data-dir', dir, '--json'];
    const run = await runCli(root, args, nodeArgs);
    const summary = JSON.parse(run.stdout) as SyncSummary;
    const { invoices, bills: b } = summary.documents;
    const mem = process.memoryUsage();
    return {
      documents,
      seen: invoices.seen + b.seen,
      posted: invoices.posted + b.posted,
      peakRssMb: run.peakRssMb,
      cpuSeconds: run.cpuSeconds,
      wallSeconds: run.wallSeconds,
      bench: { rssMb: mb(mem.rss), heapMb: mb(mem.heapUsed) },
    };
  } finally {
    await Promise.all([st.stop(), visma.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the cold sync's peak RSS at each size and the growth between the smallest and largest. */
export async function coldScenario(
  sizes = (process.env.BENCH_COLD_SIZES ?? '50000').split(',').map(Number),
  nodeArgs = process.env.BENCH_COLD_NODE_ARGS?.split(' ').filter(Boolean) ?? [],
): Promise<void> {
  console.log(
    '\nCold sync, empty ledger, one `st-visma sync` child (4 invoices : 1 bill; simulators in the bench):',
  );
  const runs: ColdRun[] = [];
  for (const n of sizes) {
    const r = await coldRun(n, nodeArgs);
    runs.push(r);
    const verdict =
      n >= 50_000 ? ` (target ≤ ${TARGET_MB}: ${r.peakRssMb <= TARGET_MB ? 'met' : 'NOT met'})` : '';
    console.log(
      `  ${String(n).padStart(6)} documents: peak RSS ${r.peakRssMb} MB${verdict}; ${r.seen} seen, ${r.posted} posted; ${r.cpuSeconds.toFixed(1)} s CPU, ${r.wallSeconds.toFixed(1)} s wall; bench process (simulators) RSS ${r.bench.rssMb} MB, heap ${r.bench.heapMb} MB`,
    );
  }
  const [first, last] = [runs[0], runs[runs.length - 1]];
  if (first && last && last.documents > first.documents) {
    const per10k = ((last.peakRssMb - first.peakRssMb) / (last.documents - first.documents)) * 10_000;
    console.log(`  growth: ${per10k.toFixed(1)} MB of peak RSS per 10,000 more documents`);
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await coldScenario();
