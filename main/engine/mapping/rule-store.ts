import { appendAudit, type AuditActor } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import { emptyRules, MAPPING_TABLES, MappingFile, MappingRules, type MappingTable } from './rules';

/** A customer or supplier link kind. */
export type LinkKind = 'customer' | 'supplier';

/** Loads every mapping table of a profile. */
export function loadRules(db: Ledger, profileId: string): MappingRules {
  const rules = emptyRules() as Record<MappingTable, Record<string, unknown>>;
  const rows = db
    .prepare('SELECT table_name, source_key, target_json FROM mapping_rules WHERE profile_id = ?')
    .all(profileId) as { table_name: string; source_key: string; target_json: string }[];
  for (const r of rows) {
    if ((MAPPING_TABLES as string[]).includes(r.table_name)) {
      rules[r.table_name as MappingTable][r.source_key] = JSON.parse(r.target_json);
    }
  }
  return MappingRules.parse(rules);
}

/** Sets (or with `target` null, removes) one rule; audited. */
export function setRule(
  db: Ledger,
  profileId: string,
  table: MappingTable,
  key: string,
  target: unknown,
  actor: AuditActor,
): void {
  db.transaction(() => {
    const at = new Date().toISOString();
    if (target === null) {
      db.prepare('DELETE FROM mapping_rules WHERE profile_id = ? AND table_name = ? AND source_key = ?').run(
        profileId,
        table,
        key,
      );
    } else {
      const check = MappingRules.shape[table].safeParse({ [key]: target });
      if (!check.success)
        throw new Error(`The rule for ${table} "${key}" is not valid: ${check.error.issues[0]?.message}`);
      db.prepare(
        `INSERT INTO mapping_rules (profile_id, table_name, source_key, target_json, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (profile_id, table_name, source_key) DO UPDATE SET target_json = excluded.target_json, updated_at = excluded.updated_at`,
      ).run(profileId, table, key, JSON.stringify(target), at);
    }
    appendAudit(db, {
      profileId,
      actor,
      action: 'mapping.changed',
      outcome: 'success',
      message: `Mapping ${table} "${key}" ${target === null ? 'removed' : 'set'}.`,
      details: { table, key, target },
    });
    markMappingsChanged(db, profileId);
  })();
}

/** All links of a kind: ServiceTitan id → Visma number. */
export function loadLinks(db: Ledger, profileId: string, kind: LinkKind): Map<string, string> {
  const rows = db
    .prepare('SELECT st_id, visma_key FROM links WHERE profile_id = ? AND kind = ?')
    .all(profileId, kind) as {
    st_id: string;
    visma_key: string;
  }[];
  return new Map(rows.map((r) => [r.st_id, r.visma_key]));
}

/** Stores a link (audited). */
export function setLink(
  db: Ledger,
  profileId: string,
  kind: LinkKind,
  stId: string,
  vismaKey: string,
  origin: 'created' | 'matched' | 'user' | 'import',
  actor: AuditActor,
): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO links (profile_id, kind, st_id, visma_key, origin, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, kind, st_id) DO UPDATE SET visma_key = excluded.visma_key, origin = excluded.origin,
       updated_at = excluded.updated_at`,
    ).run(profileId, kind, stId, vismaKey, origin, new Date().toISOString());
    appendAudit(db, {
      profileId,
      actor,
      action: `link.${kind}`,
      outcome: 'success',
      message: `ServiceTitan ${kind === 'customer' ? 'customer' : 'vendor'} ${stId} linked to Visma ${kind} ${vismaKey} (${origin}).`,
      details: { stId, vismaKey, origin },
    });
  })();
}

/** Removes a link (audited); documents of the party wait until it is linked again. Returns false when there was none. */
export function removeLink(
  db: Ledger,
  profileId: string,
  kind: LinkKind,
  stId: string,
  actor: AuditActor,
): boolean {
  let removed = false;
  db.transaction(() => {
    const before = db
      .prepare('SELECT visma_key FROM links WHERE profile_id = ? AND kind = ? AND st_id = ?')
      .get(profileId, kind, stId) as { visma_key: string } | undefined;
    if (!before) return;
    db.prepare('DELETE FROM links WHERE profile_id = ? AND kind = ? AND st_id = ?').run(
      profileId,
      kind,
      stId,
    );
    appendAudit(db, {
      profileId,
      actor,
      action: `link.${kind}.removed`,
      outcome: 'success',
      message: `ServiceTitan ${kind === 'customer' ? 'customer' : 'vendor'} ${stId} is no longer linked to Visma ${kind} ${before.visma_key}.`,
      details: { stId, vismaKey: before.visma_key },
    });
    markMappingsChanged(db, profileId);
    removed = true;
  })();
  return removed;
}

/** Records that mappings changed, so blocked documents are re-checked on the next run. */
export function markMappingsChanged(db: Ledger, profileId: string): void {
  db.prepare(
    `INSERT INTO sync_cursors (profile_id, name, value, updated_at) VALUES (?, 'mappings_changed', ?, ?)
     ON CONFLICT (profile_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(profileId, new Date().toISOString(), new Date().toISOString());
}

/** The mapping file of a profile (rules and links). */
export function exportMappings(db: Ledger, profileId: string): MappingFile {
  return {
    format: 'st-visma-mappings',
    version: 1,
    rules: loadRules(db, profileId),
    links: {
      customers: Object.fromEntries(loadLinks(db, profileId, 'customer')),
      suppliers: Object.fromEntries(loadLinks(db, profileId, 'supplier')),
    },
  };
}

/** Imports a mapping file: validates all of it first, then replaces the tables it carries in one transaction. */
export function importMappings(
  db: Ledger,
  profileId: string,
  input: unknown,
  actor: AuditActor,
): { rules: number; links: number } {
  const parsed = MappingFile.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The mapping file is not valid: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  const file = parsed.data;
  let rules = 0;
  let links = 0;
  db.transaction(() => {
    const at = new Date().toISOString();
    db.prepare('DELETE FROM mapping_rules WHERE profile_id = ?').run(profileId);
    const insert = db.prepare(
      'INSERT INTO mapping_rules (profile_id, table_name, source_key, target_json, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    for (const table of MAPPING_TABLES) {
      for (const [key, target] of Object.entries(file.rules[table])) {
        insert.run(profileId, table, key, JSON.stringify(target), at);
        rules++;
      }
    }
    for (const [kind, entries] of [
      ['customer', file.links.customers],
      ['supplier', file.links.suppliers],
    ] as const) {
      for (const [stId, vismaKey] of Object.entries(entries)) {
        db.prepare(
          `INSERT INTO links (profile_id, kind, st_id, visma_key, origin, updated_at) VALUES (?, ?, ?, ?, 'import', ?)
           ON CONFLICT (profile_id, kind, st_id) DO UPDATE SET visma_key = excluded.visma_key, origin = 'import', updated_at = excluded.updated_at`,
        ).run(profileId, kind, stId, vismaKey, at);
        links++;
      }
    }
    appendAudit(db, {
      profileId,
      actor,
      action: 'mapping.imported',
      outcome: 'success',
      message: `Imported ${rules} mapping rules and ${links} links.`,
    });
    markMappingsChanged(db, profileId);
  })();
  return { rules, links };
}
