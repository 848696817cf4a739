/** The cells of the auditor's CSV: amounts as Nordic Excel numbers, text quoted and kept from running as a formula. */
import { csvAmount } from './report-format';

/** One cell: an amount (decimal comma, never prefixed), a count, or text (formula-safe); null is empty. */
export type Cell = { amount: string | null } | string | number | null;

/** An amount cell; null or undefined leaves it empty. */
export const amountCell = (value: string | null | undefined): Cell => ({ amount: value ?? null });

/** Escapes one field: quotes it when it holds the separator, a quote or a line break. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Text Excel would run as a formula (`=`, `+`, `-`, `@`, tab or CR first; OWASP's list for CSV injection) gets a
 * leading `'`, which Excel shows as text and does not evaluate.
 */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One cell as CSV text. */
export function renderCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'object') return cell.amount === null ? '' : csvAmount(cell.amount);
  return csvField(formulaSafe(cell));
}

/** Rows of cells as CSV lines: `;` between fields, CRLF after every line. */
export function renderRows(rows: readonly (readonly Cell[])[]): string {
  return rows.map((cells) => `${cells.map(renderCell).join(';')}\r\n`).join('');
}
