import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { REVIEW_SORTS, type ReviewSort } from '../../../shared/contract/engine-schemas';
import type { ReviewFilter } from '../../data/review';

/** What the queue's URL holds: the filter, the order and the open item (`doc:<id>` or `md:<ref>`). */
export interface ReviewUrlState extends ReviewFilter {
  selected: string | null;
}

function isSort(value: string | null): value is ReviewSort {
  return (REVIEW_SORTS as readonly string[]).includes(value ?? '');
}

/** Reads the queue's state from query parameters; anything unknown falls back to the default. */
export function readReviewUrl(params: URLSearchParams): ReviewUrlState {
  const kind = params.get('kind');
  const sort = params.get('sort');
  return {
    kind: kind === 'document' || kind === 'masterdata' ? kind : undefined,
    reason: params.get('reason') || undefined,
    search: params.get('q') || undefined,
    sort: isSort(sort) ? sort : 'age',
    direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
    selected: params.get('item') || null,
  };
}

/** The query parameters of a queue state (defaults left out, so a plain link stays plain). */
export function writeReviewUrl(state: ReviewUrlState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.kind) params.set('kind', state.kind);
  if (state.reason) params.set('reason', state.reason);
  if (state.search) params.set('q', state.search);
  if (state.sort !== 'age') params.set('sort', state.sort);
  if (state.direction !== 'desc') params.set('dir', state.direction);
  if (state.selected) params.set('item', state.selected);
  return params;
}

/** The queue's state in the router's URL, and a way to change part of it (the history entry is replaced). */
export function useReviewUrl(): [ReviewUrlState, (change: Partial<ReviewUrlState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readReviewUrl(params), [params]);
  const update = useCallback(
    (change: Partial<ReviewUrlState>) =>
      setParams((prev) => writeReviewUrl({ ...readReviewUrl(prev), ...change }), { replace: true }),
    [setParams],
  );
  return [state, update];
}
