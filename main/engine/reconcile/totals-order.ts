/** The order the exports list totals in: per document type its all-units row, then its business units. */
import { reportText, type ReportLocale } from './report-text';
import type { Reconciliation, TotalsRow } from './types';
import { RECON_DOC_TYPES } from './types';

/** A totals row and whether it is the document type's row over all business units. */
export interface OrderedTotals {
  totals: TotalsRow;
  allUnits: boolean;
}

/** Each document type's all-units row followed by its business-unit rows. */
export function totalsInReportOrder(r: Pick<Reconciliation, 'totals' | 'totalsByType'>): OrderedTotals[] {
  return RECON_DOC_TYPES.flatMap((type) => [
    ...r.totalsByType.filter((t) => t.documentType === type).map((totals) => ({ totals, allUnits: true })),
    ...r.totals.filter((t) => t.documentType === type).map((totals) => ({ totals, allUnits: false })),
  ]);
}

/** A business unit's name, else its id, else "no business unit" in the language. */
export function unitLabel(
  unit: { businessUnitName: string | null; businessUnitId: string | null },
  locale: ReportLocale,
): string {
  return unit.businessUnitName ?? unit.businessUnitId ?? reportText(locale, 'summary.noUnit');
}
