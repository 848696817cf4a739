import type { Migration } from './types';

// Each index's expression or WHERE must stay exactly as its query writes it, or SQLite does not use the index:
// - the month-end close reads one period's documents by their ServiceTitan document date
//   (`json_extract(payload_json, '$.documentDate')`, engine/reconcile/ledger-side.ts); without the index every
//   document of the profile's whole history is read and its payload parsed;
// - the review queue's windows filter the outbox by the review condition (`IN_REVIEW`, engine/outbox/store.ts); with
//   the partial index SQLite reads only the rows in review, already in the default (oldest first) order.
const sql = `
CREATE INDEX source_documents_by_document_date
  ON source_documents (profile_id, json_extract(payload_json, '$.documentDate'));
CREATE INDEX outbox_review_queue ON outbox (profile_id, updated_at)
  WHERE state <> 'ignored'
  AND (state IN ('blocked', 'failed', 'uncertain') OR review_code IS NOT NULL OR (held = 1 AND approved = 0));
`;

/** Indexes that let period reads and review windows grow with what they show, not with the history. */
export const queryIndexes: Migration = {
  id: 6,
  name: 'query-indexes',
  up(db) {
    db.exec(sql);
  },
};
