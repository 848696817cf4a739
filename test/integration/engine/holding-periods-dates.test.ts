import { afterEach, describe, expect, it } from 'vitest';
import { closedPeriodWaiting } from '../../../main/api/queries/dashboard';
import { approveHolding, listReview } from '../../../main/engine/review';
import { listOutbox } from '../../../main/engine/outbox/store';
import type { MappingFile } from '../../../main/engine/mapping/rules';
import { importMappings } from '../../../main/engine/mapping/rule-store';
import { expectNoDuplicates, vismaDocuments, keyOf } from './checks';
import { startHarness, type Harness } from './harness';
import { SEED_MAPPINGS } from '../../simulators/seed-mappings';

/** The seed mappings without the rule for ServiceTitan's discount account 3080 (absent in the Visma chart). */
const WITHOUT_DISCOUNT_RULE: MappingFile = {
  ...SEED_MAPPINGS,
  rules: { ...SEED_MAPPINGS.rules, revenueByGlAccount: {} },
};

const discounted = (h: Harness) =>
  h.st
    .records('invoices')
    .filter(
      (i) =>
        i.syncStatus === 'Posted' &&
        (i.items as { generalLedgerAccount: { number: string } }[]).some(
          (it) => it.generalLedgerAccount.number === '3080',
        ),
    )
    .map((i) => String(i.id));

describe('holding account, closed periods, local dates', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('posts an unmapped line to the holding account, on hold and in the review queue; approving releases it (acceptance 4)', async () => {
    h = await startHarness({
      st: { invoices: 120, bills: 10 },
      sync: { holdingAccount: '2900' },
      mappings: false,
    });
    importMappings(h.db, h.config.id, WITHOUT_DISCOUNT_RULE, 'system');
    await h.sync();
    const held = listReview(h.db, h.config.id).filter((r) => r.reason === 'holding_account');
    expect(held.length).toBeGreaterThan(0);
    const ids = new Set(discounted(h));
    for (const item of held) {
      if (item.sourceType === 'invoice') expect(ids.has(item.stId)).toBe(true);
      const doc = vismaDocuments(h).find((d) => d.referenceNumber === item.vismaDocNumber)!;
      expect(doc.hold).toBe(true);
      expect(doc.lines.some((l) => l.accountNumber === '2900')).toBe(true);
      expect(item.text).toMatch(/holding account/);
    }
    const first = held[0]!;
    await approveHolding(h.config, { db: h.db, visma: h.ports.visma }, first.id);
    const doc = vismaDocuments(h).find((d) => d.referenceNumber === first.vismaDocNumber)!;
    expect(doc.status).toBe('Open');
    expect(listReview(h.db, h.config.id).some((r) => r.id === first.id)).toBe(false);
    expectNoDuplicates(h);
  });

  it('blocks without a holding account and posts with no manual step once the account exists in Visma (acceptance 4)', async () => {
    h = await startHarness({ st: { invoices: 120, bills: 10 }, mappings: false });
    importMappings(h.db, h.config.id, WITHOUT_DISCOUNT_RULE, 'system');
    await h.sync();
    const blocked = listReview(h.db, h.config.id).filter(
      (r) => r.reason === 'account_missing' && r.sourceType === 'invoice',
    );
    expect(blocked.length).toBeGreaterThan(0);
    expect(blocked[0]!.text).toMatch(/3080/);
    h.visma.createAccount({
      accountCD: '3080',
      description: 'Rabatter',
      type: 'Income',
      taxCategory: 'HIGH',
    });
    const summary = await h.sync();
    expect(summary.documents.invoices.posted).toBeGreaterThan(0);
    const byKey = expectNoDuplicates(h);
    const stillMissing = blocked.filter(
      (b) =>
        !byKey.has(keyOf(h!, 'invoice', b.stId)) &&
        listReview(h!.db, h!.config.id).find((r) => r.id === b.id)?.reason === 'account_missing',
    );
    expect(stillMissing).toEqual([]);
  });

  it('waits with period_closed and posts when the period is opened (acceptance 5)', async () => {
    h = await startHarness({ st: { invoices: 150, bills: 10 } });
    const closed = h.visma.companies[0]!.closedPeriod;
    await h.sync();
    const waiting = listReview(h.db, h.config.id).filter((r) => r.reason === 'period_closed');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting[0]!.text).toContain(closed);
    // The dashboard warns about them, naming the closed period.
    expect(closedPeriodWaiting(h.db, h.config.id)).toEqual({ count: waiting.length, periods: [closed] });
    expect(vismaDocuments(h).some((d) => d.kind !== 'supplierInvoice' && d.financialPeriod === closed)).toBe(
      false,
    );
    h.visma.setPeriodClosed(closed, false, 'all');
    await h.sync();
    expect(closedPeriodWaiting(h.db, h.config.id)).toBeNull();
    const byKey = expectNoDuplicates(h);
    for (const w of waiting) {
      const stillWaiting = listReview(h.db, h.config.id).find((r) => r.id === w.id);
      if (stillWaiting) expect(stillWaiting.reason).not.toBe('period_closed');
      else expect(byKey.get(keyOf(h, 'invoice', w.stId))?.financialPeriod).toBe(closed);
    }
  });

  it('dates a document of 23:30 UTC on a month’s last day in the next local month for Europe/Oslo (acceptance 6)', async () => {
    h = await startHarness({ st: { invoices: 20, bills: 2 } });
    const year = new Date().getUTCFullYear() - 1;
    const winter = h.st.addInvoice({ invoiceDate: `${year}-01-31T23:30:00Z` });
    const summer = h.st.addInvoice({ invoiceDate: `${year}-06-30T23:30:00Z` });
    await h.sync();
    const byKey = expectNoDuplicates(h);
    expect(byKey.get(keyOf(h, 'invoice', winter.id))).toMatchObject({
      date: `${year}-02-01`,
      financialPeriod: `${year}02`,
    });
    expect(byKey.get(keyOf(h, 'invoice', summer.id))).toMatchObject({
      date: `${year}-07-01`,
      financialPeriod: `${year}07`,
    });
    const rows = listOutbox(h.db, h.config.id).filter((r) => r.stId === String(winter.id));
    expect(rows[0]!.state).toBe('exported');
  });
});

describe('verification against ServiceTitan', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('puts a document whose Visma VAT differs from ServiceTitan’s sales tax in the review queue with both figures', async () => {
    h = await startHarness({ st: { invoices: 30, bills: 2 }, mappings: false });
    const rules = { ...SEED_MAPPINGS.rules, vatByTaxZone: { '301': { salesTaxable: '5' } } };
    importMappings(h.db, h.config.id, { ...SEED_MAPPINGS, rules }, 'system');
    await h.sync();
    const differences = listReview(h.db, h.config.id).filter((r) => r.reason === 'tax_difference');
    expect(differences.length).toBeGreaterThan(0);
    const first = differences[0]!;
    expect(first.state).toBe('exported');
    expect(first.text).toMatch(/ServiceTitan total [\d.]+, VAT [\d.]+; Visma total [\d.]+, VAT 0\.00/);
    expect(first.details).toMatchObject({ visma: { vat: '0.00' } });
  });
});
