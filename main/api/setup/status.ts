import type { SetupStatusView } from '../../../shared/contract/setup-schemas';
import { masterDataReviewItems } from '../../engine/alignment/review-items';
import { loadRules } from '../../engine/mapping/rule-store';
import { listOutbox } from '../../engine/outbox/store';
import type { Ledger } from '../../storage/types';

/**
 * What still blocks posting as far as the ledger knows: open master-data questions (conflicts, suggestions, drift),
 * and waiting documents by the reason they wait; plus how many mapping rules there are.
 */
export function setupStatus(db: Ledger, profileId: string): SetupStatusView {
  const byCode = new Map<string, number>();
  for (const row of listOutbox(db, profileId, ['blocked'])) {
    const code = row.reasonCode ?? 'unknown';
    byCode.set(code, (byCode.get(code) ?? 0) + 1);
  }
  const rules = Object.values(loadRules(db, profileId) as Record<string, Record<string, unknown>>).reduce(
    (n, table) => n + Object.keys(table).length,
    0,
  );
  return {
    reviewItems: masterDataReviewItems(db, profileId).length,
    rules,
    waiting: [...byCode].map(([code, count]) => ({ code, count })),
  };
}
