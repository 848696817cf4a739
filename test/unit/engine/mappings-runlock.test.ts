import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  exportMappings,
  importMappings,
  loadLinks,
  loadRules,
  setRule,
} from '../../../main/engine/mapping/rule-store';
import { acquireRun, RunInProgressError } from '../../../main/engine/run-lock';
import { getCursor } from '../../../main/engine/source-store';
import { listAudit } from '../../../main/storage/audit';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';

describe('mapping tables', () => {
  let db: Ledger;
  beforeEach(() => (db = openLedger(':memory:')));
  afterEach(() => db.close());

  it('round-trips rules and links through export and import, auditing and flagging the change', () => {
    setRule(db, 'p1', 'revenueByGlAccount', '3080', { account: '3000' }, 'user');
    const file = exportMappings(db, 'p1');
    expect(file.rules.revenueByGlAccount).toEqual({ '3080': { account: '3000' } });
    file.links.customers['10001'] = '20001';
    file.rules.vatByTaxZone['301'] = { salesTaxable: '3', purchaseTaxable: '1' };
    expect(importMappings(db, 'p2', file, 'cli')).toEqual({ rules: 2, links: 1 });
    expect(loadRules(db, 'p2').vatByTaxZone['301']).toEqual({ salesTaxable: '3', purchaseTaxable: '1' });
    expect(loadLinks(db, 'p2', 'customer').get('10001')).toBe('20001');
    expect(loadRules(db, 'p1').vatByTaxZone).toEqual({});
    expect(getCursor(db, 'p2', 'mappings_changed')).toBeDefined();
    expect(listAudit(db, { action: 'mapping.imported' })).toHaveLength(1);
  });

  it('refuses an invalid file as a whole, naming the bad field, and changes nothing', () => {
    setRule(db, 'p1', 'revenueBySku', '9001', { account: '3000' }, 'user');
    const bad = {
      format: 'st-visma-mappings',
      version: 1,
      rules: { revenueBySku: { '9002': { acount: '3000' } } },
    };
    expect(() => importMappings(db, 'p1', bad, 'cli')).toThrow(/not valid: rules\.revenueBySku\.9002/);
    expect(loadRules(db, 'p1').revenueBySku).toEqual({ '9001': { account: '3000' } });
  });

  it('removes a rule when the target is null', () => {
    setRule(db, 'p1', 'revenueBySku', '9001', { account: '3000' }, 'user');
    setRule(db, 'p1', 'revenueBySku', '9001', null, 'user');
    expect(loadRules(db, 'p1').revenueBySku).toEqual({});
  });
});

describe('run lock (in-memory ledger; the OS-level lock is tested in test/unit/storage/run-lock.test.ts)', () => {
  let db: Ledger;
  beforeEach(() => (db = openLedger(':memory:')));
  afterEach(() => db.close());
  const now = new Date('2026-03-01T10:00:00Z');

  it('allows one run per profile and frees it when the run finishes', async () => {
    const run = await acquireRun(db, 'p1', 'manual', now);
    await expect(acquireRun(db, 'p1', 'schedule', now)).rejects.toThrow(RunInProgressError);
    const other = await acquireRun(db, 'p2', 'manual', now);
    expect(other.id).toBeGreaterThan(run.id);
    other.finish('completed', {}, now);
    run.finish('completed', {}, now);
    const next = await acquireRun(db, 'p1', 'schedule', now);
    expect(next.id).toBeGreaterThan(other.id);
    next.finish('completed', {}, now);
  });

  it('never takes over a live run, however old its heartbeat', async () => {
    const run = await acquireRun(db, 'p1', 'manual', now);
    const later = new Date(now.getTime() + 10 * 60 * 1000);
    await expect(acquireRun(db, 'p1', 'manual', later)).rejects.toThrow(/already running/);
    const statuses = db.prepare('SELECT status FROM sync_runs ORDER BY id').pluck().all();
    expect(statuses).toEqual(['running']);
    run.finish('completed', {}, later);
  });
});
