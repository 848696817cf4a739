/**
 * The history-growth scenario of `npm run bench` (issue 15, acceptance 3): a run with nothing new, by the real CLI in
 * a child process, at a ledger of 2.5k and of 25k documents. The ledger is a real first sync grown by copies of its
 * documents (bench-seed-ledger.ts). Prints CPU, RSS and disk bytes written per size, and the ratios.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliChild, type ChildRun } from './bench-cli-child';
import { company } from './bench-scenarios';
import { seedHistory } from './bench-seed-ledger';

interface NoOpFigures {
  documents: number;
  runCpu: number;
  processCpu: number;
  rssMb: number;
  writtenKiB: number;
  calls: string;
}

function figures(documents: number, run: ChildRun): NoOpFigures {
  return {
    documents,
    runCpu: run.summary.resources.cpuSeconds,
    processCpu: run.probe.cpuSeconds,
    rssMb: run.probe.peakRssMb,
    writtenKiB: (run.probe.io.write_bytes ?? 0) / 1024,
    calls: `${run.summary.calls.servicetitan} ST + ${run.summary.calls.visma} Visma`,
  };
}

/** A first sync, the ledger grown to `size` documents, a settling no-op run, then the measured no-op run. */
async function noOpAt(size: number): Promise<NoOpFigures> {
  const c = await company(125, 240, 40);
  try {
    await c.sync('cli');
    const documents = seedHistory(c.db, c.config.id, size);
    c.db.close();
    writeFileSync(join(c.dir, 'config.json'), JSON.stringify(c.config));
    const args = ['sync', '--config', join(c.dir, 'config.json'), '--data-dir', c.dir];
    await runCliChild(args);
    return figures(documents, await runCliChild(args));
  } finally {
    await c.stop();
  }
}

/** Prints the no-op run at each size and how the largest compares with the smallest. */
export async function historyScenario(sizes: readonly number[] = [2500, 25000]): Promise<void> {
  const rows: NoOpFigures[] = [];
  for (const size of sizes) rows.push(await noOpAt(size));
  console.log(
    '\nHistory growth: a CLI `sync` with nothing new (child process; the second no-op after seeding):',
  );
  for (const r of rows)
    console.log(
      `  ${String(r.documents).padStart(6)} ledger documents: run CPU ${r.runCpu.toFixed(2)} s, process CPU ${r.processCpu.toFixed(2)} s, peak RSS ${r.rssMb.toFixed(0)} MB, written ${r.writtenKiB.toFixed(0)} KiB, ${r.calls}`,
    );
  const [small, large] = [rows[0]!, rows[rows.length - 1]!];
  console.log(
    `  ${large.documents} vs ${small.documents}: run CPU ${(large.runCpu / small.runCpu).toFixed(2)}×, process CPU ${(large.processCpu / small.processCpu).toFixed(2)}×, peak RSS ${(large.rssMb / small.rssMb).toFixed(2)}× (target ≤ 1.3×)`,
  );
}
