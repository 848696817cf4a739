import { afterEach, describe, expect, it } from 'vitest';
import { createVismaClient } from '../../../main/visma';
import { expectNoDuplicatesViaApi } from './api-checks';
import { startHarness, type Harness } from './harness';

/** Visma's financial periods, read through its own endpoint. */
async function periodsViaApi(h: Harness) {
  const client = createVismaClient({ ...h.config.visma, clientSecret: h.config.visma.clientSecret! });
  return client.listFinancialPeriods();
}

describe("documents land in Visma's own financial periods (simulator acceptance 6)", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it.each<[string, { startMonth?: number; adjustmentPeriod?: boolean }]>([
    ['a financial year that starts in July', { startMonth: 7 }],
    ['a year with a 13th adjustment period', { adjustmentPeriod: true }],
    ['a July year with 13 periods', { startMonth: 7, adjustmentPeriod: true }],
  ])('%s: each document is in the period whose days hold its local date', async (_name, calendar) => {
    h = await startHarness({ st: { invoices: 40, bills: 12 }, visma: { calendar } });
    await h.sync();
    const periods = await periodsViaApi(h);
    const docs = [...(await expectNoDuplicatesViaApi(h)).values()];
    expect(docs.length).toBeGreaterThan(15);
    for (const doc of docs) {
      const holding = periods.filter(
        (p) =>
          p.startDate! <= doc.date &&
          doc.date <= p.endDate! &&
          p.startDate !== p.endDate &&
          !p.period.endsWith('13'),
      );
      expect(holding, `one regular period holds ${doc.date}`).toHaveLength(1);
      expect(doc.financialPeriod, `${doc.kind} ${doc.number} of ${doc.date}`).toBe(holding[0]!.period);
    }
    // The seed's documents are from April to June 2026: in a July–June year they are in its last quarter, not "2026-0x".
    if (calendar.startMonth === 7)
      expect(docs.every((d) => d.financialPeriod !== `${d.date.slice(0, 4)}${d.date.slice(5, 7)}`)).toBe(
        true,
      );
  });
});
