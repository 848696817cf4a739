import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { localDate } from '../../../shared/dates';
import { listOutbox, type OutboxRow } from '../../../main/engine/outbox/store';
import { reconcilePeriod, type CloseEntry, type Reconciliation } from '../../../main/engine/reconcile';
import { createVismaClient, type VismaClient } from '../../../main/visma';
import { addDays } from '../../../main/engine/reconcile/period';
import { postManualJournal } from './visma-official';
import { presenceWatermark } from '../../../main/engine/lifecycle/presence-store';
import { setCursor } from '../../../main/engine/source-store';
import { startHarness, type Harness, type HarnessOptions } from './harness';

type Item = { total: string; price: string; quantity: string };

/** The month (`YYYY-MM`) of a ledger row's ServiceTitan document date, in the profile's zone. */
function monthOf(h: Harness, r: OutboxRow): string {
  const row = h.db.prepare('SELECT payload_json FROM source_documents WHERE id = ?').get(r.sourceId) as {
    payload_json: string;
  };
  return localDate(
    (JSON.parse(row.payload_json) as { documentDate: string }).documentDate,
    h.config.timeZone,
  ).slice(0, 7);
}

const plannedPeriod = (r: OutboxRow) =>
  (JSON.parse(r.plannedJson ?? '{}') as { financialPeriod?: string }).financialPeriod;

/** The entries of the close about one ServiceTitan document. */
const entriesOf = (r: Reconciliation, stId: string) => r.entries.filter((e) => e.st?.stId === stId);

/** The one entry of a ServiceTitan document; fails when it is in none or in more than one bucket. */
function entryOf(r: Reconciliation, stId: string): CloseEntry {
  const found = entriesOf(r, stId);
  expect(found, `entries of ServiceTitan document ${stId}`).toHaveLength(1);
  return found[0]!;
}

/** Buckets that would be false alarms in a month nobody touched. */
const ALARMS = [
  'neverSynced',
  'changedInServiceTitan',
  'different',
  'duplicated',
  'postedByHand',
  'deletedInVisma',
] as const;

const variants: [string, HarnessOptions['sync'], HarnessOptions['visma']][] = [
  ['calendar months, documents in their own period', {}, {}],
  [
    'a July financial year, closed periods posted into the first open one',
    { postIntoFirstOpenPeriod: true },
    { calendar: { startMonth: 7 } },
  ],
];

describe.each(variants)('month-end close from both systems of record (%s)', (_name, sync, visma) => {
  let h: Harness;
  let client: VismaClient;
  let month: string;
  let clean: Reconciliation;
  let rows: OutboxRow[];
  const picked = {} as Record<
    'changedInSt' | 'duplicated' | 'amountInVisma' | 'held' | 'deleted' | 'reversed',
    OutboxRow
  >;
  let neverSyncedId: string;
  let handPostedNumber: string;
  let handDuplicate: string;
  let reversal: string;
  let redirectedCopy: string | undefined;
  let journalAccount: string;
  let redirectedNumber: string | undefined;

  const reconcile = () =>
    reconcilePeriod(h.config, { db: h.db, st: h.ports.st, visma: h.ports.visma }, month);

  beforeAll(async () => {
    h = await startHarness({
      st: { invoices: 90, bills: 30 },
      sync: { holdingAccount: '2900', ...sync },
      ...(visma && { visma }),
    });
    await h.sync();
    client = createVismaClient({ ...h.config.visma, clientSecret: h.config.visma.clientSecret! });

    const closed = h.visma.companies[0]!.closedPeriod;
    rows = listOutbox(h.db, h.config.id).filter((r) => r.vismaDocNumber);
    const byMonth = new Map<string, OutboxRow[]>();
    for (const r of rows) byMonth.set(monthOf(h, r), [...(byMonth.get(monthOf(h, r)) ?? []), r]);
    if (sync?.postIntoFirstOpenPeriod) {
      // The first open period's month: its own documents and the closed period's land there.
      const closedDays = h.visma.company().periods.get(closed)!;
      month = addDays(closedDays.endDate, 1).slice(0, 7);
      const redirected = rows.filter((x) => monthOf(h, x) < month && plannedPeriod(x) !== closed);
      expect(
        redirected.length,
        'documents of the closed period posted into the first open one',
      ).toBeGreaterThan(0);
    } else {
      month = [...byMonth].sort((a, b) => b[1].length - a[1].length)[0]![0];
    }
    // One more invoice and bill of the month, posted while Visma refuses every release: they stay unreleased.
    const bill = h.st
      .records('ap-bills')
      .find((b) => localDate(String(b.billDate ?? b.createdOn), h.config.timeZone).startsWith(month))!;
    const ids = h.st.records('ap-bills').map((b) => Number(b.id));
    h.st.add('ap-bills', {
      ...structuredClone(bill),
      id: Math.max(...ids) + 1,
      referenceNumber: `X-${String(bill.referenceNumber)}`,
      syncStatus: 'Posted',
    });
    h.st.addInvoice({ invoiceDate: `${month}-12T09:00:00Z` });
    h.visma.setRelease({ mode: 'fail-now', share: 1 });
    await h.sync();
    h.visma.setRelease({ mode: 'queued', share: 0 });
    h.visma.finishReleases();
    rows = listOutbox(h.db, h.config.id).filter((r) => r.vismaDocNumber);
    clean = await reconcile();
  });

  afterAll(async () => {
    await h.stop();
  });

  it('finds nothing to explain in a month nobody touched', () => {
    expect(ReconciliationView.parse(clean)).toBeTruthy();
    expect(clean.servicetitanLive).toBe(true);
    for (const bucket of ALARMS)
      expect(
        clean.entries.filter((e) => e.bucket === bucket),
        bucket,
      ).toEqual([]);
    expect(clean.bucketCounts.matched).toBeGreaterThan(5);
    expect(clean.glError).toBeNull();
    expect(clean.gl!.accounts.length).toBeGreaterThan(2);
    expect(clean.gl!.unexplainedAccounts).toEqual([]);
    // Every document the sync posted for the month is in exactly one bucket.
    const ours = rows.filter((r) => monthOf(h, r) === month);
    for (const r of ours) expect(entriesOf(clean, r.stId), `${r.sourceKind} ${r.stId}`).toHaveLength(1);
  });

  describe('with discrepancies injected through the official APIs right after the sync', () => {
    let r: Reconciliation;

    beforeAll(async () => {
      const inMonth = (kind: string, pred: (x: OutboxRow) => boolean) =>
        rows.filter((x) => monthOf(h, x) === month && x.vismaDocType === kind && pred(x));
      const released = (x: OutboxRow) =>
        clean.entries.some((e) => e.st?.stId === x.stId && e.bucket === 'matched');
      const unreleased = (x: OutboxRow) =>
        clean.entries.some(
          (e) => e.st?.stId === x.stId && e.bucket === 'notBooked' && e.reason.code === 'unreleased',
        );
      const held = (x: OutboxRow) =>
        clean.entries.some((e) => e.st?.stId === x.stId && e.reason.code === 'holdingAccount');
      const [changedInSt, duplicated] = inMonth('customerInvoice', released);
      picked.changedInSt = changedInSt!;
      picked.duplicated = duplicated!;
      picked.amountInVisma = inMonth('customerInvoice', unreleased)[0]!;
      picked.held = inMonth('customerInvoice', held)[0] ?? inMonth('supplierInvoice', held)[0]!;
      picked.deleted = inMonth('supplierInvoice', (x) => unreleased(x) || (held(x) && x !== picked.held))[0]!;
      picked.reversed = inMonth('supplierInvoice', released)[0]!;
      for (const [what, row] of Object.entries(picked)) expect(row, what).toBeDefined();

      // ServiceTitan: an invoice the sync never saw, and a posted invoice changed after posting.
      neverSyncedId = String(h.st.addInvoice({ invoiceDate: `${month}-14T09:00:00Z` }).id);
      const inv = h.st.get('invoices', Number(picked.changedInSt.stId))!;
      const items = structuredClone(inv.items as Item[]);
      items[0]!.total = money(items[0]!.total).plus(100).toFixed(2);
      items[0]!.price = items[0]!.total;
      items[0]!.quantity = '1';
      h.st.modify('invoices', Number(picked.changedInSt.stId), { items });

      // Visma, through its own endpoints: a hand-posted invoice, a copy by hand, an amount changed on an unreleased
      // invoice, a supplier invoice deleted and one reversed.
      const model = (await client.getCustomerInvoice(picked.duplicated.vismaDocNumber!))!;
      const lines = model.lines.map((l) => ({
        description: l.description ?? 'Service',
        quantity: String(l.quantity ?? '1'),
        unitPrice: String(l.unitPrice ?? l.amount),
        accountNumber: l.accountNumber!,
        ...(l.vatCodeId && { vatCodeId: l.vatCodeId }),
      }));
      const header = { customerNumber: model.customerNumber, documentDate: model.documentDate, lines };
      handPostedNumber = await client.createCustomerInvoice({ ...header, invoiceText: 'Entered by hand' });
      handDuplicate = await client.createCustomerInvoice({
        ...header,
        externalReference: model.externalReference!,
      });
      const target = (await client.getCustomerInvoice(picked.amountInVisma.vismaDocNumber!))!;
      const first = target.lines[0]!;
      await client.updateCustomerInvoice(target.referenceNumber, {
        lines: [
          {
            operation: 'Update',
            lineNumber: first.lineNumber,
            unitPrice: money(first.unitPrice ?? first.amount)
              .plus(10)
              .toFixed(2),
            quantity: '1',
          },
        ],
      });
      expect(await client.deleteSupplierInvoice(picked.deleted.vismaDocNumber!)).toBe(true);
      reversal = (await client.reverseSupplierInvoice(picked.reversed.vismaDocNumber!)).referenceNumber;
      // A document of the closed period, posted into this one: its copy must not hide as "outside the period".
      const redirected = rows.find(
        (x) =>
          x.vismaDocType === 'customerInvoice' &&
          monthOf(h, x) < month &&
          plannedPeriod(x) === clean.financialPeriod,
      );
      if (redirected) {
        const original = (await client.getCustomerInvoice(redirected.vismaDocNumber!))!;
        redirectedCopy = await client.createCustomerInvoice({
          customerNumber: original.customerNumber,
          documentDate: original.documentDate,
          financialPeriod: clean.financialPeriod,
          externalReference: original.externalReference!,
          lines: original.lines.map((l) => ({
            description: l.description || 'Service',
            quantity: String(l.quantity ?? '1'),
            unitPrice: String(l.unitPrice ?? l.amount),
            accountNumber: l.accountNumber!,
            ...(l.vatCodeId && { vatCodeId: l.vatCodeId }),
          })),
        });
        redirectedNumber = redirected.vismaDocNumber!;
      }
      expect(
        Boolean(redirected),
        'a redirected document exists exactly when closed periods are posted into open ones',
      ).toBe(Boolean(sync?.postIntoFirstOpenPeriod));

      // A manual journal moving revenue to the bank, entered in Visma's general ledger.
      journalAccount = clean.gl!.accounts.find(
        (l) => l.roles.includes('revenue') && l.net !== '0.00',
      )!.account;
      await postManualJournal(h, clean.financialPeriod, [
        [journalAccount, 250, 0],
        ['1920', 0, 250],
      ]);

      r = await reconcile();
    });

    it('puts each injected discrepancy in its bucket with its reason', () => {
      expect(entryOf(r, neverSyncedId)).toMatchObject({
        bucket: 'neverSynced',
        reason: { code: 'neverSynced' },
      });
      expect(entryOf(r, picked.changedInSt.stId)).toMatchObject({
        bucket: 'changedInServiceTitan',
        reason: { code: 'changedAfterPosting' },
      });
      const dup = entryOf(r, picked.duplicated.stId);
      expect(dup.bucket).toBe('duplicated');
      expect(dup.visma.map((v) => v.number).sort()).toEqual(
        [picked.duplicated.vismaDocNumber, handDuplicate].sort(),
      );
      const changed = entryOf(r, picked.amountInVisma.stId);
      expect(changed).toMatchObject({ bucket: 'different', reason: { code: 'different' } });
      expect(changed.reason.params.differences).toContain('amount');
      expect(entryOf(r, picked.deleted.stId)).toMatchObject({
        bucket: 'deletedInVisma',
        reason: { code: 'deletedInVisma', params: { vismaNumber: picked.deleted.vismaDocNumber } },
      });
      expect(entryOf(r, picked.reversed.stId)).toMatchObject({
        bucket: 'deletedInVisma',
        reason: {
          code: 'reversedInVisma',
          params: { vismaNumber: picked.reversed.vismaDocNumber, reversal },
        },
      });
      expect(entryOf(r, picked.held.stId)).toMatchObject({
        bucket: 'notBooked',
        reason: { code: 'holdingAccount', params: { reviewReason: 'holding_account' } },
      });
      if (redirectedCopy) {
        const copies = r.entries.filter((e) => e.visma.some((v) => v.number === redirectedCopy));
        expect(copies).toHaveLength(1);
        expect(copies[0]!.bucket).toBe('duplicated');
        expect(copies[0]!.visma.map((v) => v.number).sort()).toEqual(
          [redirectedNumber, redirectedCopy].sort(),
        );
      }
      expect(r.gl!.unexplainedAccounts).toEqual([journalAccount]);
      expect(r.gl!.accounts.find((l) => l.account === journalAccount)!.unexplained).toBe('250.00');
      expect(r.checklist.items.find((i) => i.id === 'noUnexplainedDifference')!.accounts).toEqual([
        journalAccount,
      ]);
      const hand = r.entries.filter((e) => e.bucket === 'postedByHand');
      expect(hand.map((e) => e.visma[0]!.number)).toEqual([handPostedNumber]);
      expect(hand[0]!.party.vismaNumber).toBeTruthy();
    });

    it('raises no other alarm, and the checklist says the month is not ready', () => {
      const expected = new Set([neverSyncedId, ...Object.values(picked).map((x) => x.stId)]);
      for (const bucket of ALARMS)
        for (const e of r.entries.filter((x) => x.bucket === bucket && x.bucket !== 'postedByHand')) {
          const injected = expected.has(e.st?.stId ?? '') || e.visma.some((v) => v.number === redirectedCopy);
          expect(injected, `${bucket}: ${e.st?.stId ?? e.visma[0]?.number}`).toBe(true);
        }
      expect(r.checklist.ready).toBe(false);
      const item = (id: string) => r.checklist.items.find((i) => i.id === id)!;
      expect(item('noUnexplainedDifference').count).toBeGreaterThanOrEqual(6);
      expect(item('holdingAccountEmpty').ok).toBe(false);
    });

    it('lets the ledger stand in when ServiceTitan cannot be read, and says so', async () => {
      h.st.addFault({ kind: 'status', status: 403, count: 1, pathIncludes: '/invoices' });
      const without = await reconcile();
      h.st.clearFaults();
      expect(without.servicetitanLive).toBe(false);
      expect(without.servicetitanError).toMatch(/\w/);
      // What only ServiceTitan knows is out of sight; what Visma shows is still found.
      expect(entriesOf(without, neverSyncedId)).toEqual([]);
      expect(entryOf(without, picked.duplicated.stId).bucket).toBe('duplicated');
      expect(entryOf(without, picked.deleted.stId).bucket).toBe('deletedInVisma');
    });

    it('reads the same month whichever way the presence watermark divides it into older and changed', async () => {
      const verdicts = (x: Reconciliation) =>
        x.entries
          .map(
            (e) =>
              `${e.bucket}|${e.reason.code}|${e.st?.stId ?? ''}|${e.visma.map((v) => v.number).join(',')}`,
          )
          .sort();
      const kinds = ['customerInvoice', 'customerCreditNote', 'supplierInvoice'] as const;
      const saved = kinds.map((k) => presenceWatermark(h.db, h.config.id, k));
      const modified = (await client.listCustomerInvoices({ financialPeriod: r.financialPeriod }))
        .map((d) => d.lastModifiedDateTime!)
        .sort();
      // Half of the month's invoices were last modified before the split, half at or after it.
      const split = modified[Math.floor(modified.length / 2)]!.slice(0, 23);
      expect(modified[0]! < split && split <= modified.at(-1)!, 'the split falls inside the month').toBe(
        true,
      );
      try {
        for (const k of kinds) setCursor(h.db, h.config.id, `visma-presence:${k}`, split);
        expect(verdicts(await reconcile())).toEqual(verdicts(r));
      } finally {
        kinds.forEach((k, i) => setCursor(h.db, h.config.id, `visma-presence:${k}`, saved[i]!));
      }
    });
  });
});
