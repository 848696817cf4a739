import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** Every profile and which one is active. */
export function useProfiles() {
  const client = useBridgeClient();
  return useQuery({ queryKey: queryKeys.profiles, queryFn: () => client.call('profiles.list', {}) });
}

/** The active profile: `null` when there is none (or the list failed to load), `undefined` while loading. */
export function useActiveProfile(): ProfileSummary | null | undefined {
  const { data, isError } = useProfiles();
  if (!data) return isError ? null : undefined;
  return data.profiles.find((p) => p.id === data.activeProfileId) ?? null;
}

/** Makes another profile the active one; everything that depends on the profile refreshes. */
export function useSetActiveProfile() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => client.call('profiles.setActive', { profileId }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
