import { afterEach, describe, expect, it } from 'vitest';
import { reviewDetail } from '../../../main/api/queries/review-detail';
import { reviewList } from '../../../main/api/queries/review-list';
import { loadRules, importMappings } from '../../../main/engine/mapping/rule-store';
import type { MappingFile } from '../../../main/engine/mapping/rules';
import { replay } from '../../../main/engine/review';
import { fixHeldDocument } from '../../../main/engine/review-fix';
import { listAudit } from '../../../main/storage/audit';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';
import { expectNoDuplicates } from './checks';
import { startHarness, type Harness } from './harness';
import { vismaCall } from './visma-official';

/** The seed mappings without the rule for ServiceTitan's discount account 3080 (absent in the Visma chart). */
const WITHOUT_DISCOUNT_RULE: MappingFile = {
  ...SEED_MAPPINGS,
  rules: { ...SEED_MAPPINGS.rules, revenueByGlAccount: {} },
};

interface OfficialInvoice {
  status: string;
  hold: boolean;
  invoiceLines: { account: { number: string } }[];
}

describe('fixing a held document in the review queue (issue 14, acceptance 2)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('picks the account for the line, saves the rule, corrects the held invoice in Visma and releases it once', async () => {
    h = await startHarness({
      st: { invoices: 120, bills: 10 },
      sync: { holdingAccount: '2900' },
      mappings: false,
    });
    importMappings(h.db, h.config.id, WITHOUT_DISCOUNT_RULE, 'system');
    await h.sync();
    const queue = reviewList(h.db, h.config.id, { kind: 'document', reason: 'holding_account', limit: 50 });
    const invoices = queue.items.filter((i) => i.sourceType === 'invoice');
    expect(invoices.length).toBeGreaterThan(1);
    const [first, second] = invoices as [(typeof invoices)[0], (typeof invoices)[0]];
    const detail = reviewDetail(h.db, h.config, first.id!)!;
    const holding = detail.visma!.lines.filter((l) => l.holding);
    expect(holding.length).toBeGreaterThan(0);
    const gl = detail.source.lines.find((l) => l.lineId === holding[0]!.sourceLineId)!.glAccountNumber;
    expect(gl).toBe('3080');
    const call = await vismaCall(h);
    const read = async (nr: string) =>
      (await (await call('GET', `/v1/customerinvoice/${nr}`)).json()) as OfficialInvoice;
    const before = await read(first.vismaDocNumber!);
    expect(before).toMatchObject({ status: 'Hold', hold: true });
    expect(before.invoiceLines.some((l) => l.account.number === '2900')).toBe(true);

    const deps = { db: h.db, visma: h.ports.visma, actor: 'user' as const };
    const pick = (account: string) => [
      { sourceLineId: holding[0]!.sourceLineId, account, rememberBy: 'gl' as const },
    ];
    // Refused before anything is saved or sent: inactive, unknown, and the holding account itself.
    await expect(fixHeldDocument(h.config, deps, first.id!, pick('3099'))).rejects.toThrow(/inactive/);
    await expect(fixHeldDocument(h.config, deps, first.id!, pick('3999'))).rejects.toThrow(/no account 3999/);
    await expect(fixHeldDocument(h.config, deps, first.id!, pick('2900'))).rejects.toThrow(/holding account/);
    expect(loadRules(h.db, h.config.id).revenueByGlAccount).toEqual({});

    const lines = holding.map((l) => ({
      sourceLineId: l.sourceLineId,
      account: '3000',
      rememberBy: 'gl' as const,
    }));
    const result = await fixHeldDocument(h.config, deps, first.id!, lines);
    expect(result).toMatchObject({ outcome: 'correct-in-place', state: 'released' });

    expect(loadRules(h.db, h.config.id).revenueByGlAccount).toEqual({ '3080': { account: '3000' } });
    const after = await read(first.vismaDocNumber!);
    expect(after).toMatchObject({ status: 'Open', hold: false });
    expect(after.invoiceLines.some((l) => l.account.number === '2900')).toBe(false);
    expect(after.invoiceLines.length).toBe(before.invoiceLines.length);

    const audit = listAudit(h.db, { profileId: h.config.id, limit: 500 });
    const ofDoc = audit.filter((e) => e.vismaDocNumber === first.vismaDocNumber);
    expect(ofDoc.filter((e) => e.action === 'document.corrected')).toHaveLength(1);
    expect(ofDoc.filter((e) => e.action === 'document.released')).toHaveLength(1);
    expect(ofDoc.find((e) => e.action === 'document.corrected')?.message).toMatch(
      /no longer on the holding account/,
    );
    expect(
      audit.some(
        (e) => e.action === 'mapping.changed' && /revenueByGlAccount "3080" set/.test(e.message ?? ''),
      ),
    ).toBe(true);
    const queueAfter = reviewList(h.db, h.config.id, {
      kind: 'document',
      reason: 'holding_account',
      limit: 50,
    });
    expect(queueAfter.items.some((i) => i.id === first.id)).toBe(false);

    // The rule serves every other line with that GL account: the next held invoice replays straight onto 3000.
    const [preview] = await replay(h.config, { db: h.db }, { id: second.id! }, { apply: false });
    expect(preview).toMatchObject({ outcome: 'correct-in-place' });
    expect(preview!.planned!.lines.some((l) => l.holding)).toBe(false);

    // A later sync neither posts nor releases the corrected invoice again.
    await h.sync();
    const again = listAudit(h.db, { profileId: h.config.id, limit: 1000 }).filter(
      (e) => e.vismaDocNumber === first.vismaDocNumber && e.action === 'document.released',
    );
    expect(again).toHaveLength(1);
    expectNoDuplicates(h);
  });
});
