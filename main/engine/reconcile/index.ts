/** Month-end reconciliation of ServiceTitan against Visma, per period. */
export { reconcilePeriod } from './reconcile-period';
export type { ReconDeps, ReconProfile } from './reconcile-period';
export { reconciliationCsv } from './csv';
export type { ReconciliationCsv } from './csv';
export { parsePeriod, PERIOD_PATTERN } from './period';
export type * from './types';
