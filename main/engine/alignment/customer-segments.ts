import { segmentValueByName } from '../mapping/defaults';
import { loadRules } from '../mapping/rule-store';
import type { VSegment } from '../master-data/types';
import { audit, type AlignContext } from './context';
import type { StCustomerRecord } from '../master-data/records';
import { reconcileDrift, type DriftFinding } from './store/drift';
import { listSuggestions, offerSuggestion, type SuggestionKind } from './store/suggestions';

/** The ServiceTitan customer types. */
export const CUSTOMER_TYPES = ['Residential', 'Commercial'] as const;

/** What the customer-segment step did. */
export interface CustomerSegmentCounts {
  suggested: number;
  driftOpen: number;
}

function offer(
  ctx: AlignContext,
  kind: SuggestionKind,
  stId: string,
  value: string,
  what: string,
  segment: VSegment,
): boolean {
  const reasons = [`name "${what}"`];
  if (
    !offerSuggestion(
      ctx.db,
      ctx.profileId,
      { kind, stId, vismaKey: value, confidence: 0.7, reasons },
      ctx.now().toISOString(),
    )
  )
    return false;
  audit(
    ctx,
    'suggestion.offered',
    'info',
    `${kind === 'customer-type' ? 'Customer type' : 'Customer tag'} "${what}" may be value ${value} of Visma segment ${segment.segmentId} (${segment.description}); waiting for a decision.`,
    { kind, stId, vismaKey: value, segmentId: segment.segmentId },
  );
  return true;
}

/**
 * Customer type and tags → values of the customer-type segment (`customerTypeSegmentId`; without it nothing happens):
 * suggests a value by name for each type and each tag customers use, and flags a type without a value.
 * `customers` are the customers alignment read this run (tags used earlier keep their open suggestions).
 */
export async function alignCustomerSegments(
  ctx: AlignContext,
  customers: readonly StCustomerRecord[],
): Promise<CustomerSegmentCounts> {
  const counts: CustomerSegmentCounts = { suggested: 0, driftOpen: 0 };
  const segmentId = ctx.settings.customerTypeSegmentId;
  if (segmentId === null) return counts;
  const at = ctx.now().toISOString();
  const segment = (await ctx.ports.visma.segments()).find((s) => s.segmentId === segmentId);
  const rules = loadRules(ctx.db, ctx.profileId);
  const findings: DriftFinding[] = [];
  for (const type of CUSTOMER_TYPES) {
    if (rules.customerTypeSegment[type]) continue;
    const value = segment ? segmentValueByName(segment, type) : undefined;
    if (segment && value && offer(ctx, 'customer-type', type, value, type, segment)) counts.suggested++;
    const waiting = listSuggestions(ctx.db, ctx.profileId, 'customer-type').find((s) => s.stId === type);
    const hint = !segment
      ? ` Visma has no segment ${segmentId}; check the customer-type segment in the settings.`
      : waiting
        ? ` Suggested by name: value ${waiting.vismaKey}.`
        : ' No value of that segment matches its name.';
    findings.push({
      subjectKey: type,
      code: 'type_unmapped',
      text: `Customer type "${type}" has no value in Visma segment ${segmentId}, so invoices for ${type.toLowerCase()} customers post without it.${hint}`,
      details: { segmentId, ...(waiting?.vismaKey && { suggested: waiting.vismaKey }) },
    });
  }
  const used = new Set(customers.flatMap((c) => c.tagTypeIds));
  const unmappedTags = [...used].filter((id) => !rules.customerTagSegment[id]);
  if (segment && unmappedTags.length > 0) {
    const names = new Map((await ctx.ports.st.tagTypes()).map((t) => [t.id, t.name]));
    for (const id of unmappedTags) {
      const name = names.get(id);
      const value = name ? segmentValueByName(segment, name) : undefined;
      if (name && value && offer(ctx, 'customer-tag', id, value, name, segment)) counts.suggested++;
    }
  }
  const { opened, cleared } = reconcileDrift(ctx.db, ctx.profileId, 'customer-type', findings, at);
  for (const d of opened)
    audit(ctx, 'drift.opened', 'info', d.text, {
      subject: 'customer-type',
      stId: d.subjectKey,
      code: d.code,
    });
  for (const d of cleared)
    audit(ctx, 'drift.cleared', 'success', `Resolved: ${d.text}`, {
      subject: 'customer-type',
      stId: d.subjectKey,
      code: d.code,
    });
  counts.driftOpen = findings.length;
  return counts;
}
