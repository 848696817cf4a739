import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntryView } from '../../shared/contract/engine-schemas';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** Entries read per page. */
export const AUDIT_PAGE_SIZE = 200;

/** The audit filters the page offers; dates are ISO instants (from inclusive, to exclusive). */
export interface AuditFilter {
  profileId?: string;
  search?: string;
  outcome?: 'success' | 'failure' | 'blocked' | 'skipped' | 'info';
  from?: string;
  to?: string;
}

/** The audit log, newest first, read a page at a time backwards from the newest entry (once `enabled`). */
export function useAuditLog(filter: AuditFilter, enabled = true) {
  const client = useBridgeClient();
  return useInfiniteQuery({
    queryKey: queryKeys.audit(filter),
    enabled,
    queryFn: ({ pageParam }) =>
      client.call('audit.list', {
        ...filter,
        limit: AUDIT_PAGE_SIZE,
        ...(pageParam === undefined ? {} : { beforeId: pageParam }),
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.entries.length < AUDIT_PAGE_SIZE ? undefined : last.entries[last.entries.length - 1]?.id,
    select: (data): AuditEntryView[] => data.pages.flatMap((page) => page.entries),
  });
}
