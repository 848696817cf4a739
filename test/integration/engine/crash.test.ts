import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CRASH_POINTS } from '../../../main/engine/crash-point';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { listOutbox } from '../../../main/engine/outbox/store';
import { listReview } from '../../../main/engine/review';
import { openLedger } from '../../../main/storage/ledger';
import { startServiceTitanSimulator } from '../../simulators/servicetitan';
import { startVismaSimulator } from '../../simulators/visma';
import { sourceKeyOf } from './checks';
import { configFor } from './harness';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { ANCHORED } from '../../support/test-day';

const root = join(import.meta.dirname, '../../..');
const SMALL = { seed: 3, invoices: 30, bills: 12 };

/** How a crashed child ended. */
interface ChildEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs `st-visma sync` as a child; `onTick` may kill it (returns true once it did). */
function runCli(
  args: string[],
  env: Record<string, string> = {},
  killWhen?: () => boolean,
): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/st-visma.mjs'), 'sync', ...args], {
      env: { ...process.env, ...env },
      cwd: root,
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const timer = killWhen
      ? setInterval(() => {
          if (killWhen()) {
            child.kill('SIGKILL');
            clearInterval(timer);
          }
        }, 1)
      : undefined;
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearInterval(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** Rows whose create is still unanswered (waiting for the landing grace). */
function uncertainRows(file: string, profileId: string): number {
  const db = openLedger(file);
  try {
    return listOutbox(db, profileId, ['uncertain']).length;
  } finally {
    db.close();
  }
}

type Scenario = {
  name: string;
  env?: Record<string, string>;
  killAfterCommits?: { what: 'documents' | 'customers'; count: number };
};

const perDocument = new Set([
  'post.marked-posting',
  'post.after-create-sent',
  'post.marked-posted',
  'post.before-release',
  'post.after-release-sent',
  'post.marked-released',
]);
const perParty = new Set([
  'party.before-create',
  'party.after-create',
  'party.linked',
  'align.supplier.before-create',
  'align.supplier.after-create',
]);
const scenarios: Scenario[] = [
  ...CRASH_POINTS.map((p) => ({
    name: `${p}`,
    env: { ST_VISMA_CRASH_AT: `${p}:${perDocument.has(p) ? 5 : perParty.has(p) ? 3 : 1}` },
  })),
  { name: 'post.after-create-sent (first document)', env: { ST_VISMA_CRASH_AT: 'post.after-create-sent:1' } },
  { name: 'Visma committed document 1', killAfterCommits: { what: 'documents', count: 1 } },
  { name: 'Visma committed document 8', killAfterCommits: { what: 'documents', count: 8 } },
  { name: 'Visma committed customer 2', killAfterCommits: { what: 'customers', count: 2 } },
];

describe('crash safety: SIGKILL at every step of a run, then restart (acceptance 2)', () => {
  let reference: { posted: string[]; review: number; parties: number };

  beforeAll(async () => {
    // A run without crashes gives the expected final state.
    reference = await scenario({ name: 'reference' });
  });

  async function scenario(
    s: Scenario,
  ): Promise<{ posted: string[]; review: number; parties: number; crash?: ChildEnd }> {
    const [st, visma] = await Promise.all([
      startServiceTitanSimulator({ ...SMALL, ...ANCHORED.st }),
      startVismaSimulator({ seed: 3, ...ANCHORED.visma }),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'st-visma-crash-'));
    try {
      // A short landing grace: a killed run's unanswered creates may be sent again 6 s after they were sent.
      const config = configFor(st, visma, { concurrency: 3 });
      config.visma = { ...config.visma, requestTimeoutSeconds: 3, landingGraceSeconds: 6 };
      writeFileSync(join(dir, 'config.json'), JSON.stringify(config));
      const seedDb = openLedger(join(dir, 'ledger.sqlite'));
      importMappings(seedDb, config.id, SEED_MAPPINGS, 'system');
      seedDb.close();
      const args = ['--config', join(dir, 'config.json'), '--data-dir', dir];
      const company = visma.company();
      const baseCustomers = company.customers.size;
      let crash: ChildEnd | undefined;
      if (s.env || s.killAfterCommits) {
        const k = s.killAfterCommits;
        const killWhen = k
          ? () =>
              (k.what === 'documents' ? company.documents.size : company.customers.size - baseCustomers) >=
              k.count
          : undefined;
        crash = await runCli(args, s.env ?? {}, killWhen);
      }
      const finished = await runCli(args);
      expect(finished.code, finished.stderr).toBe(0);
      // Creates the kill left unanswered are settled by a run after the landing grace.
      for (let i = 0; i < 3 && uncertainRows(join(dir, 'ledger.sqlite'), config.id) > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, (config.visma.landingGraceSeconds! + 1) * 1000));
        const again = await runCli(args);
        expect(again.code, again.stderr).toBe(0);
      }
      const db = openLedger(join(dir, 'ledger.sqlite'));
      try {
        const keys = [...company.documents.values()].map(sourceKeyOf);
        expect(keys.length - new Set(keys).size, 'duplicates in Visma').toBe(0);
        const states = listOutbox(db, config.id).map((r) => r.state);
        expect(
          states.filter((x) => !['exported', 'blocked'].includes(x)),
          'rows left unfinished',
        ).toEqual([]);
        return {
          posted: keys.map(String).sort(),
          review: listReview(db, config.id).length,
          parties: company.customers.size + company.suppliers.size,
          ...(crash && { crash }),
        };
      } finally {
        db.close();
      }
    } finally {
      await Promise.all([st.stop(), visma.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('has a meaningful reference run', () => {
    expect(reference.posted.length).toBeGreaterThan(10);
    expect(reference.review).toBeGreaterThan(0);
  });

  it('covers at least 20 kill points', () => expect(scenarios.length).toBeGreaterThanOrEqual(20));

  it.each(scenarios.map((s) => [s.name, s] as const))(
    'killed at %s: no duplicates, nothing missing after restart',
    async (_name, s) => {
      const result = await scenario(s);
      expect(result.crash?.signal, `the run was killed (${result.crash?.stderr ?? ''})`).toBe('SIGKILL');
      expect(result.posted).toEqual(reference.posted);
      expect(result.review).toBe(reference.review);
      expect(result.parties, 'customers and suppliers created twice').toBe(reference.parties);
    },
  );
});
