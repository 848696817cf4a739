import type { Migration } from './types';

const sql = `
CREATE TABLE source_documents (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id     TEXT    NOT NULL,
  kind           TEXT    NOT NULL CHECK (kind IN ('invoice', 'ap-bill')),
  st_id          TEXT    NOT NULL,
  number         TEXT    NOT NULL,
  st_modified_on TEXT,
  st_status      TEXT,
  eligible       INTEGER NOT NULL DEFAULT 0,
  hash           TEXT    NOT NULL,
  payload_json   TEXT    NOT NULL CHECK (json_valid(payload_json)),
  views          TEXT    NOT NULL DEFAULT '',
  first_seen_at  TEXT    NOT NULL,
  last_seen_at   TEXT    NOT NULL,
  UNIQUE (profile_id, kind, st_id)
);

CREATE TABLE outbox (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id          TEXT    NOT NULL,
  source_id           INTEGER NOT NULL REFERENCES source_documents (id),
  action              TEXT    NOT NULL DEFAULT 'post',
  state               TEXT    NOT NULL CHECK (state IN
    ('pending', 'ready', 'blocked', 'posting', 'posted', 'released', 'exported', 'uncertain', 'failed', 'ignored')),
  reason_code         TEXT,
  reason_text         TEXT,
  external_reference  TEXT    NOT NULL,
  visma_doc_type      TEXT,
  visma_doc_number    TEXT,
  planned_json        TEXT CHECK (planned_json IS NULL OR json_valid(planned_json)),
  posted_hash         TEXT,
  posted_payload_json TEXT CHECK (posted_payload_json IS NULL OR json_valid(posted_payload_json)),
  held                INTEGER NOT NULL DEFAULT 0,
  approved            INTEGER NOT NULL DEFAULT 0,
  verified            INTEGER NOT NULL DEFAULT 0,
  gl_batch_number     TEXT,
  review_code         TEXT,
  review_text         TEXT,
  review_details_json TEXT CHECK (review_details_json IS NULL OR json_valid(review_details_json)),
  attempts            INTEGER NOT NULL DEFAULT 0,
  ignored_reason      TEXT,
  created_at          TEXT    NOT NULL,
  updated_at          TEXT    NOT NULL,
  UNIQUE (source_id, action),
  UNIQUE (profile_id, external_reference)
);

CREATE INDEX outbox_profile_state ON outbox (profile_id, state);

CREATE TABLE links (
  profile_id TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('customer', 'supplier')),
  st_id      TEXT NOT NULL,
  visma_key  TEXT NOT NULL,
  origin     TEXT NOT NULL CHECK (origin IN ('created', 'matched', 'user', 'import')),
  updated_at TEXT NOT NULL,
  PRIMARY KEY (profile_id, kind, st_id)
);

CREATE TABLE mapping_rules (
  profile_id  TEXT NOT NULL,
  table_name  TEXT NOT NULL,
  source_key  TEXT NOT NULL,
  target_json TEXT NOT NULL CHECK (json_valid(target_json)),
  note        TEXT,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (profile_id, table_name, source_key)
);

CREATE TABLE master_data (
  profile_id   TEXT NOT NULL,
  side         TEXT NOT NULL CHECK (side IN ('st', 'visma')),
  kind         TEXT NOT NULL,
  record_key   TEXT NOT NULL,
  payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
  modified_at  TEXT,
  refreshed_at TEXT NOT NULL,
  PRIMARY KEY (profile_id, side, kind, record_key)
);

CREATE TABLE sync_cursors (
  profile_id TEXT NOT NULL,
  name       TEXT NOT NULL,
  value      TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (profile_id, name)
);

CREATE TABLE sync_runs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id   TEXT NOT NULL,
  trigger      TEXT NOT NULL,
  owner        TEXT NOT NULL,
  started_at   TEXT NOT NULL,
  heartbeat_at TEXT NOT NULL,
  finished_at  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed', 'abandoned')),
  summary_json TEXT CHECK (summary_json IS NULL OR json_valid(summary_json))
);

CREATE INDEX sync_runs_profile ON sync_runs (profile_id, id);

CREATE TABLE webhook_events (
  event_id    TEXT PRIMARY KEY NOT NULL,
  profile_id  TEXT NOT NULL,
  event_type  TEXT NOT NULL,
  invoice_id  TEXT,
  received_at TEXT NOT NULL,
  fetched_at  TEXT
);
`;

/** The sync engine: source documents, the outbox, links, mapping rules, master-data caches, cursors, runs, webhook events. */
export const syncEngine: Migration = {
  id: 2,
  name: 'sync-engine',
  up(db) {
    db.exec(sql);
  },
};
