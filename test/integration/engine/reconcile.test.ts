import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { money, sum } from '../../../shared/money';
import { ReconciliationView } from '../../../shared/contract/engine-schemas';
import { listOutbox, type OutboxRow } from '../../../main/engine/outbox/store';
import { ignore, listReview } from '../../../main/engine/review';
import { reconcilePeriod, type Reconciliation } from '../../../main/engine/reconcile';
import type { SimDocument } from '../../simulators/visma/model';
import { documentKey, nextNumber } from '../../simulators/visma/model';
import { configFor, startHarness, type Harness } from './harness';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
type Item = { total: string; price: string; quantity: string };

const plannedPeriod = (r: OutboxRow) =>
  (JSON.parse(r.plannedJson ?? '{}') as { financialPeriod?: string }).financialPeriod;
const dashed = (financialPeriod: string) => `${financialPeriod.slice(0, 4)}-${financialPeriod.slice(4)}`;

/** Stores a copy of a Visma document under a new number, as if someone entered it in Visma. */
function copyInVisma(h: Harness, doc: SimDocument, change: (copy: SimDocument) => void): SimDocument {
  const company = h.visma.company();
  const copy = structuredClone(doc);
  copy.referenceNumber = nextNumber(company, 'customerInvoice');
  delete copy.batchNumber;
  change(copy);
  company.documents.set(documentKey(copy.kind, copy.referenceNumber), copy);
  return copy;
}

/** ServiceTitan minus Visma per type must be explained by the drill-down lists, to the cent. */
function expectExplained(r: Reconciliation): void {
  for (const row of r.totalsByType) {
    const t = row.documentType;
    const st = sum([
      ...r.missing.filter((m) => m.st.documentType === t).map((m) => m.st.amount),
      ...r.different.filter((p) => p.st.documentType === t).map((p) => p.st.amount),
      ...r.duplicated.filter((d) => d.st.documentType === t).map((d) => d.st.amount),
    ]);
    const visma = sum([
      ...r.different.filter((p) => p.visma.documentType === t).map((p) => p.visma.amount),
      ...r.duplicated
        .flatMap((d) => d.visma)
        .filter((v) => v.documentType === t)
        .map((v) => v.amount),
      ...r.ignored
        .flatMap((d) => d.visma)
        .filter((v) => v.documentType === t)
        .map((v) => v.amount),
      ...r.outsidePeriod.filter((o) => o.visma.documentType === t).map((o) => o.visma.amount),
      ...r.unknownInVisma.filter((v) => v.documentType === t).map((v) => v.amount),
    ]);
    expect(money(row.difference.amount).equals(st.minus(visma)), `${t}: ${row.difference.amount}`).toBe(true);
  }
}

describe('month-end reconciliation against the simulators', () => {
  let h: Harness;
  let period: string;
  let closed: string;
  let changedInSt: OutboxRow;
  let duplicated: OutboxRow;
  let changedInVisma: OutboxRow;
  let ignoredId: number;
  let handPosted: SimDocument;
  let unknown: SimDocument;

  beforeAll(async () => {
    h = await startHarness({ st: { invoices: 150, bills: 30 } });
    closed = h.visma.companies[0]!.closedPeriod;
    await h.sync();
    const exported = listOutbox(h.db, h.config.id).filter(
      (r) => r.state === 'exported' && r.vismaDocType === 'customerInvoice',
    );
    const perPeriod = new Map<string, OutboxRow[]>();
    for (const r of exported)
      perPeriod.set(plannedPeriod(r)!, [...(perPeriod.get(plannedPeriod(r)!) ?? []), r]);
    const [busiest, rows] = [...perPeriod].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(rows.length).toBeGreaterThanOrEqual(5);
    period = dashed(busiest);
    [changedInSt, duplicated, changedInVisma] = rows as [OutboxRow, OutboxRow, OutboxRow];

    // ServiceTitan changes a posted invoice: the next sync refreshes the ledger snapshot (and flags it for review).
    const inv = h.st.get('invoices', Number(changedInSt.stId))!;
    const items = structuredClone(inv.items as Item[]);
    items[0]!.total = money(items[0]!.total).plus(100).toFixed(2);
    items[0]!.price = items[0]!.total;
    items[0]!.quantity = '1';
    h.st.modify('invoices', Number(changedInSt.stId), { items });
    await h.sync();

    // Behind the connector's back in Visma: a second copy of one invoice, an edited amount, a manual and a stray document.
    const company = h.visma.company();
    const docOf = (r: OutboxRow) => company.documents.get(documentKey('customerInvoice', r.vismaDocNumber!))!;
    copyInVisma(h, docOf(duplicated), () => undefined);
    const edited = docOf(changedInVisma);
    edited.amount = money(edited.amount).plus('12.50').toFixed(2);
    edited.vatTotal = money(edited.vatTotal).plus('2.50').toFixed(2);
    handPosted = copyInVisma(h, docOf(rows[3]!), (c) => delete c.externalReference);
    unknown = copyInVisma(h, docOf(rows[4]!), (c) => (c.externalReference = 'ST-8450100-INV-99999999'));

    // A document waiting in the closed period is ignored by the accountant; the others keep waiting.
    const waiting = listReview(h.db, h.config.id).filter((r) => r.reason === 'period_closed');
    expect(waiting.length).toBeGreaterThan(1);
    ignoredId = waiting[0]!.id;
    ignore(h.config, { db: h.db, actor: 'user' }, ignoredId, 'Entered by hand in Visma');
  });

  afterAll(async () => {
    await h.stop();
  });

  const reconcile = async (p: string) => {
    h.visma.resetCounters();
    const result = await reconcilePeriod(h.config, { db: h.db, visma: h.ports.visma }, p);
    return { result, counters: h.visma.counters() };
  };

  it('sorts duplicates, changed amounts, manual and stray documents into their lists with both figures', async () => {
    const { result: r, counters } = await reconcile(period);
    expect(ReconciliationView.parse(r)).toBeTruthy();

    const dup = r.duplicated.find((d) => d.st.stId === duplicated.stId)!;
    expect(dup.visma).toHaveLength(2);
    expect(dup.visma.map((v) => v.number)).toContain(duplicated.vismaDocNumber);

    const inVisma = r.different.find((p) => p.st.stId === changedInVisma.stId)!;
    expect(inVisma).toMatchObject({
      differences: ['amount', 'vat'],
      amountDifference: '-12.50',
      vatDifference: '-2.50',
    });
    expect(money(inVisma.visma.amount).minus(inVisma.st.amount).toFixed(2)).toBe('12.50');

    const inSt = r.different.find((p) => p.st.stId === changedInSt.stId)!;
    expect(inSt.differences).toContain('amount');
    const stTotal = money(String(h.st.get('invoices', Number(changedInSt.stId))!.total));
    expect(inSt.st.amount).toBe(stTotal.toFixed(2));
    expect(inSt.st.state).toBe('exported');

    expect(r.unknownInVisma.map((v) => v.number)).toEqual([unknown.referenceNumber]);
    expect(r.postedByHand.map((v) => v.number)).toEqual([handPosted.referenceNumber]);
    expect(r.postedByHandTotals.find((t) => t.documentType === 'invoice')!.figures).toEqual({
      count: 1,
      amount: handPosted.amount,
      vat: handPosted.vatTotal,
    });

    // Matched documents agree to the cent, AR and AP alike.
    expect(r.matched.length).toBeGreaterThan(0);
    expect(r.matched.some((p) => p.st.documentType === 'apBill')).toBe(true);
    expect(sum(r.matched.map((p) => p.st.amount)).equals(sum(r.matched.map((p) => p.visma.amount)))).toBe(
      true,
    );
    expect(sum(r.matched.map((p) => p.st.vat)).equals(sum(r.matched.map((p) => p.visma.vat)))).toBe(true);
    expectExplained(r);

    // Each ledger document of the period once; each Visma document of the period once.
    const stIds = [...r.matched, ...r.different, ...r.missing, ...r.duplicated, ...r.ignored].map(
      (x) => x.st.sourceId,
    );
    expect(new Set(stIds).size).toBe(stIds.length);
    const vismaNumbers = [
      ...[...r.matched, ...r.different].map((p) => p.visma),
      ...[...r.duplicated, ...r.ignored].flatMap((d) => d.visma),
      ...r.outsidePeriod.map((o) => o.visma),
      ...r.unknownInVisma,
      ...r.postedByHand,
    ].map((v) => `${v.kind}:${v.number}`);
    const stored = h.visma.documents().filter((d) => d.financialPeriod === r.financialPeriod);
    expect(vismaNumbers.sort()).toEqual(
      stored.map((d) => `${String(d.kind)}:${String(d.referenceNumber)}`).sort(),
    );

    // A few paged list calls, never one per document: Visma's periods, the period's three lists, the three
    // presence deltas that look for copies in other periods and the GL balances.
    expect(r.vismaCalls).toBe(counters.total);
    expect(r.vismaCalls).toBeLessThanOrEqual(8);
    expect(Object.keys(counters.byEndpoint).length).toBeLessThanOrEqual(5);
  });

  it('lists documents waiting in a closed period as missing with their reason, and ignored ones apart', async () => {
    const { result: r } = await reconcile(dashed(closed));
    const waiting = r.missing.filter((m) => m.st.reasonCode === 'period_closed');
    expect(waiting.length).toBeGreaterThan(0);
    for (const m of waiting) {
      expect(m).toMatchObject({ why: 'waiting', st: { state: 'blocked', vismaNumber: null } });
      expect(m.st.reasonText).toContain(closed);
    }
    expect(r.missing.some((m) => m.st.outboxId === ignoredId)).toBe(false);
    expect(r.ignored.find((i) => i.st.outboxId === ignoredId)?.st.ignoredReason).toBe(
      'Entered by hand in Visma',
    );
    const invoices = r.totalsByType.find((t) => t.documentType === 'invoice')!;
    expect(money(invoices.difference.amount).equals(sum(waiting.map((m) => m.st.amount)))).toBe(true);
    expectExplained(r);
  });

  it('`reconcile --json --csv --report` prints the report, writes the CSV and the HTML, exits 0 despite differences', async () => {
    const configFile = join(h.dataDir, 'config.json');
    const csvFile = join(h.dataDir, 'auditor.csv');
    const reportFile = join(h.dataDir, 'auditor.html');
    writeFileSync(configFile, JSON.stringify(configFor(h.st, h.visma)));
    const cli = (...args: string[]) =>
      run(
        process.execPath,
        [
          join(root, 'bin/st-visma.mjs'),
          'reconcile',
          ...args,
          '--config',
          configFile,
          '--data-dir',
          h.dataDir,
        ],
        {
          cwd: root,
        },
      );
    const out = await cli('--period', period, '--json', '--csv', csvFile);
    const report = JSON.parse(out.stdout) as Reconciliation & { csvFile: string; reportFile: string | null };
    expect(report.counts.duplicated).toBeGreaterThan(0);
    expect(report.csvFile).toBe(csvFile);
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.startsWith('\uFEFFMonth-end reconciliation\r\n')).toBe(true);
    expect(csv).toContain(`\r\nPeriod;${period}\r\n`);
    expect(csv).toContain('\r\n\r\nResult;Reason;Document type;ServiceTitan number;');
    expect(report.reportFile).toBeNull();
    const nb = await cli(
      '--period',
      period,
      '--json',
      '--csv',
      csvFile,
      '--report',
      reportFile,
      '--locale',
      'nb',
    );
    expect((JSON.parse(nb.stdout) as { reportFile: string }).reportFile).toBe(reportFile);
    expect(readFileSync(csvFile, 'utf8')).toContain('\r\n\r\nResultat;Årsak;Dokumenttype;');
    const html = readFileSync(reportFile, 'utf8');
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain(`Månedsavstemming ${period}`);
    const badLocale = await cli('--period', period, '--locale', 'de').then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(badLocale?.code).toBe(1);
    expect(badLocale?.stderr).toMatch(/en, nb/);
    const text = await cli('--period', period);
    expect(text.stdout).toMatch(/Matched \d+, different \d+, missing \d+, duplicated 1/);
    const bad = await cli('--period', '2024-13').then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toMatch(/YYYY-MM/);
  });
});
