import type { RecordKind, RecordView } from '../../../shared/contract';
import type { SyncSettings } from '../../../shared/sync-settings';
import { costCenterSegment } from '../../engine/mapping/defaults';
import type { VSegment } from '../../engine/master-data/types';
import type { Ledger } from '../../storage/types';
import { likePattern } from './review-page';

/** Where each record kind sits in the master-data cache, and which JSON fields hold its name and active flag. */
const CACHED: Record<
  Exclude<RecordKind, 'costCenter' | 'segmentValue'>,
  { side: 'st' | 'visma'; kind: string; name: string; active?: string }
> = {
  account: { side: 'visma', kind: 'account', name: '$.description', active: '$.active' },
  vatCode: { side: 'visma', kind: 'vatCode', name: '$.description' },
  vatZone: { side: 'visma', kind: 'vatZone', name: '$.description' },
  branch: { side: 'visma', kind: 'branch', name: '$.name' },
  project: { side: 'visma', kind: 'project', name: '$.description', active: '$.active' },
  customer: { side: 'visma', kind: 'customer', name: '$.name', active: '$.active' },
  supplier: { side: 'visma', kind: 'supplier', name: '$.name', active: '$.active' },
  stCustomer: { side: 'st', kind: 'customer', name: '$.name', active: '$.active' },
  stVendor: { side: 'st', kind: 'vendor', name: '$.name', active: '$.active' },
  stBusinessUnit: { side: 'st', kind: 'businessUnit', name: '$.name', active: '$.active' },
  stTaxZone: { side: 'st', kind: 'taxZone', name: '$.name', active: '$.active' },
};

/** The segment whose values a segment kind lists (the cost-center or customer-type segment of the settings). */
function segmentOf(
  db: Ledger,
  profileId: string,
  kind: 'costCenter' | 'segmentValue',
  settings: Pick<SyncSettings, 'costCenterSegmentId' | 'customerTypeSegmentId'>,
): VSegment | undefined {
  const segments = (
    db
      .prepare(
        "SELECT payload_json FROM master_data WHERE profile_id = ? AND side = 'visma' AND kind = 'segment' ORDER BY record_key",
      )
      .all(profileId) as { payload_json: string }[]
  ).map((r) => JSON.parse(r.payload_json) as VSegment);
  if (kind === 'costCenter') return costCenterSegment(segments, settings.costCenterSegmentId);
  const id = settings.customerTypeSegmentId;
  return id === null ? undefined : segments.find((s) => s.segmentId === id);
}

/**
 * The records of a kind whose number or name holds `search`: an exact number first, then active before inactive,
 * in number order; `total` counts every match. VAT codes past their last valid day count as inactive.
 */
export function pickerRecords(
  db: Ledger,
  profileId: string,
  kind: RecordKind,
  options: {
    search?: string | undefined;
    limit: number;
    today: string;
    settings: Pick<SyncSettings, 'costCenterSegmentId' | 'customerTypeSegmentId'>;
  },
): { records: RecordView[]; total: number } {
  const text = options.search?.trim() ?? '';
  if (kind === 'costCenter' || kind === 'segmentValue') {
    const wanted = text.toLowerCase();
    const values = (segmentOf(db, profileId, kind, options.settings)?.values ?? [])
      .filter((v) => !wanted || `${v.valueId} ${v.description}`.toLowerCase().includes(wanted))
      .map((v) => ({ key: v.valueId, name: v.description, active: v.active }))
      .sort((a, b) => Number(b.key === text) - Number(a.key === text) || Number(b.active) - Number(a.active));
    return { records: values.slice(0, options.limit), total: values.length };
  }
  const spec = CACHED[kind];
  const where = `FROM master_data WHERE profile_id = @profileId AND side = @side AND kind = @kind
    ${text ? `AND (record_key LIKE @pattern ESCAPE '\\' OR json_extract(payload_json, '${spec.name}') LIKE @pattern ESCAPE '\\')` : ''}`;
  const params = { profileId, side: spec.side, kind: spec.kind, pattern: likePattern(text), exact: text };
  const total = (db.prepare(`SELECT COUNT(*) AS n ${where}`).get(params) as { n: number }).n;
  const active = spec.active ? `COALESCE(json_extract(payload_json, '${spec.active}'), 1)` : '1';
  const rows = db
    .prepare(
      `SELECT record_key, json_extract(payload_json, '${spec.name}') AS name, ${active} AS active,
         json_extract(payload_json, '$.notValidAfter') AS not_valid_after ${where}
       ORDER BY record_key = @exact DESC, active DESC, length(record_key), record_key LIMIT @limit`,
    )
    .all({ ...params, limit: options.limit }) as {
    record_key: string;
    name: string | null;
    active: number;
    not_valid_after: string | null;
  }[];
  return {
    records: rows.map((r) => ({
      key: r.record_key,
      name: r.name ?? '',
      active:
        r.active === 1 &&
        !(kind === 'vatCode' && r.not_valid_after && r.not_valid_after.slice(0, 10) < options.today),
    })),
    total,
  };
}

/** Names of every cached record of a kind (number → name), for showing targets as "6540 Inventar og verktøy". */
export function recordNames(
  db: Ledger,
  profileId: string,
  kind: Exclude<RecordKind, 'costCenter' | 'segmentValue'>,
): Map<string, string> {
  const spec = CACHED[kind];
  const rows = db
    .prepare(
      `SELECT record_key, json_extract(payload_json, '${spec.name}') AS name FROM master_data
       WHERE profile_id = ? AND side = ? AND kind = ?`,
    )
    .all(profileId, spec.side, spec.kind) as { record_key: string; name: string | null }[];
  return new Map(rows.flatMap((r) => (r.name ? [[r.record_key, r.name] as const] : [])));
}
