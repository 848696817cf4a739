import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LinePickInput, ReplayPreviewView, ReviewSort } from '../../shared/contract/engine-schemas';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** A decision on a master-data question. */
export type MasterDataDecision = 'accept' | 'reject' | 'keep-st' | 'keep-visma';

/** One action the review queue can take, as a mutation input. */
export type ReviewAction =
  | { type: 'replay'; ids: number[] }
  | { type: 'approve'; ids: number[] }
  | { type: 'fix'; id: number; lines: LinePickInput[] }
  | { type: 'ignore'; ids: number[]; reason: string }
  | { type: 'resolve'; ref: string; decision: MasterDataDecision };

/** What the queue shows: kind, reason, search text and order (the URL holds them). */
export interface ReviewFilter {
  kind?: 'document' | 'masterdata' | undefined;
  reason?: string | undefined;
  search?: string | undefined;
  sort: ReviewSort;
  direction: 'asc' | 'desc';
}

/** Rows read per request; a window always covers the block of the first row in view and the next. */
export const REVIEW_BLOCK = 100;

/**
 * The rows of the queue around `firstRow`, read from main in windows of two blocks (filtered, searched and sorted
 * there); the previous window stays shown while the next one loads.
 */
export function useReviewWindow(profileId: string, filter: ReviewFilter, firstRow: number) {
  const client = useBridgeClient();
  const offset = Math.floor(Math.max(0, firstRow) / REVIEW_BLOCK) * REVIEW_BLOCK;
  const query = {
    ...(filter.kind && { kind: filter.kind }),
    ...(filter.reason && { reason: filter.reason }),
    ...(filter.search && { search: filter.search }),
    sort: filter.sort,
    direction: filter.direction,
  };
  return useQuery({
    queryKey: [...queryKeys.review(profileId), 'window', query, offset],
    queryFn: () => client.call('review.list', { profileId, ...query, offset, limit: 2 * REVIEW_BLOCK }),
    placeholderData: keepPreviousData,
  });
}

/** One document of the queue with its ServiceTitan source and Visma payload. */
export function useReviewDetail(profileId: string, id: number | null) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: [...queryKeys.review(profileId), 'detail', id],
    queryFn: () => client.call('review.detail', { profileId, id: id! }),
    enabled: id !== null,
  });
}

/** The active Visma accounts for the account picker. */
export function useReviewAccounts(profileId: string, enabled: boolean) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: [...queryKeys.review(profileId), 'accounts'],
    queryFn: () => client.call('review.accounts', { profileId }),
    enabled,
  });
}

/** What a replay of one document would post, read fresh each time the preview opens. */
export function useReviewPreview(profileId: string, id: number) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.reviewPreview(profileId, id),
    queryFn: () => client.call('review.preview', { profileId, id }),
    staleTime: 0,
    gcTime: 0,
  });
}

/** What an action did: replay results, and for one-per-document actions how many went through and what failed. */
export interface ReviewActionOutcome {
  action: ReviewAction;
  results: ReplayPreviewView[];
  done: number;
  failed: { id: number; error: unknown }[];
}

/** Runs `work` once per document (one audited action each); a failure never stops the others. */
async function each(
  action: ReviewAction,
  ids: number[],
  work: (id: number) => Promise<unknown>,
): Promise<ReviewActionOutcome> {
  const failed: ReviewActionOutcome['failed'] = [];
  for (const id of ids) await work(id).catch((error: unknown) => failed.push({ id, error }));
  if (failed.length === ids.length && failed[0]) throw failed[0].error;
  return { action, results: [], done: ids.length - failed.length, failed };
}

async function perform(
  client: ReturnType<typeof useBridgeClient>,
  profileId: string,
  action: ReviewAction,
): Promise<ReviewActionOutcome> {
  switch (action.type) {
    case 'replay': {
      const { results } = await client.call('review.replay', { profileId, ids: action.ids });
      return { action, results, done: results.length, failed: [] };
    }
    case 'approve':
      return each(action, action.ids, (id) =>
        client.call('review.approve', { profileId, id, keepOnHoldingAccount: true }),
      );
    case 'fix': {
      const result = await client.call('review.fix', { profileId, id: action.id, lines: action.lines });
      return { action, results: [result], done: 1, failed: [] };
    }
    case 'ignore':
      return each(action, action.ids, (id) =>
        client.call('review.ignore', { profileId, id, reason: action.reason }),
      );
    case 'resolve':
      await client.call('review.resolveMasterData', {
        profileId,
        ref: action.ref,
        decision: action.decision,
      });
      return { action, results: [], done: 1, failed: [] };
  }
}

/** Runs a review action; afterwards the queue, the dashboard and the audit log are read again. */
export function useReviewAction(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ReviewAction) => perform(client, profileId, action),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.review(profileId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(profileId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reconciliationAll(profileId) }),
      ]),
  });
}
