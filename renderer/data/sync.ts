import { useCallback, useEffect, useState } from 'react';
import { useIsMutating, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SyncProgress } from '../../shared/contract/schemas';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** How often the dashboard looks again while a run started elsewhere (the schedule) is going. */
const RUNNING_POLL_MS = 2000;

/** The dashboard of a profile; polled while a run is going so the end of a scheduled run shows up too. */
export function useDashboard(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.dashboard(profileId),
    queryFn: () => client.call('dashboard.get', { profileId }),
    refetchInterval: (query) => (query.state.data?.running ? RUNNING_POLL_MS : false),
  });
}

/** True while this window has a `sync.run` of the profile in flight (survives leaving and reopening the page). */
export function useSyncInFlight(profileId: string): boolean {
  return useIsMutating({ mutationKey: ['sync.run', profileId] }) > 0;
}

/** Starts a sync of the profile; when it ends (either way) everything a run changes is read again. */
export function useRunSync(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['sync.run', profileId],
    mutationFn: () => client.call('sync.run', { profileId }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.dashboard(profileId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.review(profileId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
        queryClient.invalidateQueries({ queryKey: queryKeys.reconciliationAll(profileId) }),
      ]),
  });
}

/** Asks the profile's run in progress to stop at its next safe point. */
export function useCancelSync(profileId: string) {
  const client = useBridgeClient();
  return useMutation({
    mutationKey: ['sync.cancel', profileId],
    mutationFn: () => client.call('sync.cancel', { profileId }),
  });
}

/** The latest `sync.progress` event of the profile (null before the first one), and a way to forget it. */
export function useSyncProgress(profileId: string): { progress: SyncProgress | null; reset: () => void } {
  const client = useBridgeClient();
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(
    () =>
      client.on('sync.progress', (event) => {
        if (event.profileId === profileId) setProgress(event);
      }),
    [client, profileId],
  );
  const reset = useCallback(() => setProgress(null), []);
  return { progress, reset };
}
