import type { Migration } from './types';

// SQLite cannot change a CHECK constraint in place: the outbox is rebuilt with the wider state list and its rows
// copied; nothing references it.
const sql = `
CREATE TABLE outbox_next (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id           TEXT    NOT NULL,
  source_id            INTEGER NOT NULL REFERENCES source_documents (id),
  action               TEXT    NOT NULL DEFAULT 'post',
  state                TEXT    NOT NULL CHECK (state IN
    ('pending', 'ready', 'blocked', 'posting', 'posted', 'releasing', 'released', 'exported', 'uncertain', 'failed',
     'ignored', 'nothing_to_post')),
  reason_code          TEXT,
  reason_text          TEXT,
  external_reference   TEXT    NOT NULL,
  visma_doc_type       TEXT,
  visma_doc_number     TEXT,
  planned_json         TEXT CHECK (planned_json IS NULL OR json_valid(planned_json)),
  posted_hash          TEXT,
  posted_payload_json  TEXT CHECK (posted_payload_json IS NULL OR json_valid(posted_payload_json)),
  held                 INTEGER NOT NULL DEFAULT 0,
  approved             INTEGER NOT NULL DEFAULT 0,
  verified             INTEGER NOT NULL DEFAULT 0,
  gl_batch_number      TEXT,
  review_code          TEXT,
  review_text          TEXT,
  review_details_json  TEXT CHECK (review_details_json IS NULL OR json_valid(review_details_json)),
  attempts             INTEGER NOT NULL DEFAULT 0,
  ignored_reason       TEXT,
  created_at           TEXT    NOT NULL,
  updated_at           TEXT    NOT NULL,
  uncertain_since      TEXT,
  lookups              INTEGER NOT NULL DEFAULT 0,
  release_requested_at TEXT,
  visma_origin         TEXT CHECK (visma_origin IS NULL OR visma_origin IN ('created', 'adopted', 'rebuilt')),
  st_marked_at         TEXT,
  UNIQUE (source_id, action),
  UNIQUE (profile_id, external_reference)
);
INSERT INTO outbox_next (id, profile_id, source_id, action, state, reason_code, reason_text, external_reference,
  visma_doc_type, visma_doc_number, planned_json, posted_hash, posted_payload_json, held, approved, verified,
  gl_batch_number, review_code, review_text, review_details_json, attempts, ignored_reason, created_at, updated_at,
  visma_origin, st_marked_at)
SELECT id, profile_id, source_id, action, state, reason_code, reason_text, external_reference,
  visma_doc_type, visma_doc_number, planned_json, posted_hash, posted_payload_json, held, approved, verified,
  gl_batch_number, review_code, review_text, review_details_json, attempts, ignored_reason, created_at, updated_at,
  CASE WHEN visma_doc_number IS NULL THEN NULL ELSE 'created' END,
  CASE WHEN state = 'exported' THEN updated_at ELSE NULL END
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_profile_state ON outbox (profile_id, state);

-- What Visma holds under our markers, as last listed: the truth of "is it already there" between runs.
CREATE TABLE visma_presence (
  profile_id        TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('customerInvoice', 'customerCreditNote', 'supplierInvoice')),
  number            TEXT NOT NULL,
  marker            TEXT NOT NULL,
  status            TEXT NOT NULL,
  doc_json          TEXT NOT NULL CHECK (json_valid(doc_json)),
  visma_modified_at TEXT,
  seen_at           TEXT NOT NULL,
  PRIMARY KEY (profile_id, kind, number)
);
CREATE INDEX visma_presence_marker ON visma_presence (profile_id, marker);
`;

/** The document lifecycle: release follow-up and nothing-to-post states, uncertainty bookkeeping, Visma presence. */
export const documentLifecycle: Migration = {
  id: 5,
  name: 'document-lifecycle',
  up(db) {
    db.exec(sql);
  },
};
