import { useMutation, useQuery } from '@tanstack/react-query';
import { useBridgeClient } from '../bridge/context';
import { useLocale } from '../i18n/use-format';
import { queryKeys } from './query-keys';

/**
 * ServiceTitan against Visma for one period (`YYYY-MM`) of a profile. Each comparison reads Visma, so an answer stays
 * until the user compares again (`refetch`) or a sync, a review action or a profile edit invalidates it.
 */
export function useReconciliation(profileId: string, period: string, enabled = true) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.reconciliation(profileId, period),
    enabled,
    staleTime: Infinity,
    queryFn: () => client.call('reconcile.period', { profileId, period }),
  });
}

/** Asks main for the auditor's CSV of a period in the UI language (file name and text), fresh from both systems. */
export function useReconciliationExport(profileId: string) {
  const client = useBridgeClient();
  const locale = useLocale();
  return useMutation({
    mutationFn: (period: string) => client.call('reconcile.export', { profileId, period, locale }),
  });
}

/** Loads the printable report (print-ready HTML) of a period in the UI language, fresh from both systems. */
export function useReconciliationReport(profileId: string): (period: string) => Promise<string> {
  const client = useBridgeClient();
  const locale = useLocale();
  return async (period) => (await client.call('reconcile.report', { profileId, period, locale })).html;
}
