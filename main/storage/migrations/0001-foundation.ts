import type { Migration } from './types';

const sql = `
CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);

CREATE TABLE audit_log (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  at               TEXT    NOT NULL,
  profile_id       TEXT,
  actor            TEXT    NOT NULL CHECK (actor IN ('schedule', 'user', 'webhook', 'system', 'cli')),
  action           TEXT    NOT NULL,
  source_type      TEXT,
  source_id        TEXT,
  source_number    TEXT,
  st_modified_on   TEXT,
  visma_doc_type   TEXT,
  visma_doc_number TEXT,
  gl_batch_number  TEXT,
  outcome          TEXT    NOT NULL,
  message          TEXT,
  details_json     TEXT CHECK (details_json IS NULL OR json_valid(details_json))
);

CREATE INDEX audit_log_profile_at ON audit_log (profile_id, at);
CREATE INDEX audit_log_source ON audit_log (source_type, source_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be changed');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: rows cannot be deleted');
END;
`;

/** Foundation tables: the append-only audit log and a small key/value table for app metadata. */
export const foundation: Migration = {
  id: 1,
  name: 'foundation',
  up(db) {
    db.exec(sql);
  },
};
