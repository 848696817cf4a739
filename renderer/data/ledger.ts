import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** The ledger's state (open or damaged) and its backups, newest first. */
export function useLedgerStatus() {
  const client = useBridgeClient();
  return useQuery({ queryKey: queryKeys.ledgerStatus, queryFn: () => client.call('ledger.status', {}) });
}

/** Makes a checked backup now. */
export function useBackupLedger() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => client.call('ledger.backup', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.ledgerStatus }),
  });
}

/** Restores a backup in place of the ledger; everything shown may have changed, so every query is refetched. */
export function useRestoreLedger() {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => client.call('ledger.restore', { name }),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
