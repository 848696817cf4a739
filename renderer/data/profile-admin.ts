import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** Removes a profile (the typed confirmation goes to main, which checks it); everything shown may change. */
export function useRemoveProfile() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { profileId: string; confirmation?: string }) =>
      client.call('profiles.remove', input),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** The `schtasks` command for a profile's schedule; loaded only while `enabled` (the dialog is open). */
export function useWindowsTask(profileId: string, enabled: boolean) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: ['profiles.windowsTask', profileId],
    queryFn: () => client.call('profiles.windowsTask', { profileId }),
    enabled,
    staleTime: 0,
  });
}

/** Asks the app to create the task itself (the Windows app only). */
export function useCreateWindowsTask() {
  const client = useBridgeClient();
  return useMutation({
    mutationFn: (profileId: string) => client.call('profiles.createWindowsTask', { profileId }),
  });
}

/** Opens the data folder in the file manager (the app only). */
export function useOpenDataFolder() {
  const client = useBridgeClient();
  return useMutation({ mutationFn: () => client.call('app.openDataFolder', {}) });
}

/** Writes a diagnostics folder for support; the data folder's backups list does not change. */
export function useExportDiagnostics() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('diagnostics.export', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.ledgerStatus }),
  });
}
