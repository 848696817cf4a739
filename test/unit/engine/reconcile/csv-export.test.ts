import { describe, expect, it } from 'vitest';
import { reconciliationCsv } from '../../../../main/engine/reconcile/csv';
import { CLOSE_BUCKETS } from '../../../../main/engine/reconcile/types';
import { AWKWARD_NAME, closeEntries, closeFixture, FORMULA_NAME } from './close-fixture';

/** Reads `;`-separated CSV the way Excel does (RFC 4180 quoting, CRLF rows), one array of fields per row. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    i += 1;
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i += 1;
    } else if (c === '"' && (quoted || field === '')) {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && next === '\n') {
      rows.push([...row, field]);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  expect(quoted, 'an unterminated quote').toBe(false);
  expect(row.length + field.length, 'text after the last CRLF').toBe(0);
  return rows;
}

/** The summary block and the entry rows (header first), split at the one blank line. */
function sections(csv: string): { summary: string[][]; entries: string[][] } {
  const rows = parseCsv(csv.slice(1));
  const blank = rows.findIndex((r) => r.length === 1 && r[0] === '');
  expect(blank).toBeGreaterThan(0);
  expect(rows.slice(blank + 1).some((r) => r.length === 1 && r[0] === '')).toBe(false);
  return { summary: rows.slice(0, blank), entries: rows.slice(blank + 1) };
}

const summaryValue = (summary: string[][], label: string) => summary.find((r) => r[0] === label)?.slice(1);

describe('the auditor CSV', () => {
  it('is UTF-8 with a BOM, `;`-separated with CRLF line ends, and named after profile and period', () => {
    const { filename, csv } = reconciliationCsv(closeFixture());
    expect(filename).toBe('reconciliation-nordic-hvac-2024-03.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const { entries } = sections(csv);
    expect(entries[0]!.slice(0, 3)).toEqual(['Result', 'Reason', 'Document type']);
    expect(new Set(entries.map((r) => r.length))).toEqual(new Set([18]));
  });

  it('opens with the summary block: period, company, verdict, checklist, totals and the GL', () => {
    const { summary } = sections(reconciliationCsv(closeFixture()).csv);
    expect(summary[0]).toEqual(['Month-end reconciliation']);
    expect(summaryValue(summary, 'Period')).toEqual(['2024-03']);
    expect(summaryValue(summary, 'Visma financial period')).toEqual(['202403']);
    expect(summaryValue(summary, 'First day')).toEqual(['2024-03-01']);
    expect(summaryValue(summary, 'Last day')).toEqual(['2024-03-31']);
    expect(summaryValue(summary, 'Company')).toEqual(['Nordisk Varme AS']);
    expect(summaryValue(summary, 'Profile')).toEqual(['nordic-hvac']);
    expect(summaryValue(summary, 'Time zone')).toEqual(['Europe/Oslo']);
    expect(summaryValue(summary, 'Generated at')).toEqual(['2024-04-02 10:00:00']);
    expect(summaryValue(summary, 'ServiceTitan read live')).toEqual(['Yes']);
    expect(summaryValue(summary, 'Ready to close')).toEqual(['No']);
    expect(summaryValue(summary, 'Nothing waiting in the review queue')).toEqual(['Not OK', '1', '']);
    expect(summaryValue(summary, 'Nothing unconfirmed by Visma')).toEqual(['OK', '0', '']);
    expect(summaryValue(summary, 'No unexplained difference in the general ledger')).toEqual([
      'Not OK',
      '1',
      '3010',
    ]);
    expect(summaryValue(summary, 'Duplicated in Visma')).toEqual(['1']);
    const totals = summary.filter((r) => ['Invoice', 'Credit note', 'AP bill'].includes(r[0]!));
    expect(totals.map((r) => r.slice(0, 2))).toEqual([
      ['Invoice', 'All business units'],
      ['Invoice', 'HVAC Service'],
      ['Invoice', 'Rørlegger Øst'],
      ['Credit note', 'All business units'],
      ['Credit note', 'HVAC Service'],
      ['AP bill', 'All business units'],
      ['AP bill', 'Rørlegger Øst'],
    ]);
    // ServiceTitan, Visma booked, Visma not booked, difference: count, gross, VAT each.
    expect(totals[0]!.slice(2)).toEqual([
      '6',
      '750,00',
      '150,00',
      '4',
      '500,00',
      '100,00',
      '1',
      '125,00',
      '25,00',
      '2',
      '250,00',
      '50,00',
    ]);
    expect(totals[6]!.slice(-3)).toEqual(['-1', '-600,00', '-120,00']);
    expect(summary.find((r) => r[0] === '3010')).toEqual([
      '3010',
      'Salgsinntekt, service',
      'Revenue',
      '0,00',
      '1000,00',
      '-1000,00',
      '0,00',
      '-1000,00',
    ]);
  });

  it('says when ServiceTitan could not be read and when the GL could not be read', () => {
    const { summary } = sections(
      reconciliationCsv(
        closeFixture({
          servicetitanLive: false,
          servicetitanError: 'ServiceTitan answered 503.',
          gl: null,
          glError: 'Visma refused the balances.',
          companyName: null,
        }),
      ).csv,
    );
    expect(summaryValue(summary, 'ServiceTitan read live')).toEqual([
      'No, the connector’s own records stood in: ServiceTitan answered 503.',
    ]);
    expect(summaryValue(summary, 'General ledger')).toEqual([
      'Not read from Visma: Visma refused the balances.',
    ]);
    expect(summaryValue(summary, 'Company')).toEqual(['(not known)']);
  });

  it('writes Norwegian headers, labels and reasons in nb', () => {
    const { summary, entries } = sections(reconciliationCsv(closeFixture(), 'nb').csv);
    expect(entries[0]).toEqual([
      'Resultat',
      'Årsak',
      'Dokumenttype',
      'ServiceTitan-nummer',
      'ServiceTitan-id',
      'Dato',
      'Avdeling',
      'Kunde eller leverandør',
      'Kunde- eller leverandør-id i ServiceTitan',
      'Kunde- eller leverandørnummer i Visma',
      'Dokumentnummer i Visma',
      'Periode i Visma',
      'ServiceTitan brutto',
      'ServiceTitan mva',
      'Visma brutto',
      'Visma mva',
      'Differanse brutto',
      'Differanse mva',
    ]);
    expect(summaryValue(summary, 'Periode')).toEqual(['2024-03']);
    expect(summaryValue(summary, 'Firma')).toEqual(['Nordisk Varme AS']);
    expect(summaryValue(summary, 'Klar til å lukke')).toEqual(['Nei']);
    expect(summary.some((r) => r[0] === 'Leverandørfaktura' && r[1] === 'Alle avdelinger')).toBe(true);
    expect(summary.some((r) => r[0] === 'Hovedbok')).toBe(true);
    const waiting = entries.find((r) => r[0] === 'Venter i gjennomgangskøen')!;
    expect(waiting[1]).toBe(
      'Venter i gjennomgangskøen (stoppet): Leverandøren er ikke koblet til en leverandør i Visma, og den kunne ikke opprettes.',
    );
    expect(waiting[2]).toBe('Leverandørfaktura');
    const different = entries.find((r) => r[0] === 'Avvik i beløp eller mva')!;
    expect(different[1]).toBe(
      'Bokført med avvik i beløp, mva: ServiceTitan minus Visma er -12,50 brutto, -2,50 mva.',
    );
  });

  it('has one row per entry in bucket order with both sides, decimal commas and the difference', () => {
    const { entries } = sections(reconciliationCsv(closeFixture()).csv);
    const rows = entries.slice(1);
    expect(rows.map((r) => r[0])).toEqual([
      'Matched',
      'Not booked yet',
      'Waiting in the review queue',
      'Never synced',
      'Changed in ServiceTitan',
      'Different amount or VAT',
      'Duplicated in Visma',
      'Posted by hand in Visma',
      'Deleted or reversed in Visma',
      'Ignored',
      'Outside the period',
    ]);
    expect(rows).toHaveLength(CLOSE_BUCKETS.length);
    const different = rows[5]!;
    expect(different.slice(2, 7)).toEqual(['Credit note', 'INV-6', '6', '2024-03-10', 'HVAC Service']);
    expect(different.slice(10)).toEqual([
      'V6',
      '202403',
      '187,50',
      '37,50',
      '200,00',
      '40,00',
      '-12,50',
      '-2,50',
    ]);
    const duplicated = rows[6]!;
    expect(duplicated.slice(10, 12)).toEqual(['V7, V7b', '202403, 202404']);
    expect(duplicated.slice(-2)).toEqual(['-125,00', '-25,00']);
    const neverSynced = rows[3]!;
    expect(neverSynced.slice(10)).toEqual(['', '', '125,00', '25,00', '', '', '125,00', '25,00']);
    for (const row of rows) for (const amount of row.slice(12)) expect(amount).toMatch(/^(-?\d+,\d{2})?$/);
  });

  it('names the customer or supplier on every row, taken from the Visma document for Visma-only rows', () => {
    const { entries } = sections(reconciliationCsv(closeFixture()).csv);
    const header = entries[0]!;
    const name = header.indexOf('Customer or supplier');
    const stId = header.indexOf('Customer or supplier ServiceTitan id');
    const number = header.indexOf('Customer or supplier number in Visma');
    for (const row of entries.slice(1)) {
      expect(row[name], row[0]).not.toBe('');
      expect(row[stId]! + row[number]!, row[0]).not.toBe('');
    }
    const byHand = entries.find((r) => r[0] === 'Posted by hand in Visma')!;
    expect([byHand[name], byHand[stId], byHand[number]]).toEqual(['Bergen Kulde AS', '', '10077']);
    const outside = entries.find((r) => r[0] === 'Outside the period')!;
    expect([outside[name], outside[number]]).toEqual(['Hordaland Eiendom AS', '10011']);
    const waiting = entries.find((r) => r[0] === 'Waiting in the review queue')!;
    expect([waiting[name], waiting[stId], waiting[number]]).toEqual(['Rørgrossisten AS', '9003', '']);
  });

  it('keeps formula text as text and round-trips separators and quotes; amounts are never prefixed', () => {
    const entries = closeEntries();
    const risky = ['+47 22 00 00 00', '-Rabatt', '@SUM(A1)', '\tTab AS', '\rCR AS'];
    const withRisky = risky.map((name, i) => ({
      ...entries[3]!,
      party: { stId: `80${i}`, name, vismaNumber: null },
    }));
    const { csv } = reconciliationCsv(closeFixture({ entries: [...entries, ...withRisky] }));
    const rows = sections(csv).entries.slice(1);
    const names = rows.map((r) => r[7]);
    expect(names).toContain(`'${FORMULA_NAME}`);
    expect(names).toContain(AWKWARD_NAME);
    for (const name of risky) expect(names).toContain(`'${name}`);
    // Only amounts may start with a minus: they are numbers to Excel.
    for (const cell of rows.flat()) expect(cell).toMatch(/^(?![=+@\t\r])(?!-(?!\d+,\d{2}$))/);
    expect(rows.find((r) => r[0] === 'Different amount or VAT')!.slice(-2)).toEqual(['-12,50', '-2,50']);
    expect(csv).toContain(';-12,50;-2,50\r\n');
  });
});
