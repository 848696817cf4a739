import type { SourceDocument, SourceLine } from './domain';

/** One field that differs between the posted and the current version of a document. */
export interface FieldDifference {
  field: string;
  before: string | null;
  after: string | null;
}

const HEADER_FIELDS: (keyof SourceDocument)[] = [
  'number',
  'documentDate',
  'dueDate',
  'partyId',
  'partyName',
  'businessUnitId',
  'jobId',
  'taxZoneId',
  'vendorReference',
  'subTotal',
  'tax',
  'total',
  'active',
];
const LINE_FIELDS: (keyof SourceLine)[] = [
  'description',
  'quantity',
  'unitPrice',
  'amount',
  'glAccountNumber',
  'taxable',
  'skuId',
];

const show = (v: SourceDocument[keyof SourceDocument] | SourceLine[keyof SourceLine]): string | null =>
  v === undefined ? null : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Field-by-field differences between two versions of a source document (lines matched by id). */
export function diffDocuments(before: SourceDocument, after: SourceDocument): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const f of HEADER_FIELDS) {
    if (show(before[f]) !== show(after[f]))
      out.push({ field: f, before: show(before[f]), after: show(after[f]) });
  }
  const oldLines = new Map(before.lines.map((l) => [l.lineId, l]));
  const newLines = new Map(after.lines.map((l) => [l.lineId, l]));
  for (const [id, line] of oldLines) {
    const next = newLines.get(id);
    if (!next) {
      out.push({ field: `line ${id}`, before: `${line.description} ${line.amount}`, after: null });
      continue;
    }
    for (const f of LINE_FIELDS) {
      if (show(line[f]) !== show(next[f]))
        out.push({ field: `line ${id} ${f}`, before: show(line[f]), after: show(next[f]) });
    }
  }
  for (const [id, line] of newLines) {
    if (!oldLines.has(id))
      out.push({ field: `line ${id}`, before: null, after: `${line.description} ${line.amount}` });
  }
  return out;
}
