import { appendAudit, type AuditActor } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import type { MasterData } from '../master-data/types';
import { loadLinks, markMappingsChanged, setLink, type LinkKind } from '../mapping/rule-store';
import { decideSuggestion, listSuggestions, retireLinkedSuggestions } from './store/suggestions';

/** What accepting every suggestion above a threshold did. */
export interface AcceptAboveResult {
  accepted: number;
  /** Suggestions at or above the threshold left open: a tie, a Visma party taken, or one Visma no longer has active. */
  skipped: number;
}

/** A confidence (0–1, three decimals) as whole percent, the way the accountant sees and picks it. */
export function confidencePercent(confidence: number): number {
  return Math.round(confidence * 100);
}

/**
 * Accepts, in one audited transaction, the best open suggestion of every ServiceTitan customer or vendor whose
 * confidence is at least `thresholdPercent`: each becomes a link (audited one by one, like a single decision).
 * A party whose two best suggestions tie, a Visma party already linked or wanted by a better suggestion, and a Visma
 * party the master data has as inactive or missing are skipped and stay open for a decision.
 */
export function acceptSuggestionsAbove(
  db: Ledger,
  profileId: string,
  kind: LinkKind,
  thresholdPercent: number,
  master: MasterData,
  actor: AuditActor,
): AcceptAboveResult {
  const result: AcceptAboveResult = { accepted: 0, skipped: 0 };
  const parties = kind === 'customer' ? master.customers : master.suppliers;
  db.transaction(() => {
    const at = new Date().toISOString();
    const links = loadLinks(db, profileId, kind);
    const taken = new Set(links.values());
    const open = listSuggestions(db, profileId, kind);
    const byParty = new Map<string, typeof open>();
    for (const s of open) byParty.set(s.stId!, [...(byParty.get(s.stId!) ?? []), s]);
    const candidates = [...byParty.values()]
      .map((list) => list.sort((a, b) => b.confidence - a.confidence || a.id - b.id))
      .filter((list) => confidencePercent(list[0]!.confidence) >= thresholdPercent)
      .sort((a, b) => b[0]!.confidence - a[0]!.confidence || a[0]!.id - b[0]!.id);
    for (const [best, second] of candidates) {
      const party = parties.get(best!.vismaKey!);
      const tie = second !== undefined && second.confidence === best!.confidence;
      if (tie || links.has(best!.stId!) || taken.has(best!.vismaKey!) || !party?.active) {
        result.skipped++;
        continue;
      }
      setLink(db, profileId, kind, best!.stId!, best!.vismaKey!, 'user', actor);
      decideSuggestion(db, best!.id, 'accepted', at);
      taken.add(best!.vismaKey!);
      result.accepted++;
    }
    retireLinkedSuggestions(db, profileId, kind, at);
    appendAudit(db, {
      profileId,
      actor,
      action: 'masterdata.suggestions.accepted-above',
      outcome: 'success',
      message: `Accepted ${result.accepted} ${kind} suggestions at or above ${thresholdPercent} %; ${result.skipped} left for a decision.`,
      details: { kind, thresholdPercent, ...result },
    });
    if (result.accepted > 0) markMappingsChanged(db, profileId);
  })();
  return result;
}
