import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../shared/sync-settings';
import { createRunContext } from '../../../main/engine/pipeline/context';
import { intake } from '../../../main/engine/pipeline/intake';
import { loadResolveContext, planDocument } from '../../../main/engine/pipeline/resolve-phase';
import { listOutbox } from '../../../main/engine/outbox/store';
import { parseSource } from '../../../main/engine/source-store';
import type { ChangeBatch, StPort, VismaPort } from '../../../main/engine/ports';
import { listAudit } from '../../../main/storage/audit';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';

/** A ServiceTitan port whose feeds carry only records that break the API description. */
function portWith(invoices: ChangeBatch, bills: ChangeBatch): StPort {
  const once = async function* (batch: ChangeBatch) {
    yield await Promise.resolve(batch);
  };
  return {
    invoiceChanges: () => once(invoices),
    billChanges: () => once(bills),
    invoicesByIds: () => Promise.resolve({ envelopes: [] }),
  } as unknown as StPort;
}

describe('records ServiceTitan sent that break its API description', () => {
  let db: Ledger;
  beforeEach(() => (db = openLedger(':memory:')));
  afterEach(() => db.close());

  it('are taken on and blocked in the review queue with the problem, never dropped; one without an id is audited', async () => {
    const ctx = createRunContext({
      db,
      profile: { id: 'p1', timeZone: 'Europe/Oslo', servicetitan: { tenantId: '8450100' } },
      settings: defaultSyncSettings(),
      st: portWith(
        {
          envelopes: [],
          cursor: 'c1',
          rejected: [
            { kind: 'invoice', stId: '60001', problems: 'total: expected string, received number' },
            { kind: 'invoice', stId: null, problems: 'id: required' },
          ],
        },
        {
          envelopes: [],
          rejected: [{ kind: 'ap-bill', stId: '70001', problems: 'vendor: expected object' }],
        },
      ),
      visma: {} as VismaPort,
      actor: 'cli',
      now: () => new Date('2026-06-20T10:00:00Z'),
    });
    await intake(ctx);
    const rows = listOutbox(db, 'p1');
    expect(rows.map((r) => `${r.sourceKind}:${r.stId}:${r.externalReference}`).sort()).toEqual([
      'ap-bill:70001:ST-8450100-BILL-70001',
      'invoice:60001:ST-8450100-INV-60001',
    ]);
    const rc = loadResolveContext(ctx);
    for (const row of rows) {
      const plan = planDocument(parseSource(row.payloadJson), rc);
      expect(plan.ok).toBe(false);
      expect(plan.ok === false && plan.problems[0].code).toBe('unreadable_document');
      expect(plan.ok === false && plan.problems[0].detail).toMatch(
        /does not match ServiceTitan’s own API description/,
      );
    }
    expect(listAudit(db, { action: 'document.unreadable', limit: 10 })[0]!.message).toMatch(
      /without an id.*id: required/,
    );
  });
});
