import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** A decision on a master-data question. */
export type MasterDataDecision = 'accept' | 'reject' | 'keep-st' | 'keep-visma';

/** One action the review queue can take, as a mutation input. */
export type ReviewAction =
  | { type: 'replay'; ids: number[] }
  | { type: 'approve'; id: number }
  | { type: 'ignore'; id: number; reason: string }
  | { type: 'resolve'; ref: string; decision: MasterDataDecision };

/** The review queue of a profile. */
export function useReviewList(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.review(profileId),
    queryFn: () => client.call('review.list', { profileId }),
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

async function perform(client: ReturnType<typeof useBridgeClient>, profileId: string, action: ReviewAction) {
  switch (action.type) {
    case 'replay':
      return {
        action,
        results: (await client.call('review.replay', { profileId, ids: action.ids })).results,
      };
    case 'approve':
      await client.call('review.approve', { profileId, id: action.id });
      return { action, results: [] };
    case 'ignore':
      await client.call('review.ignore', { profileId, id: action.id, reason: action.reason });
      return { action, results: [] };
    case 'resolve':
      await client.call('review.resolveMasterData', {
        profileId,
        ref: action.ref,
        decision: action.decision,
      });
      return { action, results: [] };
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
