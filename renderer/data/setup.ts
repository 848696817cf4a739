import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../shared/contract/channels';
import type { SecretKind } from '../../shared/contract/schemas';
import type { SetupDraft, SetupProgress } from '../../shared/contract/setup-schemas';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** The wizards in progress (newest first), read fresh whenever the setup page opens. */
export function useSetupDrafts() {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.setupDrafts,
    queryFn: async () => (await client.call('setup.drafts', {})).drafts,
    staleTime: 0,
  });
}

/** Saves a wizard's draft (never a secret). */
export function useSaveDraft() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (draft: SetupDraft) => (await client.call('setup.saveDraft', { draft })).draft,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.setupDrafts }),
  });
}

/** Forgets a finished (or abandoned) wizard's draft. */
export function useDeleteDraft() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => client.call('setup.deleteDraft', { profileId }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.setupDrafts }),
  });
}

/** Tests one side with the values typed into the wizard; nothing is stored. */
export function useTestUnsaved() {
  const client = useBridgeClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'connection.testUnsaved'>) =>
      client.call('connection.testUnsaved', input),
  });
}

/** Stores a draft's secrets in the keychain (after a passing test, or "save anyway"). */
export function useStoreSecrets() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { profileId: string; secrets: Partial<Record<SecretKind, string>> }) =>
      client.call('setup.storeSecrets', input),
    onSuccess: (_, input) =>
      queryClient.invalidateQueries({ queryKey: queryKeys.secretsStatus(input.profileId) }),
  });
}

/** Starts the built-in simulators and saves the demo profile. */
export function useStartDemo() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await client.call('setup.startDemo', {})).profile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles }),
  });
}

/** Reads master data of both sides into the engine's cache and answers with the counts. */
export function useReadMasterData(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['setup.readMasterData', profileId],
    mutationFn: () => client.call('setup.readMasterData', { profileId }),
    // The read matches customers and suppliers too: the map step's tabs read their links again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mappings(profileId) }),
  });
}

/** The latest `setup.progress` event of the profile (null before the first). */
export function useSetupProgress(profileId: string): SetupProgress | null {
  const client = useBridgeClient();
  const [progress, setProgress] = useState<SetupProgress | null>(null);
  useEffect(
    () =>
      client.on('setup.progress', (event) => {
        if (event.profileId === profileId) setProgress(event);
      }),
    [client, profileId],
  );
  return progress;
}

/** What still blocks posting, as far as the engine knows. */
export function useSetupStatus(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.setupStatus(profileId),
    queryFn: () => client.call('setup.status', { profileId }),
    staleTime: 0,
  });
}

/** The next documents as the first sync would post them (read again each time the step opens). */
export function useSetupPreview(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.setupPreview(profileId),
    queryFn: () => client.call('setup.preview', { profileId }),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
