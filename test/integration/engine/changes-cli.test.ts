import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { listReview } from '../../../main/engine/review';
import { listOutbox } from '../../../main/engine/outbox/store';
import { expectNoDuplicates, vismaDocuments } from './checks';
import { configFor, startHarness, type Harness } from './harness';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
type Item = { total: string; price: string; quantity: string; generalLedgerAccount: { number: string } };

describe('changes after posting, and the CLI', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('corrects an unreleased (held) document in place and flags a released one with a field-by-field difference', async () => {
    h = await startHarness({
      st: { invoices: 120, bills: 5 },
      sync: { holdingAccount: '2900' },
      mappings: false,
    });
    const { importMappings } = await import('../../../main/engine/mapping/rule-store');
    importMappings(
      h.db,
      h.config.id,
      { ...SEED_MAPPINGS, rules: { ...SEED_MAPPINGS.rules, revenueByGlAccount: {} } },
      'system',
    );
    await h.sync();
    const rows = listOutbox(h.db, h.config.id);
    const held = rows.find((r) => r.state === 'posted' && r.held && r.sourceKind === 'invoice')!;
    const released = rows.find((r) => r.state === 'exported' && r.sourceKind === 'invoice')!;
    const countBefore = vismaDocuments(h).length;

    for (const row of [held, released]) {
      const inv = h.st.get('invoices', Number(row.stId))!;
      const items = structuredClone(inv.items as Item[]);
      items[0]!.total = money(items[0]!.total).plus(100).toFixed(2);
      items[0]!.price = items[0]!.total;
      items[0]!.quantity = '1';
      h.st.modify('invoices', Number(row.stId), { items });
    }
    await h.sync();
    expect(vismaDocuments(h).length).toBe(countBefore);
    expectNoDuplicates(h);
    const heldDoc = vismaDocuments(h).find((d) => d.referenceNumber === held.vismaDocNumber)!;
    expect(heldDoc.amount).toBe(money(String(h.st.get('invoices', Number(held.stId))!.total)).toFixed(2));
    const flagged = listReview(h.db, h.config.id).find((r) => r.id === released.id)!;
    expect(flagged.reason).toBe('changed_after_posting');
    const details = flagged.details as { differences: { field: string; before: string; after: string }[] };
    expect(details.differences.map((d) => d.field)).toContain('total');
  });

  it('`sync --json` prints the summary; bad credentials end with a plain message and a non-zero exit', async () => {
    h = await startHarness({ st: { invoices: 10, bills: 2 }, mappings: false });
    const dir = mkdtempSync(join(tmpdir(), 'st-visma-cli-'));
    try {
      const good = join(dir, 'good.json');
      const bad = join(dir, 'bad.json');
      const config = configFor(h.st, h.visma);
      writeFileSync(good, JSON.stringify(config));
      writeFileSync(
        bad,
        JSON.stringify({ ...config, visma: { ...config.visma, clientSecret: 'wrong-secret' } }),
      );
      const cli = (...args: string[]) =>
        run(process.execPath, [join(root, 'bin/st-visma.mjs'), ...args, '--data-dir', dir], { cwd: root });
      const out = await cli('sync', '--config', good, '--json');
      const summary = JSON.parse(out.stdout) as {
        status: string;
        documents: { invoices: { seen: number } };
        calls: { visma: number };
      };
      expect(summary).toMatchObject({ status: 'completed', documents: { invoices: { seen: 10 } } });
      expect(summary.calls.visma).toBeGreaterThan(0);
      const review = JSON.parse((await cli('review', '--config', good, '--json')).stdout) as unknown[];
      expect(Array.isArray(review)).toBe(true);
      // A run with nothing to do makes no Visma call at all (issue 15): give it an invoice to post.
      h.st.addInvoice();
      const failure = await cli('sync', '--config', bad).then(
        () => undefined,
        (err: { code: number; stderr: string }) => err,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/^st-visma: Visma: /);
      expect(failure?.stderr).not.toContain('wrong-secret');
      const badFile = join(dir, 'mappings.json');
      writeFileSync(
        badFile,
        JSON.stringify({ format: 'st-visma-mappings', version: 1, rules: { revenueBySku: { '1': {} } } }),
      );
      const refused = await cli('mappings', 'import', badFile, '--config', good).then(
        () => undefined,
        (err: { code: number; stderr: string }) => err,
      );
      expect(refused?.stderr).toMatch(/mapping file is not valid: rules\.revenueBySku\.1\.account/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
