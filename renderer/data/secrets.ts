import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SecretKind } from '../../shared/contract/schemas';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** Which of a profile's secrets are in the keychain (never their values). */
export function useSecretsStatus(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.secretsStatus(profileId),
    queryFn: () => client.call('secrets.status', { profileId }),
  });
}

/** Replaces one secret in the keychain; the value goes one way, to main, and is never read back. */
export function useSetSecret(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, value }: { kind: SecretKind; value: string }) =>
      client.call('secrets.set', { profileId, kind, value }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.secretsStatus(profileId) }),
        // Whether the webhook key is set, and where the receiver (re)started, are part of the sync settings.
        queryClient.invalidateQueries({ queryKey: queryKeys.profileSettings(profileId) }),
      ]),
  });
}
