import type { AuditEntryView } from '../../../shared/contract/engine-schemas';

/** The exported columns, in order; the header row uses the UI language, the cells keep the engine's values. */
export const AUDIT_CSV_COLUMNS = [
  'at',
  'actor',
  'action',
  'outcome',
  'sourceType',
  'sourceNumber',
  'vismaDocType',
  'vismaDocNumber',
  'glBatchNumber',
  'message',
] as const;

/** One exported column. */
export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

/** A cell as the reader sees it: the column's value in the UI language (the engine's value when not given). */
export type AuditCell = (column: AuditCsvColumn, entry: AuditEntryView) => string | undefined;

/**
 * The header row and one row per entry, both in the UI language; times stay ISO 8601 (UTC) so that an auditor can
 * sort and compare them.
 */
export function auditRows(
  entries: readonly AuditEntryView[],
  header: (column: AuditCsvColumn) => string,
  cell: AuditCell = () => undefined,
): string[][] {
  return [
    AUDIT_CSV_COLUMNS.map(header),
    ...entries.map((e) => AUDIT_CSV_COLUMNS.map((column) => cell(column, e) ?? e[column] ?? '')),
  ];
}

/** A file name with the export date, e.g. `audit-log-nordic-hvac-2026-01-31.csv`. */
export function auditFileName(profileId: string | undefined, today: Date): string {
  const day = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  return `audit-log-${profileId ? `${profileId}-` : ''}${day}.csv`;
}

/** The ISO instant where a local calendar day (`yyyy-MM-dd`) starts; `dayAfter` gives the end of that day. */
export function localDayStart(date: string, dayAfter = false): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + (dayAfter ? 1 : 0)).toISOString();
}
