/** Month-end reconciliation of ServiceTitan against Visma, per period. */
export { reconcilePeriod } from './reconcile-period';
export type { ReconDeps, ReconProfile } from './reconcile-period';
export { reconciliationCsv } from './csv';
export type { ReconciliationCsv } from './csv';
export { reconciliationReportHtml } from './report-html';
export type { ReconciliationReport } from './report-html';
export { REPORT_LOCALES } from './report-text';
export type { ReportLocale } from './report-text';
export { parsePeriod, PERIOD_PATTERN } from './period';
export type * from './types';
