import type { ReviewSort } from '../../../shared/contract/engine-schemas';
import { IN_REVIEW, OUTBOX_SELECT, outboxRowFromSql, type OutboxRow } from '../../engine/outbox/store';
import type { Ledger } from '../../storage/types';

/** Which documents of the review queue to read, and in which order. */
export interface DocumentWindow {
  offset: number;
  /** Rows to read; `null` reads every matching row. */
  limit: number | null;
  reason?: string | undefined;
  search?: string | undefined;
  sort: ReviewSort;
  direction: 'asc' | 'desc';
}

/** A document row of the review queue with the columns the queue shows. */
export interface ReviewDocumentRow {
  row: OutboxRow;
  party: string | null;
  documentDate: string | null;
  amount: string | null;
}

/** One window of documents with the counts around it. */
export interface DocumentPage {
  rows: ReviewDocumentRow[];
  /** Documents matching reason and search. */
  total: number;
  /** Documents matching the search, per reason (the reason filter left out). */
  reasons: Map<string, number>;
}

/** The reason a review row shows, in SQL: the same order of precedence as the engine's `reviewItemOf`. */
const REASON_SQL = `CASE
  WHEN o.state IN ('blocked', 'failed') AND o.reason_code IS NOT NULL THEN o.reason_code
  WHEN o.state = 'uncertain' THEN CASE WHEN o.reason_code = 'deleted_in_visma' THEN 'deleted_in_visma' ELSE 'visma_unconfirmed' END
  WHEN o.review_code IS NOT NULL THEN o.review_code
  ELSE 'holding_account' END`;

const PARTY_SQL = `json_extract(s.payload_json, '$.partyName')`;
const DATE_SQL = `json_extract(s.payload_json, '$.documentDate')`;
const AMOUNT_SQL = `json_extract(s.payload_json, '$.total')`;

// Sort keys only: the amount is cast for ordering, never for arithmetic (amounts stay decimal strings).
const ORDER_SQL: Record<ReviewSort, string> = {
  number: 's.number COLLATE NOCASE',
  party: `${PARTY_SQL} COLLATE NOCASE`,
  date: DATE_SQL,
  amount: `CAST(${AMOUNT_SQL} AS REAL)`,
  reason: 'review_reason',
  age: 'o.updated_at',
};

/** The oldest first is the highest age: `age asc` means the youngest first, so its column runs the other way. */
function orderBy(sort: ReviewSort, direction: 'asc' | 'desc'): string {
  const flipped = sort === 'age' ? (direction === 'asc' ? 'DESC' : 'ASC') : direction.toUpperCase();
  return `${ORDER_SQL[sort]} ${flipped}, o.id ${flipped}`;
}

/** `%text%` for LIKE, with the wildcards of the text itself escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function searchFilter(search: string | undefined): { sql: string; params: string[] } {
  const text = search?.trim();
  if (!text) return { sql: '', params: [] };
  const pattern = likePattern(text);
  return {
    sql: `AND (s.number LIKE ? ESCAPE '\\' OR ${PARTY_SQL} LIKE ? ESCAPE '\\' OR o.visma_doc_number LIKE ? ESCAPE '\\')`,
    params: [pattern, pattern, pattern],
  };
}

/**
 * Reads one window of the review queue's documents from the ledger: filtered by reason, searched by document
 * number, party name and Visma number, sorted, counted, all in SQL (only the window's rows are read into memory).
 */
export function reviewDocumentPage(db: Ledger, profileId: string, window: DocumentWindow): DocumentPage {
  const search = searchFilter(window.search);
  const from = `FROM outbox o JOIN source_documents s ON s.id = o.source_id
    WHERE o.profile_id = ? AND ${IN_REVIEW} ${search.sql}`;
  const reasonRows = db
    .prepare(`SELECT ${REASON_SQL} AS review_reason, COUNT(*) AS n ${from} GROUP BY review_reason`)
    .all(profileId, ...search.params) as { review_reason: string; n: number }[];
  const reasons = new Map(reasonRows.map((r) => [r.review_reason, r.n]));
  const total = window.reason
    ? (reasons.get(window.reason) ?? 0)
    : [...reasons.values()].reduce((a, b) => a + b, 0);
  if (window.limit === 0 || total === 0) return { rows: [], total, reasons };
  const byReason = window.reason ? `AND ${REASON_SQL} = ?` : '';
  const sql = `${OUTBOX_SELECT.replace('SELECT', `SELECT ${REASON_SQL} AS review_reason, ${PARTY_SQL} AS party_name, ${DATE_SQL} AS document_date, ${AMOUNT_SQL} AS document_total,`)}
    WHERE o.profile_id = ? AND ${IN_REVIEW} ${search.sql} ${byReason}
    ORDER BY ${orderBy(window.sort, window.direction)} LIMIT ? OFFSET ?`;
  const raw = db
    .prepare(sql)
    .all(
      profileId,
      ...search.params,
      ...(window.reason ? [window.reason] : []),
      window.limit ?? -1,
      window.offset,
    ) as Record<string, unknown>[];
  return {
    rows: raw.map((r) => ({
      row: outboxRowFromSql(r),
      party: typeof r.party_name === 'string' ? r.party_name : null,
      documentDate: typeof r.document_date === 'string' ? r.document_date : null,
      amount: typeof r.document_total === 'string' ? r.document_total : null,
    })),
    total,
    reasons,
  };
}
