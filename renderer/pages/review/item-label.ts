import type { ReviewItemView } from '../../../shared/contract/engine-schemas';
import type { CodeLabels } from '../../i18n/use-code-labels';

/**
 * How an item is named in the queue: a document by its number; a master-data question by what it is about in words
 * ("Supplier 20003" for the engine's `supplier:20003`).
 */
export function itemLabel(item: ReviewItemView, codes: CodeLabels): string {
  if (item.kind === 'document') return item.sourceNumber;
  const at = item.sourceNumber.indexOf(':');
  if (at < 0) return item.sourceNumber;
  return `${codes.sourceType(item.sourceNumber.slice(0, at))} ${item.sourceNumber.slice(at + 1)}`;
}
