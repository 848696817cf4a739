import type { Migration } from './types';

// The month-end close reads one period's documents by their ServiceTitan document date: without this index every
// document of the profile's whole history is read and its payload parsed. The expression must stay exactly the one
// the close queries with (`json_extract(payload_json, '$.documentDate')`), or SQLite does not use the index.
const sql = `
CREATE INDEX source_documents_by_document_date
  ON source_documents (profile_id, json_extract(payload_json, '$.documentDate'));
`;

/** Indexes that let period reads grow with the period, not with the history. */
export const periodIndexes: Migration = {
  id: 6,
  name: 'period-indexes',
  up(db) {
    db.exec(sql);
  },
};
