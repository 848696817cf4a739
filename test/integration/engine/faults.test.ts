import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../main/storage/audit';
import {
  eligibleSources,
  expectAllPostedOrExplained,
  expectNoDuplicates,
  statesOf,
  vismaDocuments,
} from './checks';
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
    expectNoDuplicates(h);
    const count = (action: string) => listAudit(h.db, { action, limit: 1000 }).length;
    // The faults really happened: writes without a clear answer wait, never sent again blindly.
    expect(count('document.uncertain')).toBeGreaterThan(3);
    const states = statesOf(h);
    expect(states.posting ?? 0).toBe(0);
    expect(states.uncertain ?? 0).toBeGreaterThan(0);
    // Visma holds what was posted plus what landed without an answer (commit-then-drop), nothing else.
    const postedFirst = summary.documents.invoices.posted + summary.documents.bills.posted;
    expect(vismaDocuments(h).length).toBeGreaterThan(postedFirst);
    expect(vismaDocuments(h).length).toBeLessThanOrEqual(postedFirst + (states.uncertain ?? 0));

    // A run within the landing grace sends nothing again: what landed is adopted, the rest keeps waiting.
    await h.sync();
    expectNoDuplicates(h);
    expect(count('document.adopted')).toBeGreaterThan(0);

    // After the grace, what never arrived is sent again; a clean run finishes what the faults left half-way.
    h.afterGrace();
    await h.sync();
    const { posted } = expectAllPostedOrExplained(h, eligible);
    expect(count('document.lookup')).toBeGreaterThan(0);
    expect(posted).toBeGreaterThan(0.6 * (eligible.invoices.length + eligible.bills.length));
    expect(Object.keys(statesOf(h)).sort()).toEqual(['blocked', 'exported']);
  });
});
