import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfileInput } from '../../shared/contract/engine-schemas';
import type { SecretKind } from '../../shared/contract/schemas';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** A saved profile's stored settings without secrets, read fresh each time the edit dialog opens. */
export function useStoredProfile(profileId: string, enabled = true) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.storedProfile(profileId),
    enabled,
    queryFn: async () => (await client.call('profiles.get', { profileId })).profile,
    staleTime: 0,
    gcTime: 0,
  });
}

/** Creates or edits a profile; secrets left out keep their stored values. */
export function useSaveProfile() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { profile: ProfileInput; secrets: Partial<Record<SecretKind, string>> }) =>
      client.call('profiles.save', {
        profile: input.profile,
        ...(Object.keys(input.secrets).length > 0 ? { secrets: input.secrets } : {}),
      }),
    onSuccess: ({ profile }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
        queryClient.invalidateQueries({ queryKey: queryKeys.settings }),
        queryClient.invalidateQueries({ queryKey: queryKeys.secretsStatus(profile.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.storedProfile(profile.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reconciliationAll(profile.id) }),
      ]),
  });
}

/** Tests one side of a saved profile's connection. */
export function useConnectionTest(profileId: string, system: 'servicetitan' | 'visma') {
  const client = useBridgeClient();
  return useMutation({
    mutationKey: ['connection.test', profileId, system],
    mutationFn: () => client.call('connection.test', { profileId, system }),
  });
}
