import { SyncSettings } from '../../shared/sync-settings';
import { setRule } from './mapping/rule-store';
import type { MappingTable } from './mapping/rules';
import { loadMasterData } from './master-data/cache';
import { getOutbox, type OutboxRow } from './outbox/store';
import { describeProblems, loadResolveContext, planDocument } from './pipeline/resolve-phase';
import { correctHeld, runContext, type ReplayPreview, type ReviewDeps } from './review';
import type { SourceDocument, SourceLine } from './domain';
import { parseSource } from './source-store';
import type { EngineProfile } from './run-sync';

/** Which rule a picked account is remembered as: none (this line only), the line's SKU, or its GL account. */
export type RememberBy = 'line' | 'sku' | 'gl';

/** The account the accountant picked for one line of a held document. */
export interface LinePick {
  sourceLineId: string;
  account: string;
  rememberBy: RememberBy;
}

/** The mapping rule a pick is saved as, or why it cannot be (a line without SKU or GL account). */
export function ruleForPick(
  doc: SourceDocument,
  line: SourceLine,
  by: Exclude<RememberBy, 'line'>,
): { table: MappingTable; key: string } {
  if (by === 'sku') {
    if (doc.kind !== 'invoice') throw new Error('Bill lines are mapped by their GL account, not by SKU.');
    if (!line.skuId) throw new Error(`Line "${line.description}" has no SKU to remember the account for.`);
    return { table: 'revenueBySku', key: line.skuId };
  }
  if (!line.glAccountNumber)
    throw new Error(`Line "${line.description}" has no ServiceTitan GL account to remember the account for.`);
  return {
    table: doc.kind === 'invoice' ? 'revenueByGlAccount' : 'expenseByGlAccount',
    key: line.glAccountNumber,
  };
}

function heldRow(deps: ReviewDeps, profile: EngineProfile, id: number): OutboxRow {
  const row = getOutbox(deps.db, id);
  if (!row || row.profileId !== profile.id || row.state !== 'posted' || !row.held || !row.vismaDocNumber)
    throw new Error(`Document ${id} is not a held holding-account document.`);
  return row;
}

function checkPicks(deps: ReviewDeps, profile: EngineProfile, doc: SourceDocument, picks: LinePick[]): void {
  const accounts = loadMasterData(deps.db, profile.id).accounts;
  const holding = SyncSettings.parse(profile.sync ?? {}).holdingAccount;
  for (const pick of picks) {
    if (pick.account === holding)
      throw new Error(
        `Account ${pick.account} is the holding account; pick the account the line belongs on.`,
      );
    if (!doc.lines.some((l) => l.lineId === pick.sourceLineId))
      throw new Error(`Document ${doc.number} has no line ${pick.sourceLineId}.`);
    const account = accounts.get(pick.account);
    if (!account) throw new Error(`Visma has no account ${pick.account}.`);
    if (!account.active)
      throw new Error(`Visma account ${pick.account} (${account.description}) is inactive.`);
  }
}

/**
 * Fixes a held (holding-account) document in place: checks each picked account against Visma's master data (it
 * must exist and be active), saves the picks meant for every line with the same SKU or GL account as mapping rules
 * (audited), re-plans the document with the picks, puts the corrected lines on the unreleased Visma document and
 * releases it once no line is left on the holding account.
 */
export async function fixHeldDocument(
  profile: EngineProfile,
  deps: ReviewDeps,
  id: number,
  picks: LinePick[],
): Promise<ReplayPreview> {
  const row = heldRow(deps, profile, id);
  const doc = parseSource(row.payloadJson);
  checkPicks(deps, profile, doc, picks);
  const actor = deps.actor ?? 'user';
  const lineOnly = new Map<string, string>();
  for (const pick of picks) {
    const line = doc.lines.find((l) => l.lineId === pick.sourceLineId)!;
    if (pick.rememberBy === 'line') lineOnly.set(line.lineId, pick.account);
    else {
      const rule = ruleForPick(doc, line, pick.rememberBy);
      setRule(deps.db, profile.id, rule.table, rule.key, { account: pick.account }, actor);
    }
  }
  const ctx = runContext(profile, deps);
  const outcome = planDocument(doc, { ...loadResolveContext(ctx), lineAccounts: lineOnly });
  const base = { id: row.id, sourceNumber: row.sourceNumber, state: row.state };
  if (!outcome.ok)
    return {
      ...base,
      outcome: 'blocked',
      problems: outcome.problems,
      text: describeProblems(outcome.problems),
    };
  await correctHeld(ctx, row, outcome.planned, outcome.held, {
    picks: picks.map((p) => ({ line: p.sourceLineId, account: p.account, rememberBy: p.rememberBy })),
  });
  return {
    ...base,
    state: getOutbox(deps.db, id)!.state,
    outcome: 'correct-in-place',
    planned: outcome.planned,
    text: outcome.held
      ? 'The held Visma document was corrected; some lines are still on the holding account.'
      : 'The held Visma document was corrected and released.',
  };
}
