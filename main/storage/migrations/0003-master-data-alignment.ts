import type { Migration } from './types';

const sql = `
CREATE TABLE md_snapshots (
  profile_id        TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('customer', 'supplier')),
  st_id             TEXT NOT NULL,
  visma_key         TEXT NOT NULL,
  st_json           TEXT NOT NULL CHECK (json_valid(st_json)),
  visma_json        TEXT NOT NULL CHECK (json_valid(visma_json)),
  st_modified_on    TEXT,
  visma_modified_on TEXT,
  synced_at         TEXT NOT NULL,
  PRIMARY KEY (profile_id, kind, st_id)
);

CREATE TABLE md_suggestions (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id   TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('customer', 'supplier', 'create-vendor', 'business-unit', 'customer-type')),
  st_id        TEXT,
  visma_key    TEXT,
  confidence   REAL NOT NULL,
  reasons_json TEXT NOT NULL CHECK (json_valid(reasons_json)),
  status       TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected', 'obsolete')),
  created_at   TEXT NOT NULL,
  decided_at   TEXT,
  UNIQUE (profile_id, kind, st_id, visma_key)
);

CREATE INDEX md_suggestions_open ON md_suggestions (profile_id, status);

CREATE TABLE md_conflicts (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id   TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('customer', 'supplier')),
  st_id        TEXT NOT NULL,
  visma_key    TEXT NOT NULL,
  field        TEXT NOT NULL,
  base_value   TEXT,
  st_value     TEXT,
  visma_value  TEXT,
  status       TEXT NOT NULL CHECK (status IN ('open', 'resolved', 'applied')),
  resolution   TEXT,
  chosen_value TEXT,
  created_at   TEXT NOT NULL,
  resolved_at  TEXT
);

CREATE UNIQUE INDEX md_conflicts_one_open ON md_conflicts (profile_id, kind, st_id, field) WHERE status <> 'applied';

CREATE TABLE md_drift (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  profile_id    TEXT NOT NULL,
  subject       TEXT NOT NULL CHECK (subject IN ('tax-zone', 'business-unit')),
  subject_key   TEXT NOT NULL,
  code          TEXT NOT NULL,
  text          TEXT NOT NULL,
  details_json  TEXT CHECK (details_json IS NULL OR json_valid(details_json)),
  status        TEXT NOT NULL CHECK (status IN ('open', 'cleared')),
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  cleared_at    TEXT
);

CREATE UNIQUE INDEX md_drift_one_open ON md_drift (profile_id, subject, subject_key, code) WHERE status = 'open';

CREATE TABLE md_tax_zones (
  profile_id    TEXT NOT NULL,
  st_zone_id    TEXT NOT NULL,
  name          TEXT NOT NULL,
  vat_zone_id   TEXT,
  labor_rate    TEXT NOT NULL,
  material_rate TEXT NOT NULL,
  codes_json    TEXT NOT NULL CHECK (json_valid(codes_json)),
  origin        TEXT NOT NULL CHECK (origin IN ('baseline', 'user')),
  accepted_at   TEXT NOT NULL,
  PRIMARY KEY (profile_id, st_zone_id)
);

CREATE TABLE md_known_units (
  profile_id  TEXT NOT NULL,
  st_id       TEXT NOT NULL,
  name        TEXT NOT NULL,
  origin      TEXT NOT NULL CHECK (origin IN ('baseline', 'new')),
  first_seen_at TEXT NOT NULL,
  PRIMARY KEY (profile_id, st_id)
);
`;

/** Master-data alignment: field snapshots per linked pair, match suggestions, conflicts, drift, the tax-zone register. */
export const masterDataAlignment: Migration = {
  id: 3,
  name: 'master-data-alignment',
  up(db) {
    db.exec(sql);
  },
};
