/** The summary block that opens the auditor's CSV: the period, the verdict and checklist, the totals and the GL. */
import { amountCell, type Cell } from './csv-cells';
import { generatedAtText } from './report-format';
import { GL_COLUMNS, reportText, type ReportLocale, type ReportTextCode } from './report-text';
import { unitLabel, totalsInReportOrder } from './totals-order';
import type { Figures, GlLevel, Reconciliation, TotalsRow } from './types';
import { CLOSE_BUCKETS } from './types';

type Text = (code: ReportTextCode, params?: Record<string, string>) => string;

function headRows(r: Reconciliation, t: Text): Cell[][] {
  const live = r.servicetitanLive
    ? t('summary.yes')
    : t('summary.servicetitanNotLive', { error: r.servicetitanError ?? '' });
  return [
    [t('summary.title')],
    [t('summary.period'), r.period],
    [t('summary.financialPeriod'), r.financialPeriod],
    [t('summary.firstDay'), r.periodStart],
    [t('summary.lastDay'), r.periodEnd],
    [t('summary.company'), r.companyName ?? t('summary.companyUnknown')],
    [t('summary.profile'), r.profileId],
    [t('summary.timeZone'), r.timeZone],
    [t('summary.generatedAt'), generatedAtText(r.generatedAt, r.timeZone)],
    [t('summary.servicetitanLive'), live],
  ];
}

function checklistRows(r: Reconciliation, t: Text): Cell[][] {
  return [
    [t('summary.readyToClose'), r.checklist.ready ? t('summary.yes') : t('summary.no')],
    ...r.checklist.items.map((item): Cell[] => [
      t(`check.${item.id}`),
      item.ok ? t('summary.ok') : t('summary.notOk'),
      item.count,
      item.accounts?.join(', ') ?? null,
    ]),
  ];
}

function bucketRows(r: Reconciliation, t: Text): Cell[][] {
  return [
    [t('summary.bucketCounts')],
    ...CLOSE_BUCKETS.map((b): Cell[] => [t(`bucket.${b}`), r.bucketCounts[b] ?? 0]),
  ];
}

const SIDES = ['servicetitan', 'vismaBooked', 'vismaNotBooked', 'difference'] as const;

const figures = (f: Figures): Cell[] => [f.count, amountCell(f.amount), amountCell(f.vat)];

function totalsRows(r: Reconciliation, t: Text, locale: ReportLocale): Cell[][] {
  const header = [
    t('totals.documentType'),
    t('totals.businessUnit'),
    ...SIDES.flatMap((side) =>
      (['count', 'gross', 'vat'] as const).map((what) => `${t(`totals.${side}`)} ${t(`totals.${what}`)}`),
    ),
  ];
  const row = (totals: TotalsRow, unit: string): Cell[] => [
    t(`docType.${totals.documentType}`),
    unit,
    ...figures(totals.servicetitan),
    ...figures(totals.visma),
    ...figures(totals.vismaNotBooked),
    ...figures(totals.difference),
  ];
  return [
    [t('summary.totals')],
    header,
    ...totalsInReportOrder(r).map(({ totals, allUnits }) =>
      row(totals, allUnits ? t('summary.allUnits') : unitLabel(totals, locale)),
    ),
  ];
}

function glRows(gl: GlLevel | null, glError: string | null, t: Text): Cell[][] {
  if (!gl) return [[t('summary.gl'), t('summary.glNotRead', { error: glError ?? '' })]];
  return [
    [t('summary.gl')],
    GL_COLUMNS.map((c) => t(`gl.${c}`)),
    ...gl.accounts.map((a): Cell[] => [
      a.account,
      a.description,
      a.roles.map((role) => t(`glRole.${role}`)).join(', '),
      amountCell(a.debit),
      amountCell(a.credit),
      amountCell(a.net),
      amountCell(a.explained),
      amountCell(a.unexplained),
    ]),
  ];
}

/** The summary block's rows (no blank line inside it; a blank line follows it in the CSV). */
export function summaryRows(r: Reconciliation, locale: ReportLocale): Cell[][] {
  const t: Text = (code, params) => reportText(locale, code, params);
  return [
    ...headRows(r, t),
    ...checklistRows(r, t),
    ...bucketRows(r, t),
    ...totalsRows(r, t, locale),
    ...glRows(r.gl, r.glError, t),
  ];
}
