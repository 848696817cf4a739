/**
 * The call-cost scenarios of `npm run bench` (issue 15): a run with nothing new at a given number of customers, and
 * webhook-posted invoices one at a time. Every figure is the simulators' own count of the calls they received.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SystemCalls } from '../main/engine/call-meter';
import { connectProfile, type ConnectOptions } from '../main/engine/connect';
import type { ProgressEvent } from '../main/engine/pipeline/context';
import { SyncCoordinator } from '../main/engine/coordinator';
import { runFullSync, type FullSyncSummary } from '../main/engine/full-sync';
import { importMappings } from '../main/engine/mapping/rule-store';
import type { SyncSummary } from '../main/engine/run-sync';
import { webhookNeedsRun } from '../main/engine/webhook-events';
import { openLedger } from '../main/storage/ledger';
import { startWebhookReceiver } from '../main/webhooks/receiver';
import { configFor } from '../test/integration/engine/harness';
import { SEED_MAPPINGS } from '../test/simulators/seed-mappings';
import { startServiceTitanSimulator, type ServiceTitanSimulator } from '../test/simulators/servicetitan';
import { startVismaSimulator, type VismaSimulator } from '../test/simulators/visma';

const HMAC_KEY = 'bench-webhook-key-0123456789abcdef0123';

/** What the simulators counted, per system and endpoint. */
export interface Counted {
  servicetitan: { total: number; byEndpoint: Record<string, number> };
  visma: { total: number; byEndpoint: Record<string, number> };
}

function resetCounts(st: ServiceTitanSimulator, visma: VismaSimulator): void {
  st.resetCalls();
  visma.resetCounters();
}

function counts(st: ServiceTitanSimulator, visma: VismaSimulator): Counted {
  return { servicetitan: st.calls(), visma: visma.counters() };
}

/** Prints calls per system by phase (the run's own report) and the simulators' totals, which must agree. */
export function printCalls(label: string, calls: SyncSummary['calls'], counted?: Counted): void {
  const cell = (c: SystemCalls) => `${c.servicetitan} ST + ${c.visma} Visma`;
  console.log(`  ${label}`);
  const phases = Object.entries(calls.byPhase).filter(([, c]) => c.servicetitan + c.visma > 0);
  for (const [phase, c] of phases) console.log(`    ${phase.padEnd(12)} ${cell(c)}`);
  console.log(`    ${'tokens'.padEnd(12)} ${cell(calls.tokens)} (inside the phases above)`);
  console.log(`    ${'total'.padEnd(12)} ${calls.servicetitan} ST + ${calls.visma} Visma`);
  if (counted) {
    const agree = counted.servicetitan.total === calls.servicetitan && counted.visma.total === calls.visma;
    console.log(
      `    simulators counted ${counted.servicetitan.total} ST + ${counted.visma.total} Visma${agree ? '' : '  ← DIFFERS from the report'}`,
    );
  }
}

/** A seeded pair of simulators with a ledger and the engine's ports; Visma's call budget is practically unlimited unless given. */
export async function company(
  customers: number,
  invoices: number,
  bills: number,
  rateLimit = { budget: 1_000_000, windowSeconds: 3600 },
  connect: ConnectOptions = {},
) {
  const [st, visma] = await Promise.all([
    startServiceTitanSimulator({ seed: 1, invoices, bills, customers }),
    startVismaSimulator({ seed: 1, rateLimit }),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'st-visma-bench-calls-'));
  const config = configFor(st, visma);
  const db = openLedger(join(dir, 'ledger.sqlite'));
  importMappings(db, config.id, SEED_MAPPINGS, 'system');
  const ports = await connectProfile(config, undefined, connect);
  const sync = (
    trigger: 'cli' | 'schedule' | 'webhook' = 'schedule',
    ids: string[] = [],
    onProgress?: (p: ProgressEvent) => void,
  ) =>
    runFullSync(
      config,
      { db, ports, ...(onProgress && { onProgress }) },
      { trigger, actor: 'schedule', queuedInvoiceIds: ids },
    );
  return {
    st,
    visma,
    config,
    db,
    dir,
    sync,
    async stop() {
      db.close();
      await Promise.all([st.stop(), visma.stop()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A run with nothing new, in one engine process as the app and `serve` run it (the tokens of the earlier run still
 * valid), after a cold first run at `customers` customers.
 */
export async function noChangeScenario(customers: number): Promise<void> {
  const c = await company(customers, 240, 40);
  try {
    const cold: FullSyncSummary = await c.sync('cli');
    console.log(
      `\nNo-change run at ${customers} customers (after a cold run that posted ${cold.documents.invoices.posted + cold.documents.bills.posted} documents):`,
    );
    resetCounts(c.st, c.visma);
    const second = await c.sync('schedule');
    printCalls('scheduled run, nothing new:', second.calls, counts(c.st, c.visma));
    console.log(`    alignment ran: ${second.masterData ? 'yes' : 'no (its cadence is daily)'}`);
  } finally {
    await c.stop();
  }
}

/**
 * `n` invoices, each posted through its own webhook: the simulator's event reaches the real receiver, whose dispatch
 * starts a run for it; the `tn.acc.invoice-exported` event our mark-exported causes comes back the same way.
 */
export async function webhookScenario(n: number): Promise<void> {
  const c = await company(125, 240, 40);
  const runs: SyncSummary[] = [];
  let started = undefined as Promise<SyncSummary> | undefined;
  const receiver = await startWebhookReceiver({
    db: c.db,
    profileId: c.config.id,
    hmacKey: HMAC_KEY,
    onInvoice: (id) => {
      if (webhookNeedsRun(c.db, c.config.id, id, new Date())) started = coordinator.trigger('webhook', [id]);
    },
  });
  const coordinator = new SyncCoordinator(async (options) => {
    const summary = await runFullSync(
      c.config,
      { db: c.db, ports: await connectProfile(c.config) },
      { ...options, actor: 'webhook' },
    );
    runs.push(summary);
    return summary;
  });
  try {
    await c.sync('cli');
    c.st.configureWebhook({ url: receiver.url, hmacKey: HMAC_KEY });
    resetCounts(c.st, c.visma);
    const latencies: number[] = [];
    let posted = 0;
    for (let i = 0; i < n; i++) {
      const sent = process.hrtime.bigint();
      // Adding an invoice makes the simulator send its `tn.acc.invoice-posted` event.
      const invoice = c.st.addInvoice();
      await c.st.flushWebhooks();
      await new Promise((r) => setImmediate(r));
      if (!started) throw new Error(`The webhook of invoice ${invoice.id} started no run.`);
      const summary = await started;
      started = undefined;
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
      posted += summary.documents.invoices.posted;
      await c.st.flushWebhooks();
      await coordinator.whenIdle();
    }
    await coordinator.whenIdle();
    const counted = counts(c.st, c.visma);
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.min(latencies.length - 1, Math.ceil(latencies.length * 0.95) - 1)]!;
    console.log(
      `\nWebhook scenario: ${n} invoices, one webhook each (${posted} posted, ${runs.length} runs):`,
    );
    console.log(
      `  per invoice: ${(counted.visma.total / n).toFixed(2)} Visma, ${(counted.servicetitan.total / n).toFixed(2)} ServiceTitan calls (simulator counts)`,
    );
    console.log(`  ServiceTitan: ${JSON.stringify(counted.servicetitan.byEndpoint)}`);
    console.log(`  Visma: ${JSON.stringify(counted.visma.byEndpoint)}`);
    console.log(`  webhook → run done p95: ${p95.toFixed(0)} ms (engine in the bench process)`);
  } finally {
    await receiver.close();
    await coordinator.whenIdle();
    await c.stop();
  }
}

/** A cold sync of AP bills only: Visma calls per posted, released bill, by the simulator's count. */
export async function billsScenario(bills: number): Promise<void> {
  const c = await company(125, 0, bills);
  try {
    resetCounts(c.st, c.visma);
    const summary = await c.sync('cli');
    const counted = counts(c.st, c.visma);
    const { posted, released } = summary.documents.bills;
    const byEndpoint = counted.visma.byEndpoint;
    const perBill =
      (byEndpoint.SupplierInvoice_Post ?? 0) +
      (byEndpoint.SupplierInvoice_ReleaseInvoiceByinvoiceNumber ?? 0);
    console.log(`\nAP bills only, cold sync of ${bills} bills (${posted} posted, ${released} released):`);
    console.log(
      `  Visma calls per posted bill, everything included: ${(counted.visma.total / posted).toFixed(2)}`,
    );
    console.log(
      `  of which create + release: ${(perBill / posted).toFixed(2)}; lists, master data and tokens: ${((counted.visma.total - perBill) / posted).toFixed(2)}`,
    );
    console.log(`  Visma: ${JSON.stringify(byEndpoint)}`);
  } finally {
    await c.stop();
  }
}
