import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SystemCalls } from '../../../main/engine/call-meter';
import { runFullSync, type FullSyncSummary } from '../../../main/engine/full-sync';
import { startHarness, type Harness } from './harness';

/** One full pass (alignment included) with both simulators' counters reset just before it. */
async function countedRun(h: Harness, trigger: 'cli' | 'manual' = 'cli'): Promise<FullSyncSummary> {
  h.st.resetCalls();
  h.visma.resetCounters();
  return runFullSync(h.config, { db: h.db, ports: h.ports, now: () => h.now() }, { trigger, actor: 'cli' });
}

function phaseSum(byPhase: Record<string, SystemCalls>): SystemCalls {
  return Object.values(byPhase).reduce(
    (a, c) => ({ servicetitan: a.servicetitan + c.servicetitan, visma: a.visma + c.visma }),
    { servicetitan: 0, visma: 0 },
  );
}

function expectHonest(h: Harness, summary: FullSyncSummary): void {
  const st = h.st.calls();
  const visma = h.visma.counters();
  expect(summary.calls.servicetitan, JSON.stringify(st.byEndpoint)).toBe(st.total);
  expect(summary.calls.visma, JSON.stringify(visma.byEndpoint)).toBe(visma.total);
  expect(summary.calls.tokens).toEqual({
    servicetitan: st.byEndpoint.token ?? 0,
    visma: visma.byEndpoint.token ?? 0,
  });
  expect(phaseSum(summary.calls.byPhase)).toEqual({ servicetitan: st.total, visma: visma.total });
}

describe('the calls a run reports are the calls the simulators counted (issue 15)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 80, bills: 30 } });
  });
  afterAll(() => h.stop());

  it('counts every call of a cold full pass by phase, alignment and tokens included', async () => {
    const summary = await countedRun(h);
    expectHonest(h, summary);
    expect(summary.documents.invoices.posted).toBeGreaterThan(0);
    expect(summary.calls.tokens.servicetitan).toBeGreaterThanOrEqual(1);
    expect(summary.calls.tokens.visma).toBeGreaterThanOrEqual(1);
    const phases = Object.keys(summary.calls.byPhase);
    expect(phases.slice(0, 2)).toEqual(['alignment', 'recover']);
    expect(phases).toEqual(expect.arrayContaining(['intake', 'post', 'release', 'export']));
    expect(summary.calls.byPhase.alignment!.visma).toBeGreaterThan(0);
    expect(summary.calls.byPhase.post!.visma).toBeGreaterThanOrEqual(summary.documents.invoices.posted);
    expect(summary.calls.byPhase.export!.servicetitan).toBeGreaterThan(0);
  });

  it('counts the calls of a run with nothing new the same way', async () => {
    const summary = await countedRun(h);
    expectHonest(h, summary);
    expect(summary.documents.invoices.posted + summary.documents.bills.posted).toBe(0);
    // Bills come once each: procurement and standalone from `ap-bills`, never again from `inventory-bills`.
    expect(h.st.calls().byEndpoint).toMatchObject({ ApBills_GetListPaginated: 2 });
    expect(h.st.calls().byEndpoint.InventoryBills_GetListPaginated).toBeUndefined();
  });

  it('counts the calls of new invoices posted in steady state the same way', async () => {
    for (let i = 0; i < 5; i++) h.st.addInvoice();
    const summary = await countedRun(h, 'manual');
    expectHonest(h, summary);
    expect(summary.documents.invoices.seen).toBeGreaterThanOrEqual(5);
  });
});
