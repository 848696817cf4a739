import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** Every mapping rule of a profile. */
export function useMappings(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.mappings(profileId),
    queryFn: () => client.call('mappings.list', { profileId }),
  });
}

/** Saves (or, with `target: null`, deletes) one rule; the answer is the new rule list. */
export function useSetMapping(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { table: string; sourceKey: string; target: Record<string, string> | null }) =>
      client.call('mappings.set', { profileId, ...input }),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.mappings(profileId), data);
      // Blocked documents may post now: the queue and the dashboard read again.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.review(profileId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      ]);
    },
  });
}
