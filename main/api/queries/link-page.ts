import type { LinkPageQuery, LinkPageView, LinkRowView, LinkSort } from '../../../shared/contract';
import { confidencePercent } from '../../engine/alignment/accept-above';
import type { LinkKind } from '../../engine/mapping/rule-store';
import type { Ledger } from '../../storage/types';
import { likePattern } from './review-page';

/** The ServiceTitan cache kind and source-document kind of each link kind. */
const SIDES: Record<LinkKind, { stKind: string; docKind: string }> = {
  customer: { stKind: 'customer', docKind: 'invoice' },
  supplier: { stKind: 'vendor', docKind: 'ap-bill' },
};

/**
 * Every ServiceTitan party the ledger knows of (cached, linked, suggested, or named by a waiting document) with its
 * link or best open suggestion, its name on both sides and its waiting documents: one row each, all in SQL.
 */
const ROWS_SQL = `
WITH waiting AS (
  SELECT json_extract(s.payload_json, '$.partyId') AS party_id, MAX(json_extract(s.payload_json, '$.partyName')) AS party_name,
    COUNT(*) AS n
  FROM outbox o JOIN source_documents s ON s.id = o.source_id
  WHERE o.profile_id = @profileId AND s.kind = @docKind AND o.state IN ('pending', 'ready', 'blocked')
  GROUP BY party_id
),
ids(st_id) AS (
  SELECT record_key FROM master_data WHERE profile_id = @profileId AND side = 'st' AND kind = @stKind
  UNION SELECT st_id FROM links WHERE profile_id = @profileId AND kind = @kind
  UNION SELECT st_id FROM md_suggestions WHERE profile_id = @profileId AND kind = @kind AND status = 'open' AND st_id IS NOT NULL
  UNION SELECT party_id FROM waiting WHERE party_id IS NOT NULL
),
base AS (
  SELECT ids.st_id,
    COALESCE(json_extract(stm.payload_json, '$.name'), json_extract(snap.st_json, '$.name'), w.party_name) AS st_name,
    l.origin, l.visma_key AS linked_key, COALESCE(w.n, 0) AS waiting,
    (SELECT s.id FROM md_suggestions s
      WHERE s.profile_id = @profileId AND s.kind = @kind AND s.st_id = ids.st_id AND s.status = 'open'
      ORDER BY s.confidence DESC, s.id LIMIT 1) AS suggestion_id
  FROM ids
  LEFT JOIN master_data stm ON stm.profile_id = @profileId AND stm.side = 'st' AND stm.kind = @stKind AND stm.record_key = ids.st_id
  LEFT JOIN md_snapshots snap ON snap.profile_id = @profileId AND snap.kind = @kind AND snap.st_id = ids.st_id
  LEFT JOIN links l ON l.profile_id = @profileId AND l.kind = @kind AND l.st_id = ids.st_id
  LEFT JOIN waiting w ON w.party_id = ids.st_id
),
judged AS (
  SELECT base.st_id, base.st_name, base.origin, base.waiting, b.id AS suggestion_id, b.confidence, b.reasons_json,
    CASE WHEN base.linked_key IS NOT NULL THEN 'matched' WHEN b.id IS NOT NULL THEN 'suggested' ELSE 'left' END AS status,
    COALESCE(base.linked_key, b.visma_key) AS visma_key
  FROM base LEFT JOIN md_suggestions b ON b.id = base.suggestion_id
),
named AS (
  SELECT judged.*, json_extract(vm.payload_json, '$.name') AS visma_name,
    json_extract(vm.payload_json, '$.active') AS visma_active
  FROM judged LEFT JOIN master_data vm
    ON vm.profile_id = @profileId AND vm.side = 'visma' AND vm.kind = @kind AND vm.record_key = judged.visma_key
)`;

const ORDER_SQL: Record<LinkSort, string> = {
  st: 'length(st_id) {dir}, st_id {dir}',
  name: 'st_name IS NULL, st_name COLLATE NOCASE {dir}',
  visma: 'visma_name IS NULL, visma_name COLLATE NOCASE {dir}',
  confidence: 'confidence IS NULL, confidence {dir}',
  waiting: 'waiting {dir}',
};

interface Raw {
  st_id: string;
  st_name: string | null;
  origin: LinkRowView['origin'];
  suggestion_id: number | null;
  confidence: number | null;
  reasons_json: string | null;
  status: LinkRowView['status'];
  visma_key: string | null;
  waiting: number;
  visma_name: string | null;
  visma_active: number | null;
}

function toRow(r: Raw): LinkRowView {
  return {
    stId: r.st_id,
    stName: r.st_name,
    status: r.status,
    vismaKey: r.visma_key,
    vismaName: r.visma_name,
    vismaActive: r.visma_active === null ? null : r.visma_active === 1,
    origin: r.origin,
    suggestion:
      r.status === 'suggested' && r.suggestion_id !== null
        ? {
            id: r.suggestion_id,
            confidence: confidencePercent(r.confidence ?? 0),
            reasons: JSON.parse(r.reasons_json ?? '[]') as string[],
          }
        : null,
    waiting: r.waiting,
  };
}

/**
 * One window of a link tab (customers or vendors ↔ suppliers): what is matched, what is suggested and what is left,
 * searched by ServiceTitan id and name and Visma number and name, sorted and counted in SQL; only the window's rows
 * are read into memory. `blocking` counts unlinked parties whose documents wait (the search left out).
 */
export function linkPage(db: Ledger, profileId: string, query: LinkPageQuery): LinkPageView {
  const kind = query.kind;
  const params = { profileId, kind, ...SIDES[kind] };
  const text = query.search?.trim();
  const search = text
    ? `AND (st_id LIKE @pattern ESCAPE '\\' OR st_name LIKE @pattern ESCAPE '\\' OR visma_key LIKE @pattern ESCAPE '\\' OR visma_name LIKE @pattern ESCAPE '\\')`
    : '';
  const searchParams = text ? { pattern: likePattern(text) } : {};
  const counted = db
    .prepare(
      `${ROWS_SQL} SELECT status, COUNT(*) AS n, SUM(CASE WHEN status <> 'matched' AND waiting > 0 THEN 1 ELSE 0 END) AS blocking_parties,
        SUM(CASE WHEN status <> 'matched' THEN waiting ELSE 0 END) AS blocking_docs
       FROM named GROUP BY status`,
    )
    .all(params) as {
    status: LinkRowView['status'];
    n: number;
    blocking_parties: number;
    blocking_docs: number;
  }[];
  const blocking = {
    parties: counted.reduce((a, r) => a + r.blocking_parties, 0),
    documents: counted.reduce((a, r) => a + r.blocking_docs, 0),
  };
  const counts = { matched: 0, suggested: 0, left: 0 };
  if (text) {
    const found = db
      .prepare(`${ROWS_SQL} SELECT status, COUNT(*) AS n FROM named WHERE 1 = 1 ${search} GROUP BY status`)
      .all({ ...params, ...searchParams }) as { status: LinkRowView['status']; n: number }[];
    for (const r of found) counts[r.status] = r.n;
  } else for (const r of counted) counts[r.status] = r.n;
  const total = query.status ? counts[query.status] : counts.matched + counts.suggested + counts.left;
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 200;
  const direction = (query.direction ?? 'asc').toUpperCase();
  const order = ORDER_SQL[query.sort ?? 'name'].replaceAll('{dir}', direction);
  const rows =
    total === 0
      ? []
      : (db
          .prepare(
            `${ROWS_SQL} SELECT * FROM named WHERE 1 = 1 ${query.status ? 'AND status = @status' : ''} ${search}
             ORDER BY ${order}, length(st_id), st_id LIMIT @limit OFFSET @offset`,
          )
          .all({
            ...params,
            ...searchParams,
            ...(query.status && { status: query.status }),
            limit,
            offset,
          }) as Raw[]);
  return { rows: rows.map(toRow), offset, total, counts, blocking };
}
