import type { ReviewItemView, ReviewListQuery, ReviewListView } from '../../../shared/contract';
import { masterDataReviewItems, type MasterDataReviewItem } from '../../engine/alignment/review-items';
import { reviewItemOf } from '../../engine/review';
import type { Ledger } from '../../storage/types';
import { documentItemView, masterDataItemView } from '../review-view';
import { reviewDocumentPage } from './review-page';

/** The name of the party a master-data item is about, from the cached Visma and ServiceTitan records. */
function partyNameOf(db: Ledger, profileId: string, item: MasterDataReviewItem): string | null {
  const d = item.details as { kind?: string; stId?: string | null; vismaKey?: string | null };
  const kind = d.kind === 'create-vendor' ? 'supplier' : d.kind;
  if (kind !== 'supplier' && kind !== 'customer') return null;
  const cached = (side: string, key: string | null | undefined) =>
    key
      ? (
          db
            .prepare(
              `SELECT json_extract(payload_json, '$.name') AS name FROM master_data
               WHERE profile_id = ? AND side = ? AND kind = ? AND record_key = ?`,
            )
            .get(profileId, side, kind, key) as { name?: string } | undefined
        )?.name
      : undefined;
  const snapshot = d.stId
    ? (
        db
          .prepare(
            `SELECT json_extract(st_json, '$.name') AS name FROM md_snapshots WHERE profile_id = ? AND kind = ? AND st_id = ?`,
          )
          .get(profileId, kind, d.stId) as { name?: string } | undefined
      )?.name
    : undefined;
  return cached('visma', d.vismaKey) ?? cached('st', d.stId) ?? snapshot ?? null;
}

function matches(view: ReviewItemView, query: ReviewListQuery): boolean {
  if (query.reason && view.reason !== query.reason) return false;
  const text = query.search?.trim().toLowerCase();
  if (!text) return true;
  return [view.sourceNumber, view.party ?? '', view.text].some((v) => v.toLowerCase().includes(text));
}

/** The master-data questions of the queue (few: one per party or code at most), with party names. */
function masterDataViews(db: Ledger, profileId: string): ReviewItemView[] {
  return masterDataReviewItems(db, profileId).map((item) => ({
    ...masterDataItemView(item),
    party: partyNameOf(db, profileId, item),
  }));
}

/**
 * The review queue, or a window of it. Master-data questions come first (they are few and have no date or amount),
 * then the documents in the asked order; documents are filtered, searched, sorted and windowed in SQL.
 */
export function reviewList(db: Ledger, profileId: string, query: ReviewListQuery): ReviewListView {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? null;
  const allMd = query.kind === 'document' ? [] : masterDataViews(db, profileId);
  const mdBySearch = allMd.filter((v) => matches(v, { ...query, reason: undefined }));
  const md = mdBySearch.filter((v) => matches(v, query));
  const docs =
    query.kind === 'masterdata'
      ? null
      : reviewDocumentPage(db, profileId, {
          offset: Math.max(0, offset - md.length),
          limit: limit === null ? null : Math.max(0, limit - Math.max(0, md.length - offset)),
          reason: query.reason,
          search: query.search,
          sort: query.sort ?? 'age',
          direction: query.direction ?? 'desc',
        });
  const reasons = new Map(docs?.reasons ?? []);
  for (const v of mdBySearch) reasons.set(v.reason, (reasons.get(v.reason) ?? 0) + 1);
  const mdWindow = md.slice(offset, limit === null ? undefined : offset + limit);
  const docViews = (docs?.rows ?? []).map((r) =>
    documentItemView(reviewItemOf(r.row), { party: r.party, documentDate: r.documentDate, amount: r.amount }),
  );
  return {
    items: [...mdWindow, ...docViews],
    offset,
    total: md.length + (docs?.total ?? 0),
    queueTotal:
      allMd.length +
      (query.search?.trim() || !docs
        ? queueDocuments(db, profileId, query.kind)
        : sum(docs.reasons.values())),
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
  };
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** Documents in the whole queue (one counting pass, only when a search narrowed the window's counts). */
function queueDocuments(db: Ledger, profileId: string, kind: ReviewListQuery['kind']): number {
  if (kind === 'masterdata') return 0;
  return [
    ...reviewDocumentPage(db, profileId, {
      offset: 0,
      limit: 0,
      sort: 'age',
      direction: 'asc',
    }).reasons.values(),
  ].reduce((a, b) => a + b, 0);
}
