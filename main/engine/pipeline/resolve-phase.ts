import type { PlannedDocument, SourceDocument } from '../domain';
import { flaggedTaxZones } from '../alignment/store/drift';
import { crashPoint } from '../crash-point';
import { loadLinks, loadRules } from '../mapping/rule-store';
import { resolveDocument, type ResolveContext } from '../mapping/resolve';
import { loadMasterData } from '../master-data/cache';
import { listOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import { reasonText, type Problem } from '../reasons';
import { parseSource } from '../source-store';
import { validatePlanned } from '../validate';
import type { RunContext } from './context';

/** The outcome of resolving and validating one document. */
export type PlanOutcome =
  { ok: true; planned: PlannedDocument; held: boolean; notes: string[] } | { ok: false; problems: Problem[] };

/** Builds the resolve context from the ledger (rules, links, cached master data). */
export function loadResolveContext(
  ctx: Pick<RunContext, 'db' | 'profileId' | 'settings' | 'timeZone'>,
): ResolveContext {
  return {
    rules: loadRules(ctx.db, ctx.profileId),
    master: loadMasterData(ctx.db, ctx.profileId),
    customerLinks: loadLinks(ctx.db, ctx.profileId, 'customer'),
    supplierLinks: loadLinks(ctx.db, ctx.profileId, 'supplier'),
    settings: ctx.settings,
    timeZone: ctx.timeZone,
    flaggedTaxZones: flaggedTaxZones(ctx.db, ctx.profileId),
  };
}

/** Resolves and validates one source document with the current mappings and master data. */
export function planDocument(doc: SourceDocument, rc: ResolveContext): PlanOutcome {
  const flag = doc.taxZoneId ? rc.flaggedTaxZones?.get(doc.taxZoneId) : undefined;
  if (flag) return { ok: false, problems: [{ code: 'tax_mapping_flagged', detail: flag }] };
  const resolved = resolveDocument(doc, rc);
  if (!resolved.ok) return { ok: false, problems: resolved.problems };
  const checked = validatePlanned(resolved.planned, rc.master, rc.settings);
  if (checked.problems.length > 0) return { ok: false, problems: checked.problems };
  return { ok: true, planned: checked.planned, held: resolved.held, notes: checked.notes };
}

/** Plain text for a list of problems: the first one's sentence plus the details of all. */
export function describeProblems(problems: readonly Problem[]): string {
  const first = problems[0]!;
  const rest = problems.slice(1).map((p) => p.detail ?? p.code);
  return [reasonText(first.code, first.detail), ...rest].join(' ').slice(0, 1900);
}

/** Moves a waiting row to `ready` (with its plan) or `blocked` (with the reason); quiet when nothing changed. */
export function applyPlan(ctx: RunContext, row: OutboxRow, outcome: PlanOutcome): void {
  if (outcome.ok) {
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
    return;
  }
  const code = outcome.problems[0]!.code;
  const text = describeProblems(outcome.problems);
  if (row.state === 'blocked' && row.reasonCode === code && row.reasonText === text) return;
  moveOutbox(
    ctx.move,
    row.id,
    'blocked',
    { reasonCode: code, reasonText: text, plannedJson: null },
    {
      action: 'document.blocked',
      outcome: 'blocked',
      message: `${row.sourceKind === 'invoice' ? 'Invoice' : 'Bill'} ${row.sourceNumber}: ${text}`,
      details: { problems: outcome.problems },
    },
  );
}

/** Re-resolves every waiting row (pending, ready, blocked): blocked rows recover by themselves when data changes. */
export function resolveWaiting(ctx: RunContext): void {
  const rc = loadResolveContext(ctx);
  const rows = listOutbox(ctx.db, ctx.profileId, ['pending', 'ready', 'blocked']);
  rows.forEach((row, i) => {
    applyPlan(ctx, row, planDocument(parseSource(row.payloadJson), rc));
    if (i % 200 === 0) ctx.progress({ phase: 'resolve', done: i, total: rows.length });
  });
  crashPoint('resolve.done');
}
