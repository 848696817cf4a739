import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../main/storage/audit';
import { listOutbox } from '../../../main/engine/outbox/store';
import { eligibleSources, expectAllPostedOrExplained, statesOf, vismaDocuments } from './checks';
import { startHarness, type Harness } from './harness';

describe('a seeded company of 500 invoices and 150 bills (acceptance 1, 7, 8)', () => {
  let h: Harness;
  let eligible: ReturnType<typeof eligibleSources>;

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 500, bills: 150 } });
    eligible = eligibleSources(h);
  });
  afterAll(() => h.stop());

  it('posts every eligible document exactly once with the right figures, or explains it in the review queue', async () => {
    const summary = await h.sync();
    const { posted, review } = expectAllPostedOrExplained(h, eligible);
    expect(posted).toBeGreaterThan(0.7 * (eligible.invoices.length + eligible.bills.length));
    expect(posted).toBe(summary.documents.invoices.posted + summary.documents.bills.posted);
    expect(review).toBe(summary.reviewQueue);
    expect(review).toBeGreaterThan(0);
    expect(summary.reviewAdded).toBe(review);
    expect(summary.documents.invoices.seen).toBe(500);
    expect(statesOf(h)).toEqual({ exported: posted, blocked: review });
  });

  it('creates nothing on a second sync', async () => {
    const before = vismaDocuments(h).length;
    const summary = await h.sync();
    expect(vismaDocuments(h).length).toBe(before);
    expect(summary.documents.invoices.posted + summary.documents.bills.posted).toBe(0);
    expect(summary.calls.visma).toBeLessThanOrEqual(6);
    // The same documents still wait: nothing new to tell anyone about.
    expect(summary.reviewQueue).toBeGreaterThan(0);
    expect(summary.reviewAdded).toBe(0);
  });

  it('shows the ServiceTitan number and time, the Visma number and the GL batch in every posted document’s audit trail', () => {
    const rows = listOutbox(h.db, h.config.id, ['exported']);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.glBatchNumber, `GL batch of ${row.sourceNumber}`).toBeTruthy();
      const trail = listAudit(h.db, { sourceId: row.stId, sourceType: row.sourceKind, limit: 50 });
      const complete = trail.find(
        (a) => a.sourceNumber && a.stModifiedOn && a.vismaDocNumber && a.glBatchNumber,
      );
      expect(complete, `audit trail of ${row.sourceKind} ${row.sourceNumber}`).toMatchObject({
        sourceNumber: row.sourceNumber,
        vismaDocNumber: row.vismaDocNumber,
        glBatchNumber: row.glBatchNumber,
      });
      const batch = h.visma.company().batches.get(row.glBatchNumber!);
      expect(batch?.lines.some((l) => l.referenceNumber === row.vismaDocNumber)).toBe(true);
    }
  });

  it('needs at most 2.05 Visma calls per posted invoice in steady state, counted by the simulator, presence lists included (lifecycle acceptance 7)', async () => {
    for (let i = 0; i < 300; i++) h.st.addInvoice();
    h.visma.resetCounters();
    const summary = await h.sync();
    const posted = summary.documents.invoices.posted;
    expect(posted).toBeGreaterThan(250);
    expect(summary.documents.bills.posted).toBe(0);
    const calls = h.visma.counters();
    process.stdout.write(
      `steady state: ${calls.total} Visma calls (simulator count) for ${posted} posted invoices = ${(calls.total / posted).toFixed(3)}; ${JSON.stringify(calls.byEndpoint)}\n`,
    );
    expect(calls.total).toBe(summary.calls.visma);
    expect(calls.total / posted).toBeLessThanOrEqual(2.05);
    expectAllPostedOrExplained(h, eligibleSources(h));
  });
});
