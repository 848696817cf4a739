import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSyncSettings } from '../../../shared/sync-settings';
import { listAudit } from '../../../main/storage/audit';
import { openLedger } from '../../../main/storage/ledger';
import type { Ledger } from '../../../main/storage/types';
import type { SourceDocument } from '../../../main/engine/domain';
import { markerOf } from '../../../main/engine/lifecycle/markers';
import { normalizeBill, normalizeInvoice } from '../../../main/engine/normalize';
import { getOutbox, listOutbox, moveOutbox } from '../../../main/engine/outbox/store';
import { storeBatch, takeOnSkipped } from '../../../main/engine/pipeline/intake';
import { createRunContext, type RunContext } from '../../../main/engine/pipeline/context';
import {
  applyPlan,
  describeProblems,
  planDocument,
  resolveWaiting,
} from '../../../main/engine/pipeline/resolve-phase';
import { isEligible, upsertSource } from '../../../main/engine/source-store';
import type { Invoice } from '../../../main/servicetitan';
import { invoice, line, resolveContext } from './fixtures';

const blockedText = (doc: SourceDocument) => {
  const outcome = planDocument(doc, resolveContext());
  if (outcome.ok) throw new Error('expected the document to be blocked');
  return { code: outcome.problems[0].code, text: describeProblems(outcome.problems), outcome };
};

const stInvoice = {
  id: 60009,
  syncStatus: 'Posted',
  referenceNumber: '100009',
  invoiceDate: '2026-01-15T10:00:00Z',
  subTotal: '1000.00',
  salesTax: '250.00',
  total: '1250.00',
  taxZoneId: 301,
  customer: { id: 5, name: 'Kari' },
  items: [
    {
      id: 1,
      type: 'Service',
      skuId: 9001,
      description: 'Repair',
      quantity: '2',
      price: '500.00',
      total: '1000.00',
      taxable: true,
      generalLedgerAccount: { id: 2, number: '3000' },
      order: 1,
    },
  ],
  active: true,
  createdOn: '2026-01-15T10:00:00Z',
} as unknown as Invoice;

describe('planDocument: a document’s own figures first', () => {
  it('blocks an unreadable amount with a text that names the field and the value', () => {
    const { code, text } = blockedText(normalizeInvoice({ ...stInvoice, total: '1e3' }).doc);
    expect(code).toBe('unreadable_document');
    expect(text).toContain('Field total "1e3" is written with an exponent');
  });

  it('blocks a missing total, a missing customer and a missing vendor with their own reasons', () => {
    expect(blockedText(normalizeInvoice({ ...stInvoice, total: null }).doc).code).toBe('total_missing');
    const noCustomer = blockedText(normalizeInvoice({ ...stInvoice, customer: null }).doc);
    expect(noCustomer.code).toBe('no_customer');
    expect(noCustomer.text).toMatch(/no customer in ServiceTitan/);
    expect(blockedText(invoice({ kind: 'ap-bill', partyId: '' })).code).toBe('no_vendor');
  });

  it('blocks a bill whose lines and tax do not make its amount, giving both figures', () => {
    const bill = normalizeBill(
      {
        id: 80003,
        referenceNumber: 'B80003',
        billDate: '2026-01-15T10:00:00Z',
        billAmount: '1300.00',
        taxAmount: '250.00',
        vendor: { id: 7, name: 'Ahlsell' },
        items: [
          { id: 1, order: 1, quantity: '2', cost: '500.00', skuId: 1, skuType: 'Material', skuCode: 'S' },
        ],
        doNotPay: false,
        landedCostMethod: 'None',
        syncStatus: 'Posted',
      },
      'ap-bills',
    ).doc;
    const { code, text } = blockedText(bill);
    expect(code).toBe('amount_mismatch');
    expect(text).toContain(
      'The lines 1000.00 + tax 250.00 make 1250.00, but ServiceTitan’s bill amount is 1300.00.',
    );
  });

  it('checks an invoice’s lines against its subtotal and its subtotal and tax against its total', () => {
    expect(blockedText(invoice({ subTotal: '1100.00', total: '1350.00' })).text).toContain(
      'The lines make 1000.00, but ServiceTitan’s subtotal is 1100.00.',
    );
    expect(blockedText(invoice({ total: '1300.00' })).text).toContain(
      'Subtotal 1000.00 + sales tax 250.00 make 1250.00, but ServiceTitan’s total is 1300.00.',
    );
    const discounted = invoice({
      subTotal: '900.00',
      tax: '225.00',
      total: '1125.00',
      lines: [
        line(),
        line({ lineId: '2', lineType: 'PriceModifier', quantity: '1', unitPrice: '-100', amount: '-100.00' }),
      ],
    });
    expect(planDocument(discounted, resolveContext()).ok).toBe(true);
  });

  it('blocks amounts Visma cannot carry exactly, with the amount and the limit', () => {
    const huge = invoice({
      subTotal: '10000000000000.00',
      tax: '0.00',
      total: '10000000000000.00',
      lines: [line({ quantity: '1', unitPrice: '10000000000000', amount: '10000000000000.00' })],
    });
    const { code, text } = blockedText(huge);
    expect(code).toBe('amount_too_large');
    expect(text).toContain(
      'The total is 10000000000000.00; Visma takes amounts below 10000000000000.00 exactly.',
    );
  });

  it('has nothing to post for a zero total, whatever else is missing', () => {
    const outcome = planDocument(
      invoice({ partyId: '', subTotal: '0.00', tax: '0.00', total: '0.00', lines: [] }),
      resolveContext(),
    );
    expect(outcome).toEqual({ ok: false, nothingToPost: true, problems: [{ code: 'zero_total' }] });
  });

  it('notes every text it shortened for Visma, and cleans control characters out', () => {
    const outcome = planDocument(
      invoice({
        number: `INV\u0000-${'9'.repeat(60)}`,
        lines: [line({ description: `Service\u202E ${'Ø'.repeat(300)}` })],
      }),
      resolveContext(),
    );
    if (!outcome.ok) throw new Error(describeProblems(outcome.problems));
    expect(outcome.planned.lines[0]!.description).toHaveLength(256);
    expect(outcome.planned.lines[0]!.description.startsWith('Service ØØ')).toBe(true);
    expect(outcome.planned.customerRefNumber).toHaveLength(40);
    expect(outcome.planned.customerRefNumber!.startsWith('INV -999')).toBe(true);
    expect(outcome.notes).toEqual([
      'The description of line 1 was shortened from 308 to 256 characters to fit Visma.',
      'The customer reference number was shortened from 65 to 40 characters to fit Visma.',
    ]);
  });

  it('keeps room for the marker at the end of a supplier invoice’s description', () => {
    const bill = invoice({
      kind: 'ap-bill',
      partyId: '7',
      number: 'B'.repeat(400),
      lines: [line({ lineType: 'expense' })],
    });
    const outcome = planDocument(bill, resolveContext({ tenantId: '8450100' }));
    if (!outcome.ok) throw new Error(describeProblems(outcome.problems));
    // The adapter writes `<text> (<marker>)`; the marker names the tenant.
    expect(`${outcome.planned.text} (${markerOf('ap-bill', '8450100', '60001')})`).toHaveLength(256);
    expect(outcome.notes).toEqual([
      'The supplier reference was shortened from 400 to 40 characters to fit Visma.',
      'The document text was shortened from 429 to 232 characters to fit Visma.',
    ]);
  });

  it('sends quantity and price only when a JSON double carries them unchanged', () => {
    const outcome = planDocument(
      invoice({ lines: [line({ quantity: '3', unitPrice: '333.33333333333333333', amount: '1000.00' })] }),
      resolveContext(),
    );
    expect(outcome.ok && outcome.planned.lines[0]).toMatchObject({
      quantity: '1',
      unitPrice: '1000',
      amount: '1000.00',
    });
  });
});

describe('eligibility and the nothing-to-post state', () => {
  let db: Ledger;
  let ctx: RunContext;
  const settings = defaultSyncSettings();

  beforeEach(() => {
    db = openLedger(':memory:');
    ctx = createRunContext({
      db,
      profile: { id: 'p1', timeZone: 'Europe/Oslo', servicetitan: { tenantId: '8450100' } },
      settings,
      st: undefined as never,
      visma: undefined as never,
      actor: 'system',
      now: () => new Date('2026-03-01T10:00:00Z'),
    });
  });
  afterEach(() => db.close());

  it('takes on zero totals and documents without a customer (decided when planned, not skipped)', () => {
    for (const doc of [invoice({ total: '0.00' }), invoice({ partyId: '' })])
      expect(isEligible({ doc, status: 'Posted' }, settings)).toBe(true);
    expect(isEligible({ doc: invoice({ active: false }), status: 'Posted' }, settings)).toBe(false);
    expect(isEligible({ doc: invoice(), status: 'Pending' }, settings)).toBe(false);
  });

  it('records a zero total as nothing to post (audited); a change with an amount takes it on again', async () => {
    const zero = invoice({ subTotal: '0.00', tax: '0.00', total: '0.00', lines: [] });
    storeBatch(ctx, [{ doc: zero, status: 'Posted' }]);
    await resolveWaiting(ctx);
    const rowId = listOutbox(db, 'p1')[0]!.id;
    expect(getOutbox(db, rowId)).toMatchObject({
      state: 'nothing_to_post',
      reasonCode: 'zero_total',
      reasonText: 'The document’s total is zero, so there is nothing to post in Visma.',
    });
    // Unchanged, or changed but still zero: it stays, and nothing more is audited.
    storeBatch(ctx, [{ doc: zero, status: 'Posted' }]);
    storeBatch(ctx, [{ doc: { ...zero, jobNumber: '40002' }, status: 'Posted' }]);
    await resolveWaiting(ctx);
    expect(getOutbox(db, rowId)!.state).toBe('nothing_to_post');
    storeBatch(ctx, [{ doc: invoice(), status: 'Posted' }]);
    expect(getOutbox(db, rowId)!.state).toBe('pending');
    applyPlan(ctx, getOutbox(db, rowId)!, planDocument(invoice(), resolveContext()));
    expect(getOutbox(db, rowId)).toMatchObject({ state: 'ready', reasonCode: null });
    const trail = listAudit(db, { sourceId: '60001', sourceType: 'invoice', limit: 10 })
      .map((a) => [a.action, a.message ?? ''])
      .reverse();
    expect(trail).toEqual([
      ['outbox.created', ''],
      [
        'document.nothing-to-post',
        'Invoice 100001: The document’s total is zero, so there is nothing to post in Visma.',
      ],
      [
        'document.reopened',
        'Invoice 100001: The document changed in ServiceTitan and its total is no longer zero (now 1250.00); it is taken on again.',
      ],
      ['document.ready', ''],
    ]);
  });

  it('takes a nothing-to-post document on again when it changes into one that must be explained', async () => {
    storeBatch(ctx, [
      { doc: invoice({ total: '0.00', tax: '0.00', subTotal: '0.00', lines: [] }), status: 'Posted' },
    ]);
    await resolveWaiting(ctx);
    storeBatch(ctx, [normalizeInvoice({ ...stInvoice, id: 60001, total: '' })]);
    await resolveWaiting(ctx);
    expect(listOutbox(db, 'p1')[0]).toMatchObject({ state: 'blocked', reasonCode: 'unreadable_document' });
  });

  it('leaves a nothing-to-post document alone when it is no longer eligible', async () => {
    storeBatch(ctx, [
      { doc: invoice({ total: '0.00', tax: '0.00', subTotal: '0.00', lines: [] }), status: 'Posted' },
    ]);
    await resolveWaiting(ctx);
    storeBatch(ctx, [{ doc: invoice({ active: false }), status: 'Posted' }]);
    expect(listOutbox(db, 'p1')[0]!.state).toBe('nothing_to_post');
  });

  it('takes it on again after our own "exported" mark flipped its ServiceTitan status', async () => {
    storeBatch(ctx, [
      { doc: invoice({ total: '0.00', tax: '0.00', subTotal: '0.00', lines: [] }), status: 'Posted' },
    ]);
    await resolveWaiting(ctx);
    const row = listOutbox(db, 'p1')[0]!;
    moveOutbox(
      ctx.move,
      row.id,
      'nothing_to_post',
      { stMarkedAt: '2026-03-01T10:00:00Z' },
      { action: 'document.exported', outcome: 'success' },
    );
    storeBatch(ctx, [{ doc: invoice(), status: 'Exported' }]);
    expect(listOutbox(db, 'p1')[0]!.state).toBe('pending');
  });

  it('takes on, once, what an older version skipped: invoices read again, bills as stored', async () => {
    const at = '2026-03-01T10:00:00Z';
    const zeroInvoice = invoice({ total: '0.00', tax: '0.00', subTotal: '0.00', lines: [] });
    upsertSource(db, 'p1', { doc: zeroInvoice, status: 'Posted' }, false, at);
    upsertSource(db, 'p1', { doc: invoice({ stId: '60002', partyId: '' }), status: 'Pending' }, false, at);
    const bill = invoice({ kind: 'ap-bill', stId: '80001', partyId: '' });
    upsertSource(db, 'p1', { doc: bill, status: 'Posted' }, false, at);
    const asked: string[][] = [];
    ctx.st = {
      invoicesByIds: (ids: string[]) => {
        asked.push(ids);
        return Promise.resolve({ envelopes: [normalizeInvoice({ ...stInvoice, id: 60001, total: null })] });
      },
    } as unknown as RunContext['st'];
    await takeOnSkipped(ctx);
    await takeOnSkipped(ctx);
    expect(asked).toEqual([['60001']]);
    await resolveWaiting(ctx);
    expect(listOutbox(db, 'p1').map((r) => [r.sourceKind, r.stId, r.state, r.reasonCode])).toEqual([
      ['invoice', '60001', 'blocked', 'total_missing'],
      ['ap-bill', '80001', 'blocked', 'no_vendor'],
    ]);
  });
});
