/**
 * The printable month-end report: one self-contained HTML page (inline CSS laid out for A4, no scripts, no external
 * resources; a content security policy forbids both) with the header, the "ready to close" checklist, totals per
 * document type and business unit, a chart of the differences by business unit, the GL accounts, the per-bucket
 * counts and every entry that needs attention. Every text is escaped: names come from ServiceTitan and Visma.
 */
import { reportFilename } from './csv';
import { entriesInBucketOrder, entryFacts } from './entry-facts';
import { escapeHtml as esc } from './html-escape';
import { differenceChartSvg, differencesByUnit } from './report-chart';
import { displayAmount, generatedAtText } from './report-format';
import { REPORT_CSS } from './report-css';
import {
  closeReasonText,
  GL_COLUMNS,
  reportText,
  type EntryColumn,
  type ReportLocale,
  type ReportTextCode,
} from './report-text';
import { totalsInReportOrder, unitLabel } from './totals-order';
import type { CloseEntry, Figures, Reconciliation } from './types';
import { CLOSE_BUCKETS } from './types';

/** The report and the file name it is offered under. */
export interface ReconciliationReport {
  filename: string;
  html: string;
}

type Text = (code: ReportTextCode, params?: Record<string, string>) => string;

interface Ctx {
  r: Reconciliation;
  t: Text;
  locale: ReportLocale;
}

/** A table row: cells are HTML already (built with `td`/`th`). */
interface Row {
  cells: string[];
  cls?: string;
}

const attr = (cls?: string) => (cls ? ` class="${cls}"` : '');
const th = (text: string, cls?: string, span = 1) =>
  `<th${attr(cls)}${span > 1 ? ` colspan="${span}"` : ''}>${esc(text)}</th>`;
const td = (text: string | number | null, cls?: string) => `<td${attr(cls)}>${esc(text)}</td>`;
const row = (cells: string[], cls?: string): Row => ({ cells, ...(cls ? { cls } : {}) });

/** A table with one or more header rows. */
function table(head: string[][], rows: Row[], cls?: string): string {
  const tr = (cells: string[], rowCls?: string) => `<tr${attr(rowCls)}>${cells.join('')}</tr>`;
  return (
    `<table${attr(cls)}><thead>${head.map((cells) => tr(cells)).join('')}</thead>` +
    `<tbody>${rows.map((r) => tr(r.cells, r.cls)).join('')}</tbody></table>`
  );
}

function amountTd(value: string | null, locale: ReportLocale): string {
  return td(value === null ? '' : displayAmount(value, locale), 'num');
}

function header({ r, t }: Ctx): string {
  const live = r.servicetitanLive
    ? t('summary.yes')
    : t('summary.servicetitanNotLive', { error: r.servicetitanError ?? '' });
  const meta: [string, string][] = [
    [t('summary.company'), r.companyName ?? t('summary.companyUnknown')],
    [t('summary.period'), r.period],
    [t('summary.financialPeriod'), `${r.financialPeriod} (${r.periodStart} – ${r.periodEnd})`],
    [t('summary.profile'), r.profileId],
    [t('summary.timeZone'), r.timeZone],
    [t('summary.generatedAt'), generatedAtText(r.generatedAt, r.timeZone)],
    [t('summary.servicetitanLive'), live],
  ];
  return (
    `<header><h1>${esc(t('summary.title'))} ${esc(r.period)}${r.companyName ? ` · ${esc(r.companyName)}` : ''}</h1>` +
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl></header>`
  );
}

function checklist({ r, t }: Ctx): string {
  const verdict = r.checklist.ready
    ? `<p class="verdict ready">✓ ${esc(t('summary.ready'))}</p>`
    : `<p class="verdict not-ready">✗ ${esc(t('summary.notReady'))}</p>`;
  const rows = r.checklist.items.map((item) =>
    row([
      td(t(`check.${item.id}`)),
      item.ok ? td(`✓ ${t('summary.ok')}`, 'ok') : td(`✗ ${t('summary.notOk')}`, 'not-ok'),
      td(item.count, 'num'),
      td(item.accounts?.join(', ') ?? ''),
    ]),
  );
  const head = [th(t('summary.check')), th(''), th(t('totals.count'), 'num'), th(t('summary.accounts'))];
  return `<section class="checklist"><h2>${esc(t('summary.checklist'))}</h2>${verdict}${table([head], rows)}</section>`;
}

function figureCells(f: Figures, locale: ReportLocale): string[] {
  return [td(f.count, 'num'), amountTd(f.amount, locale), amountTd(f.vat, locale)];
}

const SIDES = ['servicetitan', 'vismaBooked', 'vismaNotBooked', 'difference'] as const;

function totals({ r, t, locale }: Ctx): string {
  const groups = [th('', '', 2), ...SIDES.map((side) => th(t(`totals.${side}`), 'group', 3))];
  const columns = [
    th(t('totals.documentType')),
    th(t('totals.businessUnit')),
    ...SIDES.flatMap(() => [
      th(t('totals.count'), 'num'),
      th(t('totals.gross'), 'num'),
      th(t('totals.vat'), 'num'),
    ]),
  ];
  const rows = totalsInReportOrder(r).map(({ totals: line, allUnits }) =>
    row(
      [
        td(t(`docType.${line.documentType}`)),
        td(allUnits ? t('summary.allUnits') : unitLabel(line, locale)),
        ...figureCells(line.servicetitan, locale),
        ...figureCells(line.visma, locale),
        ...figureCells(line.vismaNotBooked, locale),
        ...figureCells(line.difference, locale),
      ],
      allUnits ? 'all' : undefined,
    ),
  );
  return `<section><h2>${esc(t('summary.totals'))}</h2>${table([groups, columns], rows, 'totals')}</section>`;
}

function chart({ r, t, locale }: Ctx): string {
  const units = differencesByUnit(r.totals, locale);
  const content =
    units.length === 0
      ? `<p class="muted">${esc(t('summary.chartEmpty'))}</p>`
      : differenceChartSvg(units, t('summary.chart'), locale);
  return (
    `<section class="figure"><h2>${esc(t('summary.chart'))}</h2>` +
    `<p class="muted">${esc(t('summary.chartNote'))}</p>${content}</section>`
  );
}

function gl({ r, t, locale }: Ctx): string {
  const title = `<h2>${esc(t('summary.gl'))}</h2>`;
  if (!r.gl) {
    const why = t('summary.glNotRead', { error: r.glError ?? '' });
    return `<section>${title}<p class="not-ok">${esc(why)}</p></section>`;
  }
  const unexplained = new Set(r.gl.unexplainedAccounts);
  const head = GL_COLUMNS.map((c, i) => th(t(`gl.${c}`), i > 2 ? 'num' : undefined));
  const rows = r.gl.accounts.map((a) => {
    const flagged = unexplained.has(a.account);
    return row(
      [
        td(a.account),
        td(a.description),
        td(a.roles.map((role) => t(`glRole.${role}`)).join(', ')),
        ...[a.debit, a.credit, a.net, a.explained, a.unexplained].map((v) => amountTd(v, locale)),
      ],
      flagged ? 'unexplained' : undefined,
    );
  });
  return `<section>${title}${table([head], rows, 'gl')}</section>`;
}

function bucketCounts({ r, t }: Ctx): string {
  const rows = CLOSE_BUCKETS.map((b) => row([td(t(`bucket.${b}`)), td(r.bucketCounts[b] ?? 0, 'num')]));
  const head = [th(t('column.bucket')), th(t('totals.count'), 'num')];
  return `<section><h2>${esc(t('summary.bucketCounts'))}</h2>${table([head], rows, 'narrow')}</section>`;
}

function entryCells(entry: CloseEntry, { t, locale }: Ctx): string[] {
  const f = entryFacts(entry);
  const small = (text: string) => (text ? `<br><small>${esc(text)}</small>` : '');
  const partyIds = [
    f.party.stId ? `ServiceTitan ${f.party.stId}` : '',
    f.party.vismaNumber ? `Visma ${f.party.vismaNumber}` : '',
  ];
  return [
    td(closeReasonText(locale, entry.reason)),
    td(t(`docType.${entry.documentType}`)),
    `<td>${esc(f.stNumber)}${small(f.stId ? `id ${f.stId}` : '')}</td>`,
    td(f.date, 'nowrap'),
    td(f.businessUnit),
    `<td>${esc(f.party.name)}${small(partyIds.filter((x) => x !== '').join(' · '))}</td>`,
    `<td>${esc(f.vismaNumbers)}${small(f.vismaPeriods)}</td>`,
    amountTd(f.stGross, locale),
    amountTd(f.vismaGross, locale),
    amountTd(f.differenceGross, locale),
  ];
}

const ATTENTION_TEXT: readonly EntryColumn[] = [
  'reason',
  'documentType',
  'stNumber',
  'date',
  'businessUnit',
  'partyName',
  'vismaNumbers',
];
const ATTENTION_AMOUNTS: readonly EntryColumn[] = ['stGross', 'vismaGross', 'differenceGross'];

function attention(ctx: Ctx): string {
  const { r, t } = ctx;
  const open = entriesInBucketOrder(r.entries.filter((e) => e.bucket !== 'matched'));
  const title =
    `<h2>${esc(t('summary.attention'))}</h2>` +
    `<p class="muted">${esc(t('summary.matchedOnlyCounted'))}</p>`;
  if (open.length === 0)
    return `<section>${title}<p class="ok">${esc(t('summary.attentionNone'))}</p></section>`;
  const head = [
    ...ATTENTION_TEXT.map((c) => th(t(`column.${c}`))),
    ...ATTENTION_AMOUNTS.map((c) => th(t(`column.${c}`), 'num')),
  ];
  const groups = CLOSE_BUCKETS.filter((b) => b !== 'matched').flatMap((bucket) => {
    const inBucket = open.filter((e) => e.bucket === bucket);
    if (inBucket.length === 0) return [];
    const rows = inBucket.map((e) => row(entryCells(e, ctx)));
    return [
      `<div class="bucket" data-bucket="${bucket}"><h3>${esc(t(`bucket.${bucket}`))} (${inBucket.length})</h3>` +
        `${table([head], rows, 'entries')}</div>`,
    ];
  });
  return `<section>${title}${groups.join('')}</section>`;
}

/** The printable report of a reconciliation in a language (see the top of this module). */
export function reconciliationReportHtml(
  r: Reconciliation,
  locale: ReportLocale = 'en',
): ReconciliationReport {
  const ctx: Ctx = { r, locale, t: (code, params) => reportText(locale, code, params) };
  const title = `${ctx.t('summary.title')} ${r.period}${r.companyName ? ` – ${r.companyName}` : ''}`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${locale}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>`,
    header(ctx),
    checklist(ctx),
    totals(ctx),
    chart(ctx),
    gl(ctx),
    bucketCounts(ctx),
    attention(ctx),
    '</body></html>',
    '',
  ].join('\n');
  return { filename: reportFilename(r, 'html'), html };
}
