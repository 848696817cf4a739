import { z } from 'zod';
import type { AuditActor } from '../../storage/audit';
import { appendAudit } from '../../storage/audit';
import type { Ledger } from '../../storage/types';
import { loadLinks, loadRules, setLink, setRule } from '../mapping/rule-store';
import { FIELD_LABELS } from './fields';
import { getConflict, resolveConflict } from './store/conflicts';
import { decideSuggestion, getSuggestion, retireLinkedSuggestions } from './store/suggestions';

const DimensionChoice = z.object({
  costCenter: z.string().min(1).optional(),
  branch: z.string().min(1).optional(),
});

/** Accepts or rejects a suggestion: a match becomes a link, a business-unit, customer-type or tag mapping a rule, a vendor to create waits for the next run. */
export function decide(
  db: Ledger,
  profileId: string,
  id: number,
  accept: boolean,
  actor: AuditActor,
): string {
  const s = getSuggestion(db, profileId, id);
  if (!s)
    throw new Error(`There is no suggestion ${id} in this profile (see \`st-visma masterdata status\`).`);
  if (s.status !== 'open') throw new Error(`Suggestion ${id} was already ${s.status}.`);
  const at = new Date().toISOString();
  let message: string;
  db.transaction(() => {
    if (!accept) {
      decideSuggestion(db, id, 'rejected', at);
      message = `Suggestion ${id} rejected; it will not be proposed again.`;
    } else if (s.kind === 'supplier' || s.kind === 'customer') {
      const links = loadLinks(db, profileId, s.kind);
      if (links.has(s.stId!))
        throw new Error(
          `ServiceTitan ${s.kind === 'supplier' ? 'vendor' : 'customer'} ${s.stId} is already linked to ${links.get(s.stId!)}.`,
        );
      if ([...links.values()].includes(s.vismaKey!))
        throw new Error(`Visma ${s.kind} ${s.vismaKey} is already linked to another ServiceTitan record.`);
      setLink(db, profileId, s.kind, s.stId!, s.vismaKey!, 'user', actor);
      decideSuggestion(db, id, 'accepted', at);
      retireLinkedSuggestions(db, profileId, s.kind, at);
      message = `ServiceTitan ${s.stId} linked to Visma ${s.kind} ${s.vismaKey}; their fields are compared on the next sync.`;
    } else if (s.kind === 'customer-type' || s.kind === 'customer-tag') {
      const table = s.kind === 'customer-type' ? 'customerTypeSegment' : 'customerTagSegment';
      setRule(db, profileId, table, s.stId!, { segmentValue: s.vismaKey! }, actor);
      decideSuggestion(db, id, 'accepted', at);
      message = `${s.kind === 'customer-type' ? 'Customer type' : 'Customer tag'} ${s.stId} mapped to segment value ${s.vismaKey}.`;
    } else if (s.kind === 'business-unit') {
      setRule(
        db,
        profileId,
        'businessUnitDimensions',
        s.stId!,
        DimensionChoice.parse(JSON.parse(s.vismaKey!)),
        actor,
      );
      decideSuggestion(db, id, 'accepted', at);
      message = `Business unit ${s.stId} mapped to ${s.vismaKey}.`;
    } else {
      decideSuggestion(db, id, 'accepted', at);
      message = `Visma supplier ${s.vismaKey} will be created as a ServiceTitan vendor on the next sync.`;
    }
    appendAudit(db, {
      profileId,
      actor,
      action: accept ? 'masterdata.suggestion.accepted' : 'masterdata.suggestion.rejected',
      outcome: 'success',
      message,
      details: { ...s },
    });
  })();
  return message!;
}

/** The accountant's choice for a conflict: keep the ServiceTitan value, the Visma value, or a new value. */
export type ConflictChoice = { keep: 'st' } | { keep: 'visma' } | { value: string };

/** Resolves a conflict; the next alignment run writes the chosen value to both sides. */
export function resolve(
  db: Ledger,
  profileId: string,
  id: number,
  choice: ConflictChoice,
  actor: AuditActor,
): string {
  const c = getConflict(db, profileId, id);
  if (!c) throw new Error(`There is no conflict ${id} in this profile (see \`st-visma masterdata status\`).`);
  if (c.status !== 'open') throw new Error(`Conflict ${id} is already ${c.status}.`);
  const value = 'value' in choice ? choice.value.trim() : choice.keep === 'st' ? c.st : c.visma;
  const resolution = 'value' in choice ? 'value' : choice.keep;
  const message = `Conflict ${id}: the ${FIELD_LABELS[c.field]} "${value}" will be written to ServiceTitan ${c.stId} and Visma ${c.kind} ${c.vismaKey} on the next sync.`;
  db.transaction(() => {
    resolveConflict(db, id, resolution, value, new Date().toISOString());
    appendAudit(db, {
      profileId,
      actor,
      action: 'masterdata.conflict.resolved',
      outcome: 'success',
      message,
      details: { conflictId: id, field: c.field, resolution, value },
    });
  })();
  return message;
}

/** VAT codes to set explicitly for a tax zone (the engine's `vatByTaxZone` rule). */
export interface ZoneCodeChoice {
  salesTaxable?: string | undefined;
  salesExempt?: string | undefined;
  purchaseTaxable?: string | undefined;
  purchaseExempt?: string | undefined;
}

/** Stores explicit VAT codes for a tax zone, merged with the rule it has. */
export function setZoneCodes(
  db: Ledger,
  profileId: string,
  stZoneId: string,
  codes: ZoneCodeChoice,
  actor: AuditActor,
): void {
  const given = Object.fromEntries(Object.entries(codes).filter(([, v]) => v));
  if (Object.keys(given).length === 0) return;
  const current = loadRules(db, profileId).vatByTaxZone[stZoneId] ?? {};
  setRule(db, profileId, 'vatByTaxZone', stZoneId, { ...current, ...given }, actor);
}
