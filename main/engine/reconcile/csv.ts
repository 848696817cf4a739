import type { Reconciliation, StDoc, VismaDoc } from './types';

/**
 * The auditor's CSV. Chosen for Nordic Excel, which opens it with a double-click: `;` between fields, a decimal
 * comma in amounts (no thousands separator), ISO dates, a header row, CRLF line ends (RFC 4180) and a UTF-8 byte
 * order mark so Excel reads æ, ø, å, ä and ö correctly. Fields with `;`, quotes or line breaks are quoted with
 * doubled quotes; text that Excel would run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.
 */

/** The CSV and the file name it is offered under. */
export interface ReconciliationCsv {
  filename: string;
  csv: string;
}

const HEADER = [
  'Status',
  'Document type',
  'Business unit',
  'ServiceTitan id',
  'ServiceTitan number',
  'ServiceTitan date',
  'ServiceTitan amount',
  'ServiceTitan VAT',
  'Outbox state',
  'Reason',
  'Visma type',
  'Visma number',
  'Visma date',
  'Visma period',
  'Visma amount',
  'Visma VAT',
  'GL batch',
  'Amount difference',
  'VAT difference',
];

/** One cell: an amount (decimal comma) or text (formula-safe). */
type Cell = { amount: string | null } | string | null;

/** Escapes one field: quotes it when it holds the separator, a quote or a line break. */
export function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function render(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.amount === null ? '' : cell.amount.replace('.', ',');
  return csvField(/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);
}

const amount = (value: string | null | undefined): Cell => ({ amount: value ?? null });

function stCells(st: StDoc | null, reason: string | null): Cell[] {
  if (!st) return [null, null, null, null, null, null, reason];
  return [st.stId, st.number, st.date, amount(st.amount), amount(st.vat), st.state, reason ?? st.reasonText];
}

function vismaCells(visma: VismaDoc | null, st: StDoc | null): Cell[] {
  if (!visma) return [null, st?.vismaNumber ?? null, null, null, null, null, null];
  const batch = st && st.vismaNumber === visma.number ? st.glBatchNumber : null;
  return [
    visma.kind,
    visma.number,
    visma.date,
    visma.financialPeriod,
    amount(visma.amount),
    amount(visma.vat),
    batch,
  ];
}

function row(
  status: string,
  st: StDoc | null,
  visma: VismaDoc | null,
  extra: { reason?: string | null; unit?: string | null; differences?: [string, string] } = {},
): Cell[] {
  return [
    status,
    st?.documentType ?? visma?.documentType ?? null,
    extra.unit ?? st?.businessUnitName ?? st?.businessUnitId ?? null,
    ...stCells(st, extra.reason ?? null),
    ...vismaCells(visma, st),
    amount(extra.differences?.[0]),
    amount(extra.differences?.[1]),
  ];
}

/** Every ServiceTitan/Visma document pair of the reconciliation as CSV rows (without the header). */
function rows(r: Reconciliation): Cell[][] {
  return [
    ...r.matched.map((p) => row('matched', p.st, p.visma, { differences: ['0.00', '0.00'] })),
    ...r.different.map((p) =>
      row('different', p.st, p.visma, {
        reason: p.differences.join(', '),
        differences: [p.amountDifference, p.vatDifference],
      }),
    ),
    ...r.missing.map((m) => row('missing', m.st, null, { reason: m.st.reasonText ?? m.why })),
    ...r.duplicated.flatMap((d) => d.visma.map((v) => row('duplicated', d.st, v))),
    ...r.ignored.flatMap((i) =>
      (i.visma.length > 0 ? i.visma : [null]).map((v) =>
        row('ignored', i.st, v, { reason: i.st.ignoredReason }),
      ),
    ),
    ...r.outsidePeriod.map((o) =>
      row('outside_period', null, o.visma, {
        reason: `${o.why}: ServiceTitan ${o.source.number} dated ${o.source.date}`,
        unit: o.source.businessUnitName ?? o.source.businessUnitId,
      }),
    ),
    ...r.unknownInVisma.map((v) => row('unknown_in_visma', null, v, { reason: v.key })),
    ...r.postedByHand.map((v) => row('posted_by_hand', null, v)),
  ];
}

/** The auditor's CSV of a reconciliation (format described at the top of this module). */
export function reconciliationCsv(r: Reconciliation): ReconciliationCsv {
  const lines = [HEADER.map(csvField), ...rows(r).map((cells) => cells.map(render))].map((l) => l.join(';'));
  return {
    filename: `reconciliation-${r.profileId}-${r.period}.csv`.replace(/[^\w.-]/g, '_'),
    csv: `\uFEFF${lines.join('\r\n')}\r\n`,
  };
}
