import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit } from '../../../main/storage/audit';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';
import { redactor } from '../../../main/log/redactor';

describe('audit log', () => {
  let db: Ledger;
  beforeEach(() => {
    db = openLedger(':memory:');
  });
  afterEach(() => db.close());

  it('keeps a message code and its values beside the details, and gives both back apart', () => {
    appendAudit(db, {
      actor: 'system',
      action: 'document.posted',
      outcome: 'success',
      message: 'Created in Visma as customerInvoice 100016.',
      messageCode: 'posted',
      messageParams: { docType: 'customerInvoice', number: '100016' },
      details: { amount: '125.00' },
    });
    appendAudit(db, {
      actor: 'system',
      action: 'sync.completed',
      outcome: 'success',
      messageCode: 'syncCompleted',
    });
    const [bare, posted] = listAudit(db);
    expect(posted).toMatchObject({
      messageCode: 'posted',
      messageParams: { docType: 'customerInvoice', number: '100016' },
      details: { amount: '125.00' },
    });
    expect(bare).toMatchObject({ messageCode: 'syncCompleted', messageParams: {} });
    expect(bare).not.toHaveProperty('details');
    expect(() =>
      appendAudit(db, { actor: 'system', action: 'x.y', outcome: 'info', messageCode: 'Not a code!' }),
    ).toThrow(/short dotted code/);
  });

  it('appends and lists entries newest first with every field round-tripped', () => {
    const first = appendAudit(db, {
      at: '2026-01-31T22:59:00.000Z',
      profileId: 'acme',
      actor: 'schedule',
      action: 'invoice.posted',
      sourceType: 'invoice',
      sourceId: '1001',
      sourceNumber: 'INV-1001',
      stModifiedOn: '2026-01-31T22:58:00Z',
      vismaDocType: 'Invoice',
      vismaDocNumber: '000123',
      glBatchNumber: 'GL-77',
      outcome: 'success',
      message: 'Posted INV-1001 as 000123',
      details: { total: '1250.00', lines: 3 },
    });
    const second = appendAudit(db, { actor: 'user', action: 'settings.changed', outcome: 'info' });
    expect(second).toBeGreaterThan(first);
    const [newest, oldest] = listAudit(db);
    expect(newest).toMatchObject({ id: second, actor: 'user', action: 'settings.changed', profileId: null });
    expect(newest).not.toHaveProperty('message');
    expect(oldest).toEqual({
      id: first,
      at: '2026-01-31T22:59:00.000Z',
      profileId: 'acme',
      actor: 'schedule',
      action: 'invoice.posted',
      sourceType: 'invoice',
      sourceId: '1001',
      sourceNumber: 'INV-1001',
      stModifiedOn: '2026-01-31T22:58:00Z',
      vismaDocType: 'Invoice',
      vismaDocNumber: '000123',
      glBatchNumber: 'GL-77',
      outcome: 'success',
      message: 'Posted INV-1001 as 000123',
      details: { total: '1250.00', lines: 3 },
    });
  });

  it('is append-only: UPDATE and DELETE are refused by triggers', () => {
    appendAudit(db, { actor: 'system', action: 'app.started', outcome: 'info' });
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'failure'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(listAudit(db)).toHaveLength(1);
  });

  it('validates entries with a clear message', () => {
    expect(() => appendAudit(db, { actor: 'robot' as never, action: 'x', outcome: 'info' })).toThrow(/actor/);
    expect(() => appendAudit(db, { actor: 'user', action: 'Not A Name', outcome: 'info' })).toThrow(
      /dotted name/,
    );
  });

  it('redacts registered secrets from the message and details', () => {
    redactor.add('audit-secret-value-42');
    appendAudit(db, {
      actor: 'user',
      action: 'secret.rotated',
      outcome: 'success',
      message: 'rotated audit-secret-value-42',
      details: { value: 'audit-secret-value-42' },
    });
    const dump = JSON.stringify(db.prepare('SELECT * FROM audit_log').all());
    expect(dump).not.toContain('audit-secret-value-42');
  });

  it('filters by profile, actor, outcome, time, search text and pages with beforeId', () => {
    const at = (d: number) => `2026-02-0${d}T10:00:00.000Z`;
    appendAudit(db, {
      at: at(1),
      profileId: 'a',
      actor: 'user',
      action: 'x.one',
      outcome: 'success',
      message: '50%_off',
    });
    appendAudit(db, { at: at(2), profileId: 'b', actor: 'cli', action: 'x.two', outcome: 'failure' });
    appendAudit(db, { at: at(3), profileId: 'a', actor: 'webhook', action: 'x.three', outcome: 'blocked' });
    expect(listAudit(db, { profileId: 'a' }).map((r) => r.action)).toEqual(['x.three', 'x.one']);
    expect(listAudit(db, { actor: 'cli' }).map((r) => r.action)).toEqual(['x.two']);
    expect(listAudit(db, { outcome: 'blocked' }).map((r) => r.action)).toEqual(['x.three']);
    expect(listAudit(db, { from: at(2), to: at(3) }).map((r) => r.action)).toEqual(['x.two']);
    expect(listAudit(db, { search: '%_' }).map((r) => r.action)).toEqual(['x.one']);
    expect(listAudit(db, { search: '_x' })).toEqual([]);
    const page1 = listAudit(db, { limit: 2 });
    const page2 = listAudit(db, { limit: 2, beforeId: page1.at(-1)?.id });
    expect([...page1, ...page2].map((r) => r.action)).toEqual(['x.three', 'x.two', 'x.one']);
  });
});
