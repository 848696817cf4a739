import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../shared/contract/channels';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** A change to the sync settings: only the fields given change. */
export type SettingsChange = ChannelInput<'profiles.setSettings'>['settings'];

/** A profile's sync settings: holding account, posting switches, schedule and webhook receiver. */
export function useProfileSettings(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.profileSettings(profileId),
    queryFn: () => client.call('profiles.getSettings', { profileId }),
  });
}

/** Saves a change to the sync settings; main answers with the settings as they now are. */
export function useSaveProfileSettings(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: SettingsChange) => client.call('profiles.setSettings', { profileId, settings }),
    onSuccess: (view) => queryClient.setQueryData(queryKeys.profileSettings(profileId), view),
  });
}

/**
 * Confirms that a profile may send documents from a ServiceTitan test tenant into a production Visma company.
 * Everything that depends on the profile refreshes: the warning goes and syncs are allowed.
 */
export function useConfirmEnvironments() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => client.call('profiles.confirmEnvironments', { profileId }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
