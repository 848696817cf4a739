import {
  appendAudit,
  type AuditActor,
  type AuditMessageParams,
  type AuditOutcome,
} from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import type { ReasonCode } from '../reasons';
import { canMove, IllegalTransitionError, type OutboxState } from './states';

/** One outbox row joined with its source document's identity. */
export interface OutboxRow {
  id: number;
  profileId: string;
  sourceId: number;
  state: OutboxState;
  reasonCode: ReasonCode | null;
  reasonText: string | null;
  externalReference: string;
  vismaDocType: string | null;
  vismaDocNumber: string | null;
  plannedJson: string | null;
  postedHash: string | null;
  postedPayloadJson: string | null;
  held: boolean;
  approved: boolean;
  verified: boolean;
  glBatchNumber: string | null;
  reviewCode: ReasonCode | null;
  reviewText: string | null;
  reviewDetailsJson: string | null;
  attempts: number;
  ignoredReason: string | null;
  updatedAt: string;
  /** When the create request was sent (set on `posting`, kept while `uncertain`). */
  uncertainSince: string | null;
  /** Look-ups by marker that found nothing since the create was sent. */
  lookups: number;
  /** When the release was requested (a queued release is followed until Visma reports it). */
  releaseRequestedAt: string | null;
  /** How the Visma document came to this row: created by this ledger, adopted (another installation or an earlier run), rebuilt from Visma. */
  vismaOrigin: 'created' | 'adopted' | 'rebuilt' | null;
  /** When ServiceTitan accepted the "exported" mark. */
  stMarkedAt: string | null;
  sourceKind: 'invoice' | 'ap-bill';
  stId: string;
  sourceNumber: string;
  stModifiedOn: string | null;
  sourceHash: string;
  payloadJson: string;
}

/** Fields a move may change besides the state. `null` clears a field. */
export interface OutboxPatch {
  reasonCode?: ReasonCode | null;
  reasonText?: string | null;
  vismaDocType?: string | null;
  vismaDocNumber?: string | null;
  plannedJson?: string | null;
  postedHash?: string | null;
  postedPayloadJson?: string | null;
  held?: boolean;
  approved?: boolean;
  verified?: boolean;
  glBatchNumber?: string | null;
  reviewCode?: ReasonCode | null;
  reviewText?: string | null;
  reviewDetailsJson?: string | null;
  attempts?: number;
  ignoredReason?: string | null;
  uncertainSince?: string | null;
  lookups?: number;
  releaseRequestedAt?: string | null;
  vismaOrigin?: 'created' | 'adopted' | 'rebuilt' | null;
  stMarkedAt?: string | null;
}

/** Who moves rows and when (injected so tests are deterministic). */
export interface MoveContext {
  db: Ledger;
  actor: AuditActor;
  now?: () => Date;
}

/** The audit part of a move. */
export interface MoveAudit {
  action: string;
  outcome: AuditOutcome;
  message?: string;
  /** The message as a code and values the UI says in its language (see `AuditEntry`). */
  messageCode?: string;
  messageParams?: AuditMessageParams;
  details?: Record<string, unknown>;
}

const COLUMNS: Record<keyof OutboxPatch, string> = {
  reasonCode: 'reason_code',
  reasonText: 'reason_text',
  vismaDocType: 'visma_doc_type',
  vismaDocNumber: 'visma_doc_number',
  plannedJson: 'planned_json',
  postedHash: 'posted_hash',
  postedPayloadJson: 'posted_payload_json',
  held: 'held',
  approved: 'approved',
  verified: 'verified',
  glBatchNumber: 'gl_batch_number',
  reviewCode: 'review_code',
  reviewText: 'review_text',
  reviewDetailsJson: 'review_details_json',
  attempts: 'attempts',
  ignoredReason: 'ignored_reason',
  uncertainSince: 'uncertain_since',
  lookups: 'lookups',
  releaseRequestedAt: 'release_requested_at',
  vismaOrigin: 'visma_origin',
  stMarkedAt: 'st_marked_at',
};

/** The outbox row joined with its source document: what `outboxRowFromSql` reads. */
export const OUTBOX_SELECT = `SELECT o.*, s.kind AS source_kind, s.st_id, s.number AS source_number, s.st_modified_on,
  s.hash AS source_hash, s.payload_json FROM outbox o JOIN source_documents s ON s.id = o.source_id`;

type Raw = Record<string, unknown>;

/** An outbox row as `OUTBOX_SELECT` returns it. */
export function outboxRowFromSql(r: Record<string, unknown>): OutboxRow {
  const str = (k: string) => (typeof r[k] === 'string' || typeof r[k] === 'number' ? String(r[k]) : null);
  return {
    id: Number(r.id),
    profileId: String(r.profile_id),
    sourceId: Number(r.source_id),
    state: r.state as OutboxState,
    reasonCode: str('reason_code') as ReasonCode | null,
    reasonText: str('reason_text'),
    externalReference: String(r.external_reference),
    vismaDocType: str('visma_doc_type'),
    vismaDocNumber: str('visma_doc_number'),
    plannedJson: str('planned_json'),
    postedHash: str('posted_hash'),
    postedPayloadJson: str('posted_payload_json'),
    held: r.held === 1,
    approved: r.approved === 1,
    verified: r.verified === 1,
    glBatchNumber: str('gl_batch_number'),
    reviewCode: str('review_code') as ReasonCode | null,
    reviewText: str('review_text'),
    reviewDetailsJson: str('review_details_json'),
    attempts: Number(r.attempts),
    ignoredReason: str('ignored_reason'),
    updatedAt: String(r.updated_at),
    uncertainSince: str('uncertain_since'),
    lookups: Number(r.lookups ?? 0),
    releaseRequestedAt: str('release_requested_at'),
    vismaOrigin: str('visma_origin') as OutboxRow['vismaOrigin'],
    stMarkedAt: str('st_marked_at'),
    sourceKind: r.source_kind as 'invoice' | 'ap-bill',
    stId: String(r.st_id),
    sourceNumber: String(r.source_number),
    stModifiedOn: str('st_modified_on'),
    sourceHash: String(r.source_hash),
    payloadJson: String(r.payload_json),
  };
}

/** One outbox row by id, or undefined. */
export function getOutbox(db: Ledger, id: number): OutboxRow | undefined {
  const r = db.prepare(`${OUTBOX_SELECT} WHERE o.id = ?`).get(id) as Raw | undefined;
  return r ? outboxRowFromSql(r) : undefined;
}

/** The outbox row of a source document, or undefined. */
export function outboxOfSource(db: Ledger, sourceId: number): OutboxRow | undefined {
  const r = db.prepare(`${OUTBOX_SELECT} WHERE o.source_id = ? AND o.action = 'post'`).get(sourceId) as
    Raw | undefined;
  return r ? outboxRowFromSql(r) : undefined;
}

/**
 * Named SQL conditions a phase may add to `listOutbox`, so it reads only the rows it works on (the profile's whole
 * history of posted rows is never loaded to be filtered in JavaScript).
 */
export const OUTBOX_CONDITIONS = {
  /** Released rows not yet checked against ServiceTitan's totals. */
  unverified: 'o.verified = 0',
  /** Verified rows whose GL batch is not known yet. */
  withoutGlBatch: 'o.verified = 1 AND o.gl_batch_number IS NULL',
  /** Verified rows (ready to be marked exported). */
  verified: 'o.verified = 1',
  /** Rows ServiceTitan has not accepted an "exported" mark for. */
  notMarkedExported: 'o.st_marked_at IS NULL',
  /** Posted rows whose source changed in ServiceTitan since it was posted. */
  changedSincePosted: 'o.posted_hash IS NOT NULL AND o.posted_hash <> s.hash',
  /** Rows whose release Visma refused or did not finish (in review). */
  releaseInReview: `o.review_code IN ('release_failed', 'release_incomplete')`,
} as const;

/** The name of one of `OUTBOX_CONDITIONS`. */
export type OutboxCondition = keyof typeof OUTBOX_CONDITIONS;

/** Rows of a profile in any of `states` (all states when empty) that meet `condition` (when given), oldest first. */
export function listOutbox(
  db: Ledger,
  profileId: string,
  states: readonly OutboxState[] = [],
  condition?: OutboxCondition,
): OutboxRow[] {
  const where = states.length ? `AND o.state IN (${states.map(() => '?').join(', ')})` : '';
  const extra = condition ? `AND ${OUTBOX_CONDITIONS[condition]}` : '';
  const rows = db
    .prepare(`${OUTBOX_SELECT} WHERE o.profile_id = ? ${where} ${extra} ORDER BY o.id`)
    .all(profileId, ...states) as Raw[];
  return rows.map(outboxRowFromSql);
}

/**
 * Waiting rows a resolve must look at when nothing they depend on changed: every `pending` and `ready` row, and the
 * `blocked` rows moved, or whose source was stored, at or after `since` (the last complete resolve), oldest first.
 */
export function listWaitingSince(db: Ledger, profileId: string, since: string): OutboxRow[] {
  // Two indexed reads (by state) instead of one OR that SQLite answers by scanning every row.
  const open = db
    .prepare(`${OUTBOX_SELECT} WHERE o.profile_id = ? AND o.state IN ('pending', 'ready')`)
    .all(profileId) as Raw[];
  const blocked = db
    .prepare(
      `${OUTBOX_SELECT} WHERE o.profile_id = ? AND o.state = 'blocked' AND (o.updated_at >= ? OR s.last_seen_at >= ?)`,
    )
    .all(profileId, since, since) as Raw[];
  return [...open, ...blocked].map(outboxRowFromSql).sort((x, y) => x.id - y.id);
}

/**
 * The SQL condition (on outbox `o`) of a row with an open review item: blocked, held, or flagged, not ignored. The
 * partial index `outbox_review_queue` (migration 0006) repeats it term for term: change both together.
 */
export const IN_REVIEW = `o.state <> 'ignored'
       AND (o.state IN ('blocked', 'failed', 'uncertain') OR o.review_code IS NOT NULL OR (o.held = 1 AND o.approved = 0))`;

/** Rows with an open review item (blocked, held, or flagged after posting), not ignored. */
export function listReviewRows(db: Ledger, profileId: string): OutboxRow[] {
  const rows = db
    .prepare(
      `${OUTBOX_SELECT} WHERE o.profile_id = ? AND ${IN_REVIEW}
       ORDER BY o.id`,
    )
    .all(profileId) as Raw[];
  return rows.map(outboxRowFromSql);
}

/** The ids of the rows with an open review item (the partial index answers it without reading other rows). */
export function reviewQueueIds(db: Ledger, profileId: string): Set<number> {
  const rows = db
    .prepare(`SELECT o.id FROM outbox o WHERE o.profile_id = ? AND ${IN_REVIEW}`)
    .pluck()
    .all(profileId) as number[];
  return new Set(rows);
}

/** Creates the `pending` outbox row of a source document (audited); returns its id. */
export function createOutbox(
  ctx: MoveContext,
  profileId: string,
  sourceId: number,
  externalReference: string,
): number {
  const at = (ctx.now ?? (() => new Date()))().toISOString();
  return ctx.db.transaction(() => {
    const id = Number(
      ctx.db
        .prepare(
          `INSERT INTO outbox (profile_id, source_id, state, external_reference, created_at, updated_at)
           VALUES (?, ?, 'pending', ?, ?, ?)`,
        )
        .run(profileId, sourceId, externalReference, at, at).lastInsertRowid,
    );
    const row = getOutbox(ctx.db, id)!;
    appendAudit(ctx.db, {
      ...auditIdentity(row),
      actor: ctx.actor,
      action: 'outbox.created',
      outcome: 'info',
      at,
    });
    return id;
  })();
}

function auditIdentity(row: OutboxRow) {
  return {
    profileId: row.profileId,
    sourceType: row.sourceKind,
    sourceId: row.stId,
    sourceNumber: row.sourceNumber || undefined,
    stModifiedOn: row.stModifiedOn ?? undefined,
    vismaDocType: row.vismaDocType ?? undefined,
    vismaDocNumber: row.vismaDocNumber ?? undefined,
    glBatchNumber: row.glBatchNumber ?? undefined,
  };
}

/** The row as the UPDATE of a move leaves it (no re-read: the patch names every column it changes). */
function patchedRow(current: OutboxRow, to: OutboxState, patch: OutboxPatch, at: string): OutboxRow {
  const changed = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  return { ...current, ...changed, state: to, updatedAt: at };
}

/**
 * Moves a row to `to`, applies `patch` and appends the audit entry, all in one committed transaction.
 * Throws `IllegalTransitionError` for a move the state machine forbids (and changes nothing).
 */
export function moveOutbox(
  ctx: MoveContext,
  rowId: number,
  to: OutboxState,
  patch: OutboxPatch,
  audit: MoveAudit,
): OutboxRow {
  const at = (ctx.now ?? (() => new Date()))().toISOString();
  return ctx.db.transaction(() => {
    const current = getOutbox(ctx.db, rowId);
    if (!current) throw new Error(`Outbox row ${rowId} does not exist.`);
    if (!canMove(current.state, to)) throw new IllegalTransitionError(current.state, to, rowId);
    const sets = ['state = @state', 'updated_at = @at'];
    const params: Record<string, unknown> = { state: to, at, id: rowId };
    for (const [key, value] of Object.entries(patch) as [keyof OutboxPatch, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${COLUMNS[key]} = @${key}`);
      params[key] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    }
    ctx.db.prepare(`UPDATE outbox SET ${sets.join(', ')} WHERE id = @id`).run(params);
    const row = patchedRow(current, to, patch, at);
    appendAudit(ctx.db, {
      ...auditIdentity(row),
      actor: ctx.actor,
      action: audit.action,
      outcome: audit.outcome,
      at,
      ...(audit.message !== undefined && { message: audit.message }),
      ...(audit.messageCode !== undefined && { messageCode: audit.messageCode }),
      ...(audit.messageParams !== undefined && { messageParams: audit.messageParams }),
      details: {
        from: current.state,
        to,
        ...(row.reasonCode && to === 'blocked' && { reason: row.reasonCode }),
        ...audit.details,
      },
    });
    return row;
  })();
}
