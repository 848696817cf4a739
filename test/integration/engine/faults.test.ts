import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../main/storage/audit';
import { eligibleSources, expectAllPostedOrExplained, statesOf } from './checks';
import { startHarness, type Harness } from './harness';

describe('faults on both sides (acceptance 3)', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ st: { seed: 5, invoices: 200, bills: 50 }, visma: { seed: 5 } });
  });
  afterAll(() => h.stop());

  it('ends with zero duplicates and every document posted or explained despite commit-then-drop, 5xx, 429 and expired tokens', async () => {
    const eligible = eligibleSources(h);
    h.visma.injectFault({ kind: 'commit-then-drop', method: 'POST', share: 0.05 });
    h.visma.injectFault({ kind: 'status', status: 503, method: 'write', share: 0.05 });
    h.st.addFault({ kind: 'status', status: 429, retryAfter: 0, share: 0.1 });
    const expire = setInterval(() => h.st.revokeTokens(), 150);
    let summary;
    try {
      summary = await h.sync();
    } finally {
      clearInterval(expire);
      h.visma.clearFaults();
      h.st.clearFaults();
    }
    const { posted } = expectAllPostedOrExplained(h, eligible);
    const count = (action: string) => listAudit(h.db, { action, limit: 1000 }).length;
    // The faults really happened: uncertain writes were looked up and adopted (commit-then-drop) or re-sent (5xx).
    expect(count('document.uncertain')).toBeGreaterThan(3);
    expect(count('document.adopted')).toBeGreaterThan(0);
    expect(count('document.lookup')).toBeGreaterThan(0);
    expect(posted).toBeGreaterThan(0.6 * (eligible.invoices.length + eligible.bills.length));
    const states = statesOf(h);
    expect(states.posting ?? 0).toBe(0);
    expect(summary.documents.invoices.posted + summary.documents.bills.posted).toBe(posted);

    // A clean run afterwards finishes what the faults left half-way (releases, export marks) and adds nothing.
    await h.sync();
    expectAllPostedOrExplained(h, eligible);
    expect(Object.keys(statesOf(h)).sort()).toEqual(['blocked', 'exported']);
  });
});
