/**
 * The auditor's CSV, made for Nordic Excel, which opens it with a double-click: UTF-8 with a byte order mark (so
 * æ, ø and å read right), `;` between fields, CRLF line ends (RFC 4180), amounts with two decimals and a decimal
 * comma and no thousands separator, ISO dates (`yyyy-MM-dd`). Fields with `;`, quotes or line breaks are quoted
 * with doubled quotes; text Excel would run as a formula gets a leading `'` (amounts never do: `-12,50` stays a
 * number). Layout: the summary block (period, company, verdict and checklist, per-bucket counts, totals per document
 * type and business unit, the GL accounts), one blank line, then a header and one row per close entry.
 */
import { amountCell, renderRows, type Cell } from './csv-cells';
import { summaryRows } from './csv-summary';
import { entriesInBucketOrder, entryFacts } from './entry-facts';
import { closeReasonText, ENTRY_COLUMNS, reportText, type ReportLocale } from './report-text';
import type { CloseEntry, Reconciliation } from './types';

export { csvField } from './csv-cells';

/** The CSV and the file name it is offered under. */
export interface ReconciliationCsv {
  filename: string;
  csv: string;
}

function entryRow(entry: CloseEntry, locale: ReportLocale): Cell[] {
  const f = entryFacts(entry);
  return [
    reportText(locale, `bucket.${entry.bucket}`),
    closeReasonText(locale, entry.reason),
    reportText(locale, `docType.${entry.documentType}`),
    f.stNumber,
    f.stId,
    f.date,
    f.businessUnit,
    f.party.name,
    f.party.stId,
    f.party.vismaNumber,
    f.vismaNumbers,
    f.vismaPeriods,
    amountCell(f.stGross),
    amountCell(f.stVat),
    amountCell(f.vismaGross),
    amountCell(f.vismaVat),
    amountCell(f.differenceGross),
    amountCell(f.differenceVat),
  ];
}

/** A file name safe on every system. */
export function reportFilename(r: Pick<Reconciliation, 'profileId' | 'period'>, extension: string): string {
  return `reconciliation-${r.profileId}-${r.period}.${extension}`.replace(/[^\w.-]/g, '_');
}

/** The auditor's CSV of a reconciliation in a language (format described at the top of this module). */
export function reconciliationCsv(r: Reconciliation, locale: ReportLocale = 'en'): ReconciliationCsv {
  const entries: Cell[][] = [
    ENTRY_COLUMNS.map((c) => reportText(locale, `column.${c}`)),
    ...entriesInBucketOrder(r.entries).map((e) => entryRow(e, locale)),
  ];
  return {
    filename: reportFilename(r, 'csv'),
    csv: `\uFEFF${renderRows(summaryRows(r, locale))}\r\n${renderRows(entries)}`,
  };
}
