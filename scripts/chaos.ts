/**
 * `npm run chaos`: the real CLI (`st-visma sync` in a child process) against both simulators on 127.0.0.1, killed
 * with SIGKILL at random moments (≥ 100 times) while faults hit ≥ 10 % of the Visma and ServiceTitan calls — answers
 * slower than the client timeout, commit-then-drop, drops, 5xx, 429 with Retry-After, token revocation, token-endpoint
 * 5xx/429, creates answered without Location, queued releases — and new documents keep arriving. Then faults stop,
 * clean syncs finish the work, and the end state is compared, through the simulators' official endpoints only, with
 * a reference company that synced the same documents without any chaos. Prints figures; it is not a test.
 *
 *   CHAOS_KILLS (100)   CHAOS_SEED (7)   CHAOS_INVOICES (240)   CHAOS_BILLS (60)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importMappings } from '../main/engine/mapping/rule-store';
import { openLedger } from '../main/storage/ledger';
import { configFor } from '../test/integration/engine/harness';
import { listViaApi, type ListedDocument } from '../test/integration/engine/api-checks';
import { SEED_MAPPINGS } from '../test/simulators/seed-mappings';
import { startServiceTitanSimulator, type ServiceTitanSimulator } from '../test/simulators/servicetitan';
import { startVismaSimulator, type VismaSimulator } from '../test/simulators/visma';
import { ANCHORED } from '../test/support/test-day';

const KILLS = Number(process.env.CHAOS_KILLS ?? 100);
const SEED = Number(process.env.CHAOS_SEED ?? 7);
const INVOICES = Number(process.env.CHAOS_INVOICES ?? 240);
const BILLS = Number(process.env.CHAOS_BILLS ?? 60);
const root = join(import.meta.dirname, '..');
/** The child's Visma timeout and landing grace: slow faults (3.5 s) outlast the timeout and land within the grace. */
const TIMEOUTS = { requestTimeoutSeconds: 2, landingGraceSeconds: 8 };
const SLOW_MS = 3500;

/** A seeded generator for kill moments (xorshift32). */
function generator(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

/** A company (both simulators, a data folder with the seed mappings, a config file) ready to sync. */
interface Company {
  st: ServiceTitanSimulator;
  visma: VismaSimulator;
  dir: string;
  args: string[];
  config: ReturnType<typeof configFor>;
  stop(): Promise<void>;
}

async function company(name: string): Promise<Company> {
  const [st, visma] = await Promise.all([
    startServiceTitanSimulator({ seed: SEED, invoices: INVOICES, bills: BILLS, ...ANCHORED.st }),
    startVismaSimulator({ seed: SEED, ...ANCHORED.visma }),
  ]);
  const dir = mkdtempSync(join(tmpdir(), `st-visma-chaos-${name}-`));
  const config = configFor(st, visma, { concurrency: 4 });
  config.visma = { ...config.visma, ...TIMEOUTS };
  writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
  const db = openLedger(join(dir, 'ledger.sqlite'));
  importMappings(db, config.id, SEED_MAPPINGS, 'system');
  db.close();
  return {
    st,
    visma,
    dir,
    config,
    args: ['sync', '--config', join(dir, 'config.json'), '--data-dir', dir],
    async stop() {
      await Promise.all([st.stop().catch(() => undefined), visma.stop().catch(() => undefined)]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs the CLI once; with `killWhen`, kills it (SIGKILL, no cleanup) the moment that turns true. */
function runCli(
  args: string[],
  killWhen?: () => boolean,
): Promise<{ killed: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/st-visma.mjs'), ...args], { cwd: root });
    let stderr = '';
    let killed = false;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const timer = killWhen
      ? setInterval(() => {
          if (!killWhen()) return;
          killed = child.kill('SIGKILL');
          clearInterval(timer);
        }, 2)
      : undefined;
    child.on('error', reject);
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      resolve({ killed, code, stderr });
    });
  });
}

/** Calls both simulators have received so far (their own counters). */
const callsOf = (c: Company) => c.visma.counters().total + c.st.calls().total;

/** New work arriving during the chaos (the reference gets the same documents). */
function addWork(c: Company, round: number): void {
  for (let i = 0; i < 8; i++) c.st.addInvoice();
  if (round % 2 === 0) c.st.addInvoice({ total: '0.00', subTotal: '0.00', salesTax: '0.00', items: [] });
}

function injectFaults(c: Company): void {
  const v = c.visma;
  v.injectFault({ kind: 'slow', delayMs: SLOW_MS, method: 'POST', share: 0.03 });
  v.injectFault({ kind: 'commit-then-drop', method: 'write', share: 0.03 });
  v.injectFault({ kind: 'drop', share: 0.02 });
  v.injectFault({ kind: 'status', status: 503, share: 0.03 });
  v.injectFault({ kind: 'status', status: 429, retryAfter: 1, share: 0.02 });
  v.injectFault({ kind: 'no-location', method: 'POST', share: 0.03 });
  v.injectFault({ kind: 'status', status: 503, pathIncludes: '/connect/token', share: 0.2 });
  v.injectFault({ kind: 'status', status: 429, retryAfter: 1, pathIncludes: '/connect/token', share: 0.1 });
  v.setRelease({ mode: 'queued', share: 0.5, delayMs: 1500 });
  const s = c.st;
  s.addFault({ kind: 'status', status: 503, share: 0.04 });
  s.addFault({ kind: 'status', status: 429, retryAfter: 1, share: 0.04 });
  s.addFault({ kind: 'drop', share: 0.02 });
  s.addFault({ kind: 'status', status: 503, pathIncludes: 'connect/token', share: 0.2 });
}

function clearFaults(c: Company): void {
  c.visma.clearFaults();
  c.st.clearFaults();
}

/** Clean runs, a landing grace apart, until one leaves Visma as the previous one did (read through its endpoints). */
async function settle(c: Company): Promise<number> {
  let last = '';
  for (let runs = 1; runs <= 8; runs++) {
    const done = await runCli(c.args);
    if (done.code !== 0) throw new Error(`A clean sync failed: ${done.stderr}`);
    const state = JSON.stringify((await listViaApi(c)).map((d) => [d.marker, d.number, d.status]).sort());
    if (state === last) return runs;
    last = state;
    await new Promise((resolve) => setTimeout(resolve, (TIMEOUTS.landingGraceSeconds + 1) * 1000));
  }
  return 8;
}

/** Compares the chaos company with the reference, through the official endpoints. */
async function compare(chaos: Company, reference: Company) {
  const mine = await listViaApi(chaos);
  const theirs = await listViaApi(reference);
  const byMarker = (docs: ListedDocument[]) => {
    const m = new Map<string, ListedDocument[]>();
    for (const d of docs)
      m.set(d.marker ?? `(none) ${d.number}`, [...(m.get(d.marker ?? `(none) ${d.number}`) ?? []), d]);
    return m;
  };
  const got = byMarker(mine);
  const expected = byMarker(theirs);
  const duplicates = [...got.values()].filter((d) => d.length > 1).length;
  const lost = [...expected.keys()].filter((k) => !got.has(k));
  const unexplained: string[] = [];
  for (const [marker, docs] of got) {
    const ref = expected.get(marker)?.[0];
    const doc = docs[0]!;
    if (!ref) unexplained.push(`${marker}: in Visma, not in the reference`);
    else if (ref.amount !== doc.amount)
      unexplained.push(`${marker}: amount ${doc.amount}, reference ${ref.amount}`);
    else if (ref.status !== doc.status)
      unexplained.push(`${marker}: status ${doc.status}, reference ${ref.status}`);
  }
  const exported = (c: Company) =>
    new Set(
      c.st
        .records('invoices')
        .filter((i) => i.syncStatus === 'Exported')
        .map((i) => String(i.id)),
    );
  const stMine = exported(chaos);
  for (const id of exported(reference))
    if (!stMine.has(id)) unexplained.push(`invoice ${id}: not marked exported`);
  for (const id of stMine)
    if (!exported(reference).has(id)) unexplained.push(`invoice ${id}: marked exported, reference not`);
  return { duplicates, lost, unexplained, documents: mine.length };
}

const random = generator(SEED);
const chaos = await company('run');
const reference = await company('reference');
try {
  injectFaults(chaos);
  let kills = 0;
  let runs = 0;
  let round = 0;
  const revoke = setInterval(() => chaos.st.revokeTokens(), 2500);
  const started = Date.now();
  while (kills < KILLS) {
    if (runs % 3 === 0) {
      addWork(chaos, round);
      addWork(reference, round);
      round++;
    }
    // Killed after a random number of calls into the run (so every phase gets hit), or at a random moment.
    const from = callsOf(chaos);
    const afterCalls = 1 + Math.floor(random() * 45);
    const end = await runCli(chaos.args, () => callsOf(chaos) - from >= afterCalls);
    runs++;
    if (end.killed) kills++;
    if (runs % 20 === 0) console.log(`  … ${runs} runs, ${kills} kills, ${callsOf(chaos)} calls`);
  }
  clearInterval(revoke);
  const faults = chaos.visma.faultsApplied() + chaos.st.faultsApplied();
  const calls = callsOf(chaos);
  clearFaults(chaos);
  chaos.visma.setRelease({ mode: 'queued', share: 0.3, delayMs: 300 });
  const cleanRuns = await settle(chaos);
  const referenceRuns = await settle(reference);
  const result = await compare(chaos, reference);
  const violations = chaos.visma.violations().length + chaos.st.unexpectedViolations().length;
  console.log(
    `chaos: ${runs} runs in ${Math.round((Date.now() - started) / 1000)} s, ${calls} simulator calls of which ${Math.round((faults / Math.max(1, calls)) * 100)} % faulted, ${cleanRuns} clean runs after (reference ${referenceRuns}), ${result.documents} documents in Visma`,
  );
  for (const line of [...result.lost.map((k) => `lost: ${k}`), ...result.unexplained].slice(0, 20))
    console.log(`  ${line}`);
  if (violations > 0) console.log(`  ${violations} answers or requests broke the official API descriptions`);
  console.log(
    `kills=${kills} faults=${faults} duplicates=${result.duplicates} lost=${result.lost.length} unexplained=${result.unexplained.length}`,
  );
  process.exitCode =
    result.duplicates + result.lost.length + result.unexplained.length + violations === 0 ? 0 : 1;
} finally {
  await Promise.all([chaos.stop(), reference.stop()]);
}
