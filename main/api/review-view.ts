import type { ReviewItemView } from '../../shared/contract';
import type { MasterDataReviewItem } from '../engine/alignment/review-items';
import type { ReviewItem } from '../engine/review';

const REPLAYABLE_STATES = new Set(['pending', 'ready', 'blocked', 'failed']);

/** A document of the review queue as the UI shows it, with the actions that apply to it. */
export function documentItemView(
  item: ReviewItem,
  columns: Pick<ReviewItemView, 'party' | 'documentDate' | 'amount'> = {},
): ReviewItemView {
  const actions: ReviewItemView['actions'] = [];
  const heldOnHolding = item.state === 'posted' && item.reason === 'holding_account';
  if (REPLAYABLE_STATES.has(item.state) || heldOnHolding) actions.push('replay');
  if (heldOnHolding) actions.push('approve');
  if (item.state !== 'posting' && item.state !== 'uncertain') actions.push('ignore');
  return {
    key: `doc:${item.id}`,
    kind: 'document',
    id: item.id,
    sourceType: item.sourceType,
    sourceNumber: item.sourceNumber,
    state: item.state,
    reason: item.reason,
    text: item.text,
    vismaDocNumber: item.vismaDocNumber,
    details: item.details,
    updatedAt: item.updatedAt,
    ...columns,
    actions,
  };
}

/** A master-data question of the review queue (suggested link, conflict, drift). */
export function masterDataItemView(item: MasterDataReviewItem): ReviewItemView {
  const actions: ReviewItemView['actions'] =
    item.type === 'suggestion'
      ? ['accept', 'reject']
      : item.type === 'conflict'
        ? ['keep-st', 'keep-visma']
        : [];
  return {
    key: `md:${item.ref}`,
    kind: 'masterdata',
    id: null,
    sourceType: item.type,
    sourceNumber: item.subject,
    state: 'open',
    reason: `masterdata_${item.type}`,
    text: item.text,
    vismaDocNumber: null,
    details: item.details,
    updatedAt: null,
    actions,
  };
}
