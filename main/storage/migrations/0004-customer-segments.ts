import type { Migration } from './types';

// SQLite cannot change a CHECK constraint in place: each table is rebuilt with the wider list and its rows copied.
const sql = `
CREATE TABLE md_suggestions_next (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id   TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('customer', 'supplier', 'create-vendor', 'business-unit', 'customer-type', 'customer-tag')),
  st_id        TEXT,
  visma_key    TEXT,
  confidence   REAL NOT NULL,
  reasons_json TEXT NOT NULL CHECK (json_valid(reasons_json)),
  status       TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected', 'obsolete')),
  created_at   TEXT NOT NULL,
  decided_at   TEXT,
  UNIQUE (profile_id, kind, st_id, visma_key)
);
INSERT INTO md_suggestions_next SELECT id, profile_id, kind, st_id, visma_key, confidence, reasons_json, status, created_at, decided_at FROM md_suggestions;
DROP TABLE md_suggestions;
ALTER TABLE md_suggestions_next RENAME TO md_suggestions;
CREATE INDEX md_suggestions_open ON md_suggestions (profile_id, status);

CREATE TABLE md_drift_next (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id    TEXT NOT NULL,
  subject       TEXT NOT NULL CHECK (subject IN ('tax-zone', 'business-unit', 'customer-type')),
  subject_key   TEXT NOT NULL,
  code          TEXT NOT NULL,
  text          TEXT NOT NULL,
  details_json  TEXT CHECK (details_json IS NULL OR json_valid(details_json)),
  status        TEXT NOT NULL CHECK (status IN ('open', 'cleared')),
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  cleared_at    TEXT
);
INSERT INTO md_drift_next SELECT id, profile_id, subject, subject_key, code, text, details_json, status, first_seen_at, last_seen_at, cleared_at FROM md_drift;
DROP TABLE md_drift;
ALTER TABLE md_drift_next RENAME TO md_drift;
CREATE UNIQUE INDEX md_drift_one_open ON md_drift (profile_id, subject, subject_key, code) WHERE status = 'open';
`;

/** Customer type and tag → segment value: tag suggestions and unmapped-customer-type flags. */
export const customerSegments: Migration = {
  id: 4,
  name: 'customer-segments',
  up(db) {
    db.exec(sql);
  },
};
