import type { Ledger } from '../../storage/types';
import { FIELD_LABELS } from './fields';
import { pendingConflicts } from './store/conflicts';
import { listDrift } from './store/drift';
import { listSuggestions, type Suggestion } from './store/suggestions';

/** One master-data item waiting for the accountant, in plain words. */
export interface MasterDataReviewItem {
  /** `conflict:<id>`, `suggestion:<id>` or `drift:<id>`. */
  ref: string;
  type: 'conflict' | 'suggestion' | 'drift';
  subject: string;
  text: string;
  /** The CLI command that settles it. */
  action: string;
  details: Record<string, unknown>;
}

function dimensionWords(json: string | null): string {
  const d = JSON.parse(json ?? '{}') as { costCenter?: string; branch?: string };
  return [d.costCenter && `cost center ${d.costCenter}`, d.branch && `branch ${d.branch}`]
    .filter(Boolean)
    .join(', ');
}

function suggestionText(s: Suggestion): { subject: string; text: string; action: string } {
  const pct = `${Math.round(s.confidence * 100)} %`;
  switch (s.kind) {
    case 'supplier':
    case 'customer': {
      const what = s.kind === 'supplier' ? ['Vendor', 'supplier'] : ['Customer', 'customer'];
      return {
        subject: `${s.kind}:${s.stId}`,
        text: `${what[0]} ${s.stId} in ServiceTitan may be Visma ${what[1]} ${s.vismaKey} (${pct}: ${s.reasons.join(', ')}).`,
        action: `st-visma masterdata decide ${s.id} --accept | --reject`,
      };
    }
    case 'create-vendor':
      return {
        subject: `supplier:${s.vismaKey}`,
        text: `${s.reasons.join('; ')}. Create it in ServiceTitan?`,
        action: `st-visma masterdata decide ${s.id} --accept | --reject`,
      };
    case 'customer-type':
    case 'customer-tag':
      return {
        subject: `${s.kind}:${s.stId}`,
        text:
          s.kind === 'customer-type'
            ? `Customer type "${s.stId}": suggested segment value ${s.vismaKey} (by name).`
            : `Customer tag ${s.stId} (${s.reasons.join(', ')}): suggested segment value ${s.vismaKey}.`,
        action: `st-visma masterdata decide ${s.id} --accept | --reject`,
      };
    default:
      return {
        subject: `${s.kind}:${s.stId}`,
        text: `Business unit ${s.stId} (${s.reasons.join(', ')}): suggested ${dimensionWords(s.vismaKey)}.`,
        action: `st-visma masterdata decide ${s.id} --accept | --reject`,
      };
  }
}

/** Open conflicts, suggestions and drift of a profile: what the review queue shows for master data. */
export function masterDataReviewItems(db: Ledger, profileId: string): MasterDataReviewItem[] {
  const conflicts = pendingConflicts(db, profileId)
    .filter((c) => c.status === 'open')
    .map((c): MasterDataReviewItem => ({
      ref: `conflict:${c.id}`,
      type: 'conflict',
      subject: `${c.kind}:${c.stId}`,
      text: `The ${FIELD_LABELS[c.field]} of ServiceTitan ${c.kind === 'supplier' ? 'vendor' : 'customer'} ${c.stId} and Visma ${c.kind} ${c.vismaKey} was changed on both sides: ServiceTitan "${c.st}", Visma "${c.visma}". Neither side is overwritten until you choose.`,
      action: `st-visma masterdata resolve ${c.id} --keep st | --keep visma | --value TEXT`,
      details: { ...c },
    }));
  const suggestions = listSuggestions(db, profileId).map((s): MasterDataReviewItem => ({
    ref: `suggestion:${s.id}`,
    type: 'suggestion',
    ...suggestionText(s),
    details: { ...s },
  }));
  const drift = listDrift(db, profileId).map((d): MasterDataReviewItem => ({
    ref: `drift:${d.id}`,
    type: 'drift',
    subject: `${d.subject}:${d.subjectKey}`,
    text: d.text,
    action:
      d.subject === 'tax-zone'
        ? `st-visma masterdata map-zone ${d.subjectKey} [--vat-zone ID] [--sales-taxable CODE …]`
        : d.subject === 'customer-type'
          ? `st-visma masterdata decide <suggestion> --accept, or set customerTypeSegment "${d.subjectKey}" with st-visma mappings export/import`
          : `st-visma masterdata decide <suggestion> --accept, or st-visma mappings`,
    details: { code: d.code, ...(d.details ?? {}) },
  }));
  return [...conflicts, ...drift, ...suggestions];
}
