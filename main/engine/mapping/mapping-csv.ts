import { MAPPING_TABLES, type MappingFile } from './rules';

/** The columns of a mapping CSV: one row per target field; `name` is the Visma record's name (ignored on import). */
export const MAPPING_CSV_HEADER = ['table', 'key', 'field', 'value', 'name'] as const;

/** Tables a CSV row may name besides the rule tables. */
const LINK_TABLES = { 'links.customers': 'customers', 'links.suppliers': 'suppliers' } as const;

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The mapping file as CSV for a spreadsheet (comma-separated, UTF-8 with a byte-order mark): rules first, in resolver
 * order, then the customer and supplier links; `nameOf` fills the name column.
 */
export function mappingsToCsv(
  file: MappingFile,
  nameOf: (table: string, field: string, value: string) => string | undefined = () => undefined,
): string {
  const rows: string[][] = [[...MAPPING_CSV_HEADER]];
  for (const table of MAPPING_TABLES) {
    for (const [key, target] of Object.entries(file.rules[table])) {
      for (const [field, value] of Object.entries(target as Record<string, string>))
        rows.push([table, key, field, value, nameOf(table, field, value) ?? '']);
    }
  }
  for (const [table, side] of Object.entries(LINK_TABLES)) {
    for (const [key, value] of Object.entries(file.links[side]))
      rows.push([table, key, 'number', value, nameOf(table, 'number', value) ?? '']);
  }
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Splits CSV text into rows of cells (RFC 4180 quoting; `,` or `;` as the header line uses). */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const separator = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) {
      row.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
    } else value += c;
  }
  if (value !== '' || row.length > 0) rows.push([...row, value]);
  return rows.filter((r) => r.some((v) => v.trim() !== ''));
}

const unformula = (v: string) => (/^'[=+\-@]/.test(v) ? v.slice(1) : v).trim();

/**
 * Reads a mapping CSV into the shape of a mapping file (validated afterwards like a JSON one). Throws a plain message
 * naming the line for a missing header, an unknown table or a row without key, field or value.
 */
export function mappingsFromCsv(text: string): unknown {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  for (const name of ['table', 'key', 'field', 'value'])
    if (at(name) < 0)
      throw new Error(
        `The CSV has no "${name}" column: its first line must be ${MAPPING_CSV_HEADER.join(',')}.`,
      );
  const rules: Record<string, Record<string, Record<string, string>>> = {};
  const links: Record<string, Record<string, string>> = { customers: {}, suppliers: {} };
  rows.forEach((r, index) => {
    const line = index + 2;
    const [table, key, field, value] = ['table', 'key', 'field', 'value'].map((n) =>
      unformula(r[at(n)] ?? ''),
    );
    if (!table || !key || !field || !value)
      throw new Error(`Line ${line} of the CSV lacks a table, key, field or value.`);
    if (table in LINK_TABLES) {
      links[LINK_TABLES[table as keyof typeof LINK_TABLES]]![key] = value;
    } else if ((MAPPING_TABLES as string[]).includes(table)) {
      const entries = (rules[table] ??= {});
      (entries[key] ??= {})[field] = value;
    } else {
      throw new Error(`Line ${line} of the CSV names the table "${table}", which does not exist.`);
    }
  });
  return { format: 'st-visma-mappings', version: 1, rules, links };
}
