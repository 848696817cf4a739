import { afterEach, describe, expect, it } from 'vitest';
import { RELEASE_FOLLOW_LIMIT_MS } from '../../../main/engine/lifecycle/document-lifecycle';
import { listOutbox } from '../../../main/engine/outbox/store';
import { listReview } from '../../../main/engine/review';
import { expectNoDuplicatesViaApi, type ListedDocument } from './api-checks';
import { keyOf } from './checks';
import { startHarness, type Harness } from './harness';
import { documentKey } from '../../simulators/visma/model';

/** ServiceTitan invoices (read from the simulator's own records) marked exported, by marker. */
function exportedInServiceTitan(h: Harness): Set<string> {
  return new Set(
    h.st
      .records('invoices')
      .filter((i) => i.syncStatus === 'Exported')
      .map((i) => keyOf(h, 'invoice', String(i.id))),
  );
}

const released = (d: ListedDocument) => d.status === 'Open' || d.status === 'Closed';

describe('queued releases are followed to their end (lifecycle acceptance 4, simulator acceptance 5)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.stop();
    h = undefined;
  });

  it('with every release queued, one sync still ends with each document released, verified and exported exactly once', async () => {
    h = await startHarness({
      st: { invoices: 40, bills: 10 },
      visma: { release: { mode: 'queued', share: 1, delayMs: 300 } },
    });
    const summary = await h.sync();
    const docs = await expectNoDuplicatesViaApi(h);
    expect(docs.size).toBeGreaterThan(20);
    const exported = exportedInServiceTitan(h);
    const rows = listOutbox(h.db, h.config.id);
    expect(rows.filter((r) => r.state === 'releasing' || (r.state === 'posted' && !r.held))).toEqual([]);
    for (const [marker, doc] of docs) {
      const row = rows.find((r) => r.externalReference === marker)!;
      if (row.held) continue;
      expect(released(doc), `${marker} released in Visma`).toBe(true);
      expect(row.state).toBe('exported');
      expect(row.verified).toBe(true);
      if (row.sourceKind === 'invoice')
        expect(exported.has(marker), `${marker} exported in ServiceTitan`).toBe(true);
    }
    expect(summary.documents.invoices.exported + summary.documents.bills.exported).toBeGreaterThan(20);
  });

  it('a queued release that completes later ends exported; one that never completes ends in review; neither is marked exported before Visma reports it released', async () => {
    // Queued for an hour of Visma's time: nothing completes during the first run.
    h = await startHarness({
      st: { invoices: 30, bills: 0 },
      visma: { release: { mode: 'queued', share: 1, delayMs: 3_600_000 } },
    });
    await h.sync();
    const first = await expectNoDuplicatesViaApi(h);
    const queued = [...first.values()].filter((d) => d.status === 'Balanced');
    expect(queued.length).toBeGreaterThan(5);
    const exportedEarly = exportedInServiceTitan(h);
    for (const d of queued)
      expect(exportedEarly.has(d.marker!), `${d.marker} exported while unreleased`).toBe(false);
    expect(listOutbox(h.db, h.config.id, ['releasing']).length).toBe(queued.length);

    // One of them never completes; Visma finishes the others.
    const stuck = queued[0]!;
    // Its queued release loses its due time: Visma never finishes it.
    h.visma.company().documents.get(documentKey(stuck.kind, stuck.number))!.pendingRelease!.dueAt = null;
    h.visma.finishReleases();
    await h.sync();
    const second = await expectNoDuplicatesViaApi(h);
    const exported = exportedInServiceTitan(h);
    for (const d of queued.slice(1)) {
      expect(released(second.get(d.marker!)!), `${d.marker} released`).toBe(true);
      expect(exported.has(d.marker!), `${d.marker} exported after its release`).toBe(true);
    }
    expect(second.get(stuck.marker!)!.status).toBe('Balanced');
    expect(exported.has(stuck.marker!)).toBe(false);
    const stuckRow = () => listOutbox(h!.db, h!.config.id).find((r) => r.externalReference === stuck.marker)!;
    expect(stuckRow().state).toBe('releasing');

    // Past the follow limit it goes to the review queue with the reason, still not exported, still unreleased.
    h.advance(RELEASE_FOLLOW_LIMIT_MS + 60_000);
    await h.sync();
    expect(stuckRow()).toMatchObject({ state: 'posted', reviewCode: 'release_incomplete' });
    const item = listReview(h.db, h.config.id).find((r) => r.id === stuckRow().id)!;
    expect(item.reason).toBe('release_incomplete');
    expect(item.text).toMatch(/not in the books/);
    expect(exportedInServiceTitan(h).has(stuck.marker!)).toBe(false);
    expect((await expectNoDuplicatesViaApi(h)).get(stuck.marker!)!.status).toBe('Balanced');
  });
});
