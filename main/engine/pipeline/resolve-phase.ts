import { createHash } from 'node:crypto';
import { money } from '../../../shared/money';
import type { PlannedDocument, SourceDocument } from '../domain';
import { flaggedTaxZones } from '../alignment/store/drift';
import { crashPoint } from '../crash-point';
import { loadLinks, loadRules } from '../mapping/rule-store';
import { fitText, visibleText } from '../mapping/visma-text';
import { resolveDocument, type ResolveContext } from '../mapping/resolve';
import { loadMasterData } from '../master-data/cache';
import { listOutbox, listWaitingSince, moveOutbox, type OutboxRow } from '../outbox/store';
import { reasonText, somethingToPostText, type Problem } from '../reasons';
import { getCursor, parseSource, setCursor } from '../source-store';
import { checkSourceFigures, validatePlanned } from '../validate';
import type { RunContext } from './context';

/**
 * The outcome of resolving and validating one document: a plan to post (with audit notes), the problems that block
 * it, or nothing to post (a zero total; `problems` holds the single `zero_total` reason, so code that only asks
 * `ok` treats it as not postable).
 */
export type PlanOutcome =
  | { ok: true; planned: PlannedDocument; held: boolean; notes: string[]; nothingToPost?: false }
  | { ok: false; problems: Problem[]; nothingToPost?: false }
  | { ok: false; problems: [Problem]; nothingToPost: true };

/** Builds the resolve context from the ledger (rules, links, cached master data). */
export function loadResolveContext(
  ctx: Pick<RunContext, 'db' | 'profileId' | 'tenantId' | 'settings' | 'timeZone'>,
): ResolveContext {
  return {
    tenantId: ctx.tenantId,
    rules: loadRules(ctx.db, ctx.profileId),
    master: loadMasterData(ctx.db, ctx.profileId),
    customerLinks: loadLinks(ctx.db, ctx.profileId, 'customer'),
    supplierLinks: loadLinks(ctx.db, ctx.profileId, 'supplier'),
    settings: ctx.settings,
    timeZone: ctx.timeZone,
    flaggedTaxZones: flaggedTaxZones(ctx.db, ctx.profileId),
  };
}

/**
 * Resolves and validates one source document with the current mappings and master data. Pure, and never throws on
 * a document: its own figures are checked first (readable, within Visma's range, adding up), then a zero total
 * means nothing to post, then the party, the tax-zone flag, the mapping rules and Visma's master data.
 */
export function planDocument(doc: SourceDocument, rc: ResolveContext): PlanOutcome {
  const figures = checkSourceFigures(doc);
  if (figures.length > 0) return { ok: false, problems: figures };
  if (money(doc.total).isZero())
    return { ok: false, nothingToPost: true, problems: [{ code: 'zero_total' }] };
  if (!doc.partyId)
    return { ok: false, problems: [{ code: doc.kind === 'invoice' ? 'no_customer' : 'no_vendor' }] };
  const flag = doc.taxZoneId ? rc.flaggedTaxZones?.get(doc.taxZoneId) : undefined;
  if (flag) return { ok: false, problems: [{ code: 'tax_mapping_flagged', detail: flag }] };
  const resolved = resolveDocument(doc, rc);
  if (!resolved.ok) return { ok: false, problems: resolved.problems };
  const checked = validatePlanned(resolved.planned, rc.master, rc.settings);
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems };
  return {
    ok: true,
    planned: checked.planned,
    held: resolved.held,
    notes: [...resolved.notes, ...checked.notes],
  };
}

/** Plain text for a list of problems: the first one's sentence plus the details of all. */
export function describeProblems(problems: readonly Problem[]): string {
  const first = problems[0]!;
  const rest = problems.slice(1).map((p) => p.detail ?? p.code);
  return fitText([reasonText(first.code, first.detail), ...rest].join(' '), 1900).text;
}

/** "Invoice 100001" for audit messages, with the number as the accountant can read it. */
const label = (row: OutboxRow) =>
  `${row.sourceKind === 'invoice' ? 'Invoice' : 'Bill'} ${fitText(visibleText(row.sourceNumber), 60).text}`;

function moveReady(ctx: RunContext, row: OutboxRow, outcome: Extract<PlanOutcome, { ok: true }>): void {
  const plannedJson = JSON.stringify(outcome.planned);
  if (row.state === 'ready' && row.plannedJson === plannedJson) return;
  moveOutbox(
    ctx.move,
    row.id,
    'ready',
    { plannedJson, reasonCode: null, reasonText: null, held: outcome.held },
    {
      action: 'document.ready',
      outcome: 'info',
      ...(outcome.notes.length > 0 && { message: outcome.notes.join(' ') }),
      ...(outcome.notes.length > 0 && {
        details: { notes: outcome.notes, financialPeriod: outcome.planned.financialPeriod },
      }),
    },
  );
}

function moveNothingToPost(ctx: RunContext, row: OutboxRow, problem: Problem): void {
  if (row.state === 'nothing_to_post') return;
  const text = reasonText(problem.code, problem.detail);
  ctx.counts[row.sourceKind].nothingToPost++;
  moveOutbox(
    ctx.move,
    row.id,
    'nothing_to_post',
    { reasonCode: problem.code, reasonText: text, plannedJson: null },
    { action: 'document.nothing-to-post', outcome: 'info', message: `${label(row)}: ${text}` },
  );
}

function moveBlocked(ctx: RunContext, row: OutboxRow, problems: Problem[]): void {
  const code = problems[0]!.code;
  const text = describeProblems(problems);
  if (row.state === 'blocked' && row.reasonCode === code && row.reasonText === text) return;
  moveOutbox(
    ctx.move,
    row.id,
    'blocked',
    { reasonCode: code, reasonText: text, plannedJson: null },
    {
      action: 'document.blocked',
      outcome: 'blocked',
      message: `${label(row)}: ${text}`,
      messageCode: 'blocked',
      messageParams: { sourceType: row.sourceKind, sourceNumber: row.sourceNumber, reason: code },
      details: { problems },
    },
  );
}

/** True when a document's own figures say there is nothing to post: readable, adding up, and a zero total. */
export function hasNothingToPost(doc: SourceDocument): boolean {
  return checkSourceFigures(doc).length === 0 && money(doc.total).isZero();
}

/**
 * A `nothing_to_post` row whose document now has something to post (an amount, or a problem to explain) goes back
 * to `pending`, audited, so the rest of the run takes it on like a new document; any other row is left alone.
 */
export function reopenIfSomethingToPost(ctx: Pick<RunContext, 'move'>, row: OutboxRow): OutboxRow {
  if (row.state !== 'nothing_to_post') return row;
  const doc = parseSource(row.payloadJson);
  if (hasNothingToPost(doc)) return row;
  return moveOutbox(
    ctx.move,
    row.id,
    'pending',
    { reasonCode: null, reasonText: null },
    {
      action: 'document.reopened',
      outcome: 'info',
      message: `${label(row)}: ${somethingToPostText(doc.total)}`,
    },
  );
}

/**
 * Moves a waiting row to `ready` (with its plan), `blocked` (with the reason) or `nothing_to_post` (audited); quiet
 * when nothing changed. A `nothing_to_post` row that has something to post again goes back through `pending` first.
 */
export function applyPlan(ctx: RunContext, row: OutboxRow, outcome: PlanOutcome): void {
  if (outcome.nothingToPost) {
    moveNothingToPost(ctx, row, outcome.problems[0]);
    return;
  }
  const current = reopenIfSomethingToPost(ctx, row);
  if (outcome.ok) moveReady(ctx, current, outcome);
  else moveBlocked(ctx, current, outcome.problems);
}

/** The cursor holding the inputs digest and start time of the last complete resolve. */
export const RESOLVE_SETTLED_CURSOR = 'resolve:settled';

/** A digest of everything a plan depends on besides the document: rules, links, master data, settings, zones. */
export function resolveInputsDigest(rc: ResolveContext): string {
  const plain = (_key: string, value: unknown) =>
    value instanceof Map
      ? [...(value as Map<unknown, unknown>)]
      : value instanceof Set
        ? [...(value as Set<unknown>)]
        : value;
  return createHash('sha256').update(JSON.stringify(rc, plain)).digest('hex');
}

function settledSince(ctx: RunContext, digest: string): string | undefined {
  const raw = getCursor(ctx.db, ctx.profileId, RESOLVE_SETTLED_CURSOR);
  if (!raw) return undefined;
  const settled = JSON.parse(raw) as { digest?: string; at?: string };
  return settled.digest === digest ? settled.at : undefined;
}

/**
 * Resolves the waiting rows (pending, ready, blocked): blocked rows recover by themselves when data changes. When
 * nothing a plan depends on changed since the last complete resolve, a blocked row is looked at again only when it
 * moved or its source was stored since; otherwise every waiting row is.
 */
export async function resolveWaiting(ctx: RunContext): Promise<void> {
  const startedAt = ctx.now().toISOString();
  const rc = loadResolveContext(ctx);
  const digest = resolveInputsDigest(rc);
  const since = settledSince(ctx, digest);
  const rows =
    since === undefined
      ? listOutbox(ctx.db, ctx.profileId, ['pending', 'ready', 'blocked'])
      : listWaitingSince(ctx.db, ctx.profileId, since);
  for (const [i, row] of rows.entries()) {
    await ctx.breathe();
    applyPlan(ctx, row, planDocument(parseSource(row.payloadJson), rc));
    if (i % 200 === 0) ctx.progress({ phase: 'resolve', done: i, total: rows.length });
  }
  setCursor(ctx.db, ctx.profileId, RESOLVE_SETTLED_CURSOR, JSON.stringify({ digest, at: startedAt }));
  crashPoint('resolve.done');
}
