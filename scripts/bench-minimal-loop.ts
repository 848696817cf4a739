/**
 * The posting-cost scenario of `npm run bench` (issue 15, acceptance 5): `n` new invoices posted and released by the
 * real CLI in a child process (after a first sync made the customers), then the same invoices by a minimal posting
 * loop (minimal-posting-loop.ts) against the same simulators. Prints CPU per posted invoice of each and their ratio,
 * and the bytes the CLI child wrote to disk per posted invoice (the kernel's count, and the ledger files' growth).
 */
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChild, runCliChild } from './bench-cli-child';
import { company } from './bench-scenarios';
import type { LoopJob } from './minimal-posting-loop';

interface LoopResult {
  posted: number;
  released: number;
  failed: number;
  read: number;
  cpuSeconds: number;
}

function ledgerBytes(dir: string): number {
  const size = (f: string) => {
    try {
      return statSync(join(dir, f)).size;
    } catch {
      return 0;
    }
  };
  return size('ledger.sqlite') + size('ledger.sqlite-wal');
}

function loopJob(c: Awaited<ReturnType<typeof company>>, since: string): LoopJob {
  const links = c.db
    .prepare(`SELECT st_id, visma_key FROM links WHERE profile_id = ? AND kind = 'customer'`)
    .all(c.config.id) as { st_id: string; visma_key: string }[];
  const company = c.visma.companies[0]!;
  return {
    st: {
      authUrl: c.st.authUrl,
      apiBaseUrl: c.st.apiBaseUrl,
      tenantId: String(c.st.tenantId),
      clientId: c.st.clientId,
      clientSecret: c.st.clientSecret,
      appKey: c.st.appKey,
    },
    visma: {
      tokenUrl: c.visma.tokenUrl,
      apiBaseUrl: c.visma.apiBaseUrl,
      tenantId: company.tenantId,
      companyId: company.companyId,
      clientId: company.clientId,
      clientSecret: company.clientSecret,
    },
    modifiedOnOrAfter: since,
    customers: Object.fromEntries(links.map((l) => [l.st_id, l.visma_key])),
    fallbackCustomer: links[0]?.visma_key ?? '10001',
  };
}

/** Prints engine and minimal-loop CPU per posted invoice, the ratio, and the CLI's disk bytes per posted invoice. */
export async function minimalLoopScenario(n: number): Promise<void> {
  const c = await company(125, 40, 0);
  try {
    await c.sync('cli');
    const since = new Date().toISOString();
    for (let i = 0; i < n; i++) c.st.addInvoice();
    const job = loopJob(c, since);
    c.db.close();
    const config = join(c.dir, 'config.json');
    writeFileSync(config, JSON.stringify(c.config));
    const before = ledgerBytes(c.dir);
    const engine = await runCliChild(['sync', '--config', config, '--data-dir', c.dir]);
    const grown = ledgerBytes(c.dir) - before;
    writeFileSync(join(c.dir, 'loop.json'), JSON.stringify(job));
    const loop = await runChild<LoopResult>([
      '--import',
      'tsx',
      'scripts/minimal-posting-loop.ts',
      join(c.dir, 'loop.json'),
    ]);
    const posted = engine.summary.documents.invoices.posted;
    const enginePer = (engine.summary.resources.cpuSeconds / posted) * 1000;
    const loopPer = (loop.summary.cpuSeconds / loop.summary.posted) * 1000;
    const written = (engine.probe.io.write_bytes ?? 0) / posted / 1024;
    console.log(`\nPosting cost: ${n} new invoices, the CLI (child process) against a minimal posting loop:`);
    console.log(
      `  engine: ${posted} posted, ${engine.summary.documents.invoices.released} released; run CPU ${engine.summary.resources.cpuSeconds.toFixed(2)} s = ${enginePer.toFixed(2)} ms per posted invoice; ${engine.summary.calls.visma} Visma calls`,
    );
    console.log(
      `  minimal loop: ${loop.summary.posted} posted, ${loop.summary.released} released, ${loop.summary.failed} refused; CPU ${loop.summary.cpuSeconds.toFixed(2)} s = ${loopPer.toFixed(2)} ms per posted invoice`,
    );
    console.log(
      `  engine / minimal loop CPU per posted invoice: ${(enginePer / loopPer).toFixed(2)}× (target ≤ 1.5×)`,
    );
    console.log(
      `  disk written by the CLI per posted invoice: ${written.toFixed(1)} KiB (kernel write_bytes; target ≤ 30 KiB), ${((engine.probe.io.wchar ?? 0) / posted / 1024).toFixed(1)} KiB by write calls; ledger files grew ${(grown / posted / 1024).toFixed(1)} KiB per invoice`,
    );
  } finally {
    await c.stop();
  }
}
