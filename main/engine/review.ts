import { SyncSettings } from '../../shared/sync-settings';
import type { AuditActor } from '../storage/audit';
import type { Ledger } from '../storage/types';
import type { PlannedDocument } from './domain';
import { getOutbox, listReviewRows, moveOutbox, type MoveContext, type OutboxRow } from './outbox/store';
import type { OutboxState } from './outbox/states';
import type { VismaPort } from './ports';
import { reasonText, type Problem, type ReasonCode } from './reasons';
import { applyPlan, describeProblems, loadResolveContext, planDocument } from './pipeline/resolve-phase';
import { createRunContext, type RunContext } from './pipeline/context';
import { confirmAndRelease } from './pipeline/post';
import { parseSource } from './source-store';
import type { EngineProfile } from './run-sync';

/** One entry of the review queue. */
export interface ReviewItem {
  id: number;
  sourceType: 'invoice' | 'ap-bill';
  sourceNumber: string;
  stId: string;
  state: OutboxState;
  reason: ReasonCode;
  text: string;
  vismaDocNumber: string | null;
  details: unknown;
  updatedAt: string;
}

function reasonOf(row: OutboxRow): { reason: ReasonCode; text: string; details: unknown } {
  if (['blocked', 'failed'].includes(row.state) && row.reasonCode) {
    return { reason: row.reasonCode, text: row.reasonText ?? reasonText(row.reasonCode), details: null };
  }
  if (row.state === 'uncertain') {
    const code = row.reasonCode === 'deleted_in_visma' ? 'deleted_in_visma' : 'visma_unconfirmed';
    return { reason: code, text: reasonText(code), details: null };
  }
  if (row.reviewCode) {
    return {
      reason: row.reviewCode,
      text: row.reviewText ?? reasonText(row.reviewCode),
      details: row.reviewDetailsJson ? (JSON.parse(row.reviewDetailsJson) as unknown) : null,
    };
  }
  const holding = row.plannedJson
    ? (JSON.parse(row.plannedJson) as PlannedDocument).lines.filter((l) => l.holding)
    : [];
  return {
    reason: 'holding_account',
    text: reasonText('holding_account', `Lines: ${holding.map((l) => l.description).join('; ')}.`),
    details: { lines: holding },
  };
}

/** One outbox row as an entry of the review queue, with its plain-language reason. */
export function reviewItemOf(row: OutboxRow): ReviewItem {
  return {
    id: row.id,
    sourceType: row.sourceKind,
    sourceNumber: row.sourceNumber,
    stId: row.stId,
    state: row.state,
    ...reasonOf(row),
    vismaDocNumber: row.vismaDocNumber,
    updatedAt: row.updatedAt,
  };
}

/** The review queue of a profile: blocked, failed, held, and flagged documents, with plain-language reasons. */
export function listReview(db: Ledger, profileId: string): ReviewItem[] {
  return listReviewRows(db, profileId).map(reviewItemOf);
}

/** What a replay would post (or why it still cannot). */
export interface ReplayPreview {
  id: number;
  sourceNumber: string;
  state: OutboxState;
  outcome: 'ready' | 'blocked' | 'correct-in-place' | 'not-replayable';
  planned?: PlannedDocument;
  problems?: Problem[];
  text: string;
}

/** Dependencies of the review actions. */
export interface ReviewDeps {
  db: Ledger;
  visma?: VismaPort;
  actor?: AuditActor;
  now?: () => Date;
}

/** The run context review actions work in (no ServiceTitan port: they never read it). */
export function runContext(profile: EngineProfile, deps: ReviewDeps): RunContext {
  return createRunContext({
    db: deps.db,
    profile,
    settings: SyncSettings.parse(profile.sync ?? {}),
    st: undefined as never,
    visma: deps.visma as VismaPort,
    actor: deps.actor ?? 'user',
    now: deps.now ?? (() => new Date()),
  });
}

const REPLAYABLE: readonly OutboxState[] = ['pending', 'ready', 'blocked', 'failed'];

/**
 * Re-resolves documents with the current mappings and returns what would be posted. With `apply`, blocked and
 * failed rows move to `ready`/`blocked` (the next sync posts them) and held documents are corrected in Visma.
 */
export async function replay(
  profile: EngineProfile,
  deps: ReviewDeps,
  target: { id: number } | { all: true },
  options: { apply: boolean },
): Promise<ReplayPreview[]> {
  const ctx = runContext(profile, deps);
  const rc = loadResolveContext(ctx);
  const rows =
    'id' in target
      ? [getOutbox(deps.db, target.id)].filter((r): r is OutboxRow => r?.profileId === profile.id)
      : listReviewRows(deps.db, profile.id);
  if ('id' in target && rows.length === 0)
    throw new Error(`There is no document ${target.id} in the review queue of this profile.`);
  const previews: ReplayPreview[] = [];
  for (const row of rows) {
    const held = row.state === 'posted' && row.held;
    if (!REPLAYABLE.includes(row.state) && !held) {
      previews.push({
        id: row.id,
        sourceNumber: row.sourceNumber,
        state: row.state,
        outcome: 'not-replayable',
        text: reasonOf(row).text,
      });
      continue;
    }
    const outcome = planDocument(parseSource(row.payloadJson), rc);
    const base = { id: row.id, sourceNumber: row.sourceNumber, state: row.state };
    if (!outcome.ok) {
      previews.push({
        ...base,
        outcome: 'blocked',
        problems: outcome.problems,
        text: describeProblems(outcome.problems),
      });
    } else {
      previews.push({
        ...base,
        outcome: held ? 'correct-in-place' : 'ready',
        planned: outcome.planned,
        text: held ? 'The held Visma document will be corrected.' : 'Ready to post.',
      });
    }
    if (!options.apply) continue;
    if (held) {
      if (outcome.ok) await correctHeld(ctx, row, outcome.planned, outcome.held);
      continue;
    }
    if (row.state === 'failed') {
      moveOutbox(
        ctx.move,
        row.id,
        'pending',
        { reasonCode: null, reasonText: null },
        { action: 'document.replayed', outcome: 'info' },
      );
    }
    applyPlan(ctx, getOutbox(deps.db, row.id)!, outcome);
  }
  return previews;
}

/** Puts the planned lines on the unreleased held document in Visma (PUT), then releases it unless still held. */
export async function correctHeld(
  ctx: RunContext,
  row: OutboxRow,
  planned: PlannedDocument,
  held: boolean,
  details?: Record<string, unknown>,
): Promise<void> {
  if (!ctx.visma) throw new Error('Correcting a held document needs the Visma connection.');
  const result = await ctx.visma.updateDocument(row.vismaDocNumber!, planned);
  if (result.status !== 'ok')
    throw new Error(`Visma did not accept the correction of ${row.vismaDocNumber}: ${result.message}`);
  moveOutbox(
    ctx.move,
    row.id,
    'posted',
    { plannedJson: JSON.stringify(planned), held, approved: false },
    {
      action: 'document.corrected',
      outcome: 'success',
      message: `Held document ${row.vismaDocNumber} corrected with the current mappings${held ? '' : '; it is no longer on the holding account'}.`,
      ...(details && { details }),
    },
  );
  if (!held) await releaseNow(ctx, row.id);
}

/** Releases a row through the lifecycle (duplicate check first; a queued release is followed by the next run). */
async function releaseNow(ctx: RunContext, id: number): Promise<void> {
  await confirmAndRelease(ctx, [getOutbox(ctx.db, id)!]);
  const row = getOutbox(ctx.db, id)!;
  if (row.state === 'posted' && row.reviewCode)
    throw new Error(`Visma did not release ${row.vismaDocNumber}: ${row.reviewText ?? row.reviewCode}`);
}

/**
 * Approves a held (holding-account) document as it is: takes it off hold in Visma and releases it. With
 * `keepOnHoldingAccount` the audit entry records that the accountant chose to leave its lines on the holding account.
 */
export async function approveHolding(
  profile: EngineProfile,
  deps: ReviewDeps,
  id: number,
  options: { keepOnHoldingAccount?: boolean } = {},
): Promise<void> {
  const ctx = runContext(profile, deps);
  const row = getOutbox(deps.db, id);
  if (!row || row.profileId !== profile.id || row.state !== 'posted' || !row.held) {
    throw new Error(`Document ${id} is not a held holding-account document.`);
  }
  if (!deps.visma) throw new Error('Approving needs the Visma connection.');
  const planned = { ...(JSON.parse(row.plannedJson!) as PlannedDocument), hold: false };
  const result = await deps.visma.updateDocument(row.vismaDocNumber!, planned);
  if (result.status !== 'ok')
    throw new Error(`Visma did not take ${row.vismaDocNumber} off hold: ${result.message}`);
  moveOutbox(
    ctx.move,
    id,
    'posted',
    { approved: true, plannedJson: JSON.stringify(planned) },
    {
      action: 'document.approved',
      outcome: 'success',
      message: options.keepOnHoldingAccount
        ? `Holding-account document ${row.vismaDocNumber} approved by the accountant, who chose to keep its lines on the holding account.`
        : `Holding-account document ${row.vismaDocNumber} approved by the accountant.`,
      ...(options.keepOnHoldingAccount && { details: { keptOnHoldingAccount: true } }),
    },
  );
  await releaseNow(ctx, id);
}

/** Ignores a document with a reason (audited): waiting rows stop; posted rows have their review flag cleared. */
export function ignore(profile: EngineProfile, deps: ReviewDeps, id: number, reason: string): void {
  const text = reason.trim();
  if (text.length < 3) throw new Error('Give a reason (at least a few words) for ignoring the document.');
  const row = getOutbox(deps.db, id);
  if (!row || row.profileId !== profile.id) throw new Error(`There is no document ${id} in this profile.`);
  const move: MoveContext = { db: deps.db, actor: deps.actor ?? 'user', ...(deps.now && { now: deps.now }) };
  if (['pending', 'ready', 'blocked', 'failed'].includes(row.state)) {
    moveOutbox(
      move,
      id,
      'ignored',
      { ignoredReason: text },
      { action: 'document.ignored', outcome: 'info', message: text },
    );
    return;
  }
  if (row.reviewCode && ['posted', 'released', 'exported'].includes(row.state)) {
    moveOutbox(
      move,
      id,
      row.state,
      { reviewCode: null, reviewText: null, ignoredReason: text },
      {
        action: 'review.dismissed',
        outcome: 'info',
        message: `${row.reviewCode}: ${text}`,
      },
    );
    return;
  }
  throw new Error(`Document ${id} is ${row.state} and cannot be ignored.`);
}

/** Rows waiting for the engine (for the UI's counts). */
export function waitingCount(db: Ledger, profileId: string): number {
  return db
    .prepare(`SELECT COUNT(*) FROM outbox WHERE profile_id = ? AND state IN ('pending', 'ready', 'blocked')`)
    .pluck()
    .get(profileId) as number;
}
