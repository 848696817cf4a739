import type {
  ReviewItemView,
  ReviewListQuery,
  ReviewListView,
} from '../../../../shared/contract/engine-schemas';

const columns = {
  number: (i: ReviewItemView) => i.sourceNumber,
  party: (i: ReviewItemView) => i.party ?? '',
  date: (i: ReviewItemView) => i.documentDate ?? '',
  amount: (i: ReviewItemView) => Number(i.amount ?? 0),
  reason: (i: ReviewItemView) => i.reason,
  // Age runs against the timestamp: the youngest (latest) first when ascending.
  age: (i: ReviewItemView) => -Date.parse(i.updatedAt ?? '1970-01-01'),
} as const;

/** The fake's `review.list`: the same filter, search, order and window rules as main, over an array. */
export function reviewWindow(all: readonly ReviewItemView[], query: ReviewListQuery): ReviewListView {
  const text = query.search?.trim().toLowerCase();
  const searched = all.filter(
    (i) =>
      (!query.kind || i.kind === query.kind) &&
      (!text ||
        [i.sourceNumber, i.party ?? '', i.vismaDocNumber ?? ''].some((v) => v.toLowerCase().includes(text))),
  );
  const reasons = new Map<string, number>();
  for (const i of searched) reasons.set(i.reason, (reasons.get(i.reason) ?? 0) + 1);
  const key = columns[query.sort ?? 'age'];
  const sign = (query.direction ?? 'desc') === 'asc' ? 1 : -1;
  const matching = searched
    .filter((i) => !query.reason || i.reason === query.reason)
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return (x < y ? -1 : x > y ? 1 : 0) * sign;
    });
  const offset = query.offset ?? 0;
  return {
    items: matching.slice(offset, query.limit === undefined ? undefined : offset + query.limit),
    offset,
    total: matching.length,
    queueTotal: all.length,
    reasons: [...reasons].map(([reason, count]) => ({ reason, count })),
  };
}
