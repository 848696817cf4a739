/** Characters that make a spreadsheet read a cell as a formula; such cells get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when it holds the separator, a quote, a line break or edge spaces; quotes doubled. */
export function csvCell(value: string, separator: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const needsQuotes = safe.includes(separator) || /["\r\n]/.test(safe) || safe !== safe.trim();
  return needsQuotes ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A CSV document (RFC 4180 line ends) with a byte-order mark so that Excel reads it as UTF-8. Norwegian Excel
 * expects `;` between cells, English `,`; the caller picks.
 */
export function toCsv(rows: readonly (readonly string[])[], separator: ',' | ';'): string {
  return (
    '\uFEFF' +
    rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n') +
    '\r\n'
  );
}

/** Offers `text` as a file download (a Blob URL, released right after the click). */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
