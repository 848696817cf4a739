import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { channels, type ChannelInput, type ChannelName } from '../../shared/contract/channels';
import type { Locale } from '../../shared/contract/schemas';
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

/** Whether `reconcile.export` takes the language of the CSV (issue 12 adds `locale` to the channel). */
export const exportTakesLocale = 'locale' in channels['reconcile.export'].input.shape;

/**
 * The input of `reconcile.export`: the CSV in the UI language once the channel takes `locale` (its strict input
 * refuses it before). When the contract has it, this is `{ profileId, period, locale }` without the check.
 */
export function exportInput(
  profileId: string,
  period: string,
  locale: Locale,
): ChannelInput<'reconcile.export'> {
  const input = exportTakesLocale ? { profileId, period, locale } : { profileId, period };
  return input;
}

/** Asks main for the auditor's CSV of a period in the UI language (file name and text), fresh from both systems. */
export function useReconciliationExport(profileId: string) {
  const client = useBridgeClient();
  const locale = useLocale();
  return useMutation({
    mutationFn: (period: string) => client.call('reconcile.export', exportInput(profileId, period, locale)),
  });
}

/** The channel main answers the printable report of a period on (issue 12), once the contract has it. */
export const REPORT_CHANNEL = 'reconcile.report';

/** What the printable report answer must carry: print-ready HTML. */
const PrintableReport = z.object({ html: z.string().min(1) }).passthrough();

/**
 * Loads the printable report (HTML) of a period in the UI language, or null while the contract has no
 * `reconcile.report` channel: the page shows "Print report" only when this is not null. To wire it, replace the
 * untyped call with `client.call('reconcile.report', { profileId, period, locale })`.
 */
export function useReconciliationReport(profileId: string): ((period: string) => Promise<string>) | null {
  const client = useBridgeClient();
  const locale = useLocale();
  if (!(REPORT_CHANNEL in channels)) return null;
  return async (period) => {
    const untyped = client as { call(name: ChannelName, input: unknown): Promise<unknown> };
    const answer = await untyped.call(REPORT_CHANNEL as ChannelName, { profileId, period, locale });
    return PrintableReport.parse(answer).html;
  };
}
