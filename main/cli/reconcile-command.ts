import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import {
  parsePeriod,
  reconcilePeriod,
  reconciliationCsv,
  reconciliationReportHtml,
  REPORT_LOCALES,
} from '../engine/reconcile';
import type { Reconciliation, ReportLocale, TotalsRow } from '../engine/reconcile';
import { CLOSE_BUCKETS } from '../engine/reconcile/types';
import { closeReasonText, reportText, type ReportTextCode } from '../engine/reconcile/report-text';
import { engineOptions, openEngineContext, printJson, type EngineCliOptions } from './engine-options';

const TYPE_LABEL = { invoice: 'Invoices', creditNote: 'Credit notes', apBill: 'AP bills' } as const;

function totalsLine(row: TotalsRow, label: string): string {
  const side = (f: TotalsRow['servicetitan']) =>
    `${String(f.count).padStart(4)} ${f.amount.padStart(14)} ${f.vat.padStart(12)}`;
  return `  ${label.padEnd(30).slice(0, 30)} ${side(row.servicetitan)} | ${side(row.visma)} | ${row.difference.amount.padStart(12)} ${row.difference.vat.padStart(10)}`;
}

/** The close in words: the verdict and each check, the count per bucket, and every document that needs a look. */
function describeClose(r: Reconciliation, locale: ReportLocale): string[] {
  const text = (code: ReportTextCode, params?: Record<string, string | number>) =>
    reportText(locale, code, params);
  return [
    text(r.checklist.ready ? 'summary.ready' : 'summary.notReady'),
    ...r.checklist.items.map(
      (i) =>
        `  [${i.ok ? text('summary.ok') : text('summary.notOk')}] ${text(`check.${i.id}`)}: ${i.count}${i.accounts?.length ? ` (${i.accounts.join(', ')})` : ''}`,
    ),
    ...(r.servicetitanLive
      ? []
      : [text('summary.servicetitanNotLive', { error: r.servicetitanError ?? '' })]),
    CLOSE_BUCKETS.map((b) => `${text(`bucket.${b}`)} ${r.bucketCounts[b]}`).join(', '),
    ...r.entries
      .filter((e) => e.bucket !== 'matched')
      .map(
        (e) =>
          `  ${text(`bucket.${e.bucket}`)}: ${e.st?.number ?? e.visma[0]?.number ?? ''} ${e.amount} — ${closeReasonText(locale, e.reason)}`,
      ),
  ];
}

/** The human-readable report: totals by type and business unit, the close, the documents to look at. */
export function describeReconciliation(r: Reconciliation, locale: ReportLocale = 'en'): string {
  const head = `  ${''.padEnd(30)} ${'ServiceTitan: n, gross, VAT'.padStart(31)} | ${'Visma: n, gross, VAT'.padStart(31)} | ${'Difference: gross, VAT'.padStart(23)}`;
  const c = r.counts;
  const lines = [
    `Reconciliation of ${r.period} (Visma period ${r.financialPeriod}), profile ${r.profileId}, dates in ${r.timeZone}.`,
    head,
    ...r.totalsByType.map((t) => totalsLine(t, TYPE_LABEL[t.documentType])),
    'By business unit:',
    ...r.totals.map((t) =>
      totalsLine(t, `${TYPE_LABEL[t.documentType]} · ${t.businessUnitName ?? t.businessUnitId ?? '(none)'}`),
    ),
    `Matched ${c.matched}, different ${c.different}, missing ${c.missing}, duplicated ${c.duplicated}, unknown in Visma ${c.unknownInVisma}, outside the period ${c.outsidePeriod}, ignored ${c.ignored}, posted by hand ${c.postedByHand}.`,
    ...r.different.map(
      (p) =>
        `  different: ${p.st.number} ↔ ${p.visma.number} (${p.differences.join(', ')}): ServiceTitan ${p.st.amount} / VAT ${p.st.vat}, Visma ${p.visma.amount} / VAT ${p.visma.vat}`,
    ),
    ...r.missing.map(
      (m) =>
        `  missing: ${m.st.number} ${m.st.amount} [${m.st.state ?? 'not queued'}] ${m.st.reasonText ?? m.why}`,
    ),
    ...r.duplicated.map((d) => `  duplicated: ${d.st.number} → ${d.visma.map((v) => v.number).join(', ')}`),
    ...r.unknownInVisma.map((v) => `  unknown in Visma: ${v.number} (${v.key ?? ''}) ${v.amount}`),
    ...describeClose(r, locale),
    `Visma calls: ${r.vismaCalls}, ServiceTitan calls: ${r.servicetitanCalls}.`,
    '',
  ];
  return lines.join('\n');
}

type ReconcileOptions = EngineCliOptions & {
  period: string;
  csv?: string;
  report?: string;
  locale: ReportLocale;
};

/** Writes the CSV and the printable report that were asked for; the absolute paths (null when not asked). */
function writeExports(
  result: Reconciliation,
  opts: ReconcileOptions,
): { csvFile: string | null; reportFile: string | null } {
  const csvFile = opts.csv ? resolve(opts.csv) : null;
  const reportFile = opts.report ? resolve(opts.report) : null;
  if (csvFile) writeFileSync(csvFile, reconciliationCsv(result, opts.locale).csv, 'utf8');
  if (reportFile) writeFileSync(reportFile, reconciliationReportHtml(result, opts.locale).html, 'utf8');
  return { csvFile, reportFile };
}

/** `st-visma reconcile --period YYYY-MM`: a report, so exit 0 even with differences; 1 on a fatal error. */
export function registerReconcileCommand(program: Command): void {
  engineOptions(
    program
      .command('reconcile')
      .description(
        'Compare ServiceTitan with Visma for a period: totals, missing, duplicated and different documents.',
      )
      .requiredOption('--period <YYYY-MM>', 'the month to reconcile (local dates in the profile time zone)')
      .option('--csv <file>', "write the auditor's CSV (';'-separated, decimal comma, UTF-8 with BOM)")
      .option('--report <file>', 'write the printable report (a self-contained HTML page for A4)')
      .addOption(
        new Option('--locale <locale>', 'the language of the CSV and the report')
          .choices(REPORT_LOCALES)
          .default('en'),
      ),
  ).action(async (opts: ReconcileOptions) => {
    parsePeriod(opts.period);
    const ctx = await openEngineContext(opts);
    try {
      const ports = await ctx.connect();
      const result = await reconcilePeriod(
        ctx.config,
        { db: ctx.db, st: ports.st, visma: ports.visma },
        opts.period,
      );
      const { csvFile, reportFile } = writeExports(result, opts);
      if (opts.json) return printJson({ ...result, csvFile, reportFile });
      process.stdout.write(describeReconciliation(result, opts.locale));
      if (csvFile) process.stdout.write(`CSV written to ${csvFile}.\n`);
      if (reportFile) process.stdout.write(`Report written to ${reportFile}.\n`);
    } finally {
      ctx.close();
    }
  });
}
