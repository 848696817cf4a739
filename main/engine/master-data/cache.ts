import type { Ledger } from '../../storage/types';
import type { StPort, VismaPort } from '../ports';
import { getCursor, setCursor } from '../source-store';
import { emptyMasterData, type MasterData } from './types';

type Side = 'st' | 'visma';

/** Stores records of one kind; with `replace` the kind is replaced wholesale. Returns how many changed. */
export function saveRecords<T>(
  db: Ledger,
  profileId: string,
  side: Side,
  kind: string,
  records: readonly T[],
  keyOf: (r: T) => string,
  replace: boolean,
  at: string,
): number {
  let changed = 0;
  db.transaction(() => {
    const existing = new Map(
      (
        db
          .prepare(
            'SELECT record_key, payload_json FROM master_data WHERE profile_id = ? AND side = ? AND kind = ?',
          )
          .all(profileId, side, kind) as { record_key: string; payload_json: string }[]
      ).map((r) => [r.record_key, r.payload_json]),
    );
    const upsert = db.prepare(
      `INSERT INTO master_data (profile_id, side, kind, record_key, payload_json, refreshed_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, side, kind, record_key) DO UPDATE SET payload_json = excluded.payload_json,
       refreshed_at = excluded.refreshed_at`,
    );
    const seen = new Set<string>();
    for (const r of records) {
      const key = keyOf(r);
      const json = JSON.stringify(r);
      seen.add(key);
      if (existing.get(key) === json) continue;
      upsert.run(profileId, side, kind, key, json, at);
      changed++;
    }
    if (replace) {
      const remove = db.prepare(
        'DELETE FROM master_data WHERE profile_id = ? AND side = ? AND kind = ? AND record_key = ?',
      );
      for (const key of existing.keys()) {
        if (!seen.has(key)) {
          remove.run(profileId, side, kind, key);
          changed++;
        }
      }
    }
  })();
  return changed;
}

function records<T>(db: Ledger, profileId: string, side: Side, kind: string): T[] {
  return (
    db
      .prepare(
        'SELECT payload_json FROM master_data WHERE profile_id = ? AND side = ? AND kind = ? ORDER BY record_key',
      )
      .all(profileId, side, kind) as { payload_json: string }[]
  ).map((r) => JSON.parse(r.payload_json) as T);
}

/** Loads the cached master data of a profile. */
export function loadMasterData(db: Ledger, profileId: string): MasterData {
  const md = emptyMasterData();
  const fill = <T>(map: Map<string, T>, side: Side, kind: string, key: (r: T) => string) => {
    for (const r of records<T>(db, profileId, side, kind)) map.set(key(r), r);
  };
  fill(md.accounts, 'visma', 'account', (r) => r.accountCD);
  fill(md.vatCodes, 'visma', 'vatCode', (r) => r.vatId);
  fill(md.vatCategories, 'visma', 'vatCategory', (r) => r.id);
  fill(md.vatZones, 'visma', 'vatZone', (r) => r.id);
  fill(md.branches, 'visma', 'branch', (r) => r.number);
  fill(md.periods, 'visma', 'period', (r) => r.period);
  fill(md.customers, 'visma', 'customer', (r) => r.number);
  fill(md.suppliers, 'visma', 'supplier', (r) => r.number);
  fill(md.projects, 'visma', 'project', (r) => r.projectID);
  fill(md.stTaxZones, 'st', 'taxZone', (r) => r.id);
  fill(md.stBusinessUnits, 'st', 'businessUnit', (r) => r.id);
  fill(md.stCustomers, 'st', 'customer', (r) => r.id);
  md.segments = records(db, profileId, 'visma', 'segment');
  return md;
}

/** How stale slow-moving lists (VAT, segments, branches, ST zones) may get before they are read again. */
const SLOW_REFRESH_MS = 60 * 60 * 1000;
/** Margin subtracted from the last refresh for incremental reads (clock skew between us and Visma). */
const SKEW_MS = 5 * 60 * 1000;

/** How many lists a `full` refresh reads (for progress: `onRead` is called once per list). */
export const FULL_REFRESH_LISTS = 12;

/**
 * Refreshes the master-data caches: accounts, customers, suppliers and projects incrementally by last-modified
 * time, periods every run (a reopened period must be seen), slow lists once an hour or when `full`.
 * Returns how many cached records changed; `onRead` hears of every list read (`visma.account`, `st.taxZone`…).
 */
export async function refreshMasterData(
  db: Ledger,
  profileId: string,
  visma: VismaPort,
  st: StPort,
  options: { full?: boolean; now?: () => Date; onRead?: (list: string, count: number) => void } = {},
): Promise<number> {
  const now = (options.now ?? (() => new Date()))();
  const at = now.toISOString();
  let changed = 0;
  const lastIncremental = options.full ? undefined : getCursor(db, profileId, 'md:incremental');
  const since = lastIncremental ? new Date(Date.parse(lastIncremental) - SKEW_MS).toISOString() : undefined;
  const save = <T>(side: Side, kind: string, rs: readonly T[], key: (r: T) => string, replace: boolean) => {
    changed += saveRecords(db, profileId, side, kind, rs, key, replace, at);
    options.onRead?.(`${side}.${kind}`, rs.length);
  };
  save('visma', 'account', await visma.accounts(since), (r) => r.accountCD, false);
  save('visma', 'customer', await visma.customers(since), (r) => r.number, false);
  save('visma', 'supplier', await visma.suppliers(since), (r) => r.number, false);
  save('visma', 'period', await visma.periods(), (r) => r.period, true);
  setCursor(db, profileId, 'md:incremental', at);

  const lastSlow = getCursor(db, profileId, 'md:slow');
  if (options.full || !lastSlow || now.getTime() - Date.parse(lastSlow) > SLOW_REFRESH_MS) {
    save('visma', 'vatCode', await visma.vatCodes(), (r) => r.vatId, true);
    save('visma', 'vatCategory', await visma.vatCategories(), (r) => r.id, true);
    save('visma', 'vatZone', await visma.vatZones(), (r) => r.id, true);
    save('visma', 'segment', await visma.segments(), (r) => String(r.segmentId), true);
    save('visma', 'branch', await visma.branches(), (r) => r.number, true);
    save('visma', 'project', await visma.projects(), (r) => r.projectID, true);
    save('st', 'taxZone', await st.taxZones(), (r) => r.id, true);
    save('st', 'businessUnit', await st.businessUnits(), (r) => r.id, true);
    setCursor(db, profileId, 'md:slow', at);
  }
  return changed;
}
