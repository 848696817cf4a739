import { useEffect } from 'react';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LinkKindInput,
  LinkSort,
  LinkStatus,
  MappingFormat,
  RecordKind,
  RecordView,
} from '../../shared/contract/mapping-schemas';
import type { BridgeClient } from '../bridge/client';
import { useBridgeClient } from '../bridge/context';
import { queryKeys } from './query-keys';

/** Every mapping rule of a profile. */
export function useMappings(profileId: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: queryKeys.mappings(profileId),
    queryFn: () => client.call('mappings.list', { profileId }),
  });
}

/** Saves (or, with `target: null`, deletes) one rule; the answer is the new rule list. */
export function useSetMapping(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { table: string; sourceKey: string; target: Record<string, string> | null }) =>
      client.call('mappings.set', { profileId, ...input }),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.mappings(profileId), data);
      // Blocked documents may post now: the queue and the dashboard read again.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.review(profileId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
      ]);
    },
  });
}

/** What a link tab shows: which kind, which status, the search text and the order. */
export interface LinkFilter {
  kind: LinkKindInput;
  status?: LinkStatus | undefined;
  search?: string | undefined;
  sort: LinkSort;
  direction: 'asc' | 'desc';
}

/** Rows read per request; a window covers the block of the first row in view and the next. */
export const LINK_BLOCK = 50;

/** What a link tab shows before the user filters or sorts: every party, by name. */
export function initialLinkFilter(kind: LinkKindInput): LinkFilter {
  return { kind, sort: 'name', direction: 'asc' };
}

function linkWindowQuery(client: BridgeClient, profileId: string, filter: LinkFilter, offset: number) {
  return queryOptions({
    queryKey: [...queryKeys.mappingLinks(profileId), filter, offset],
    queryFn: () => client.call('mappings.links', { profileId, ...filter, offset, limit: 2 * LINK_BLOCK }),
    // The first window is kept while no tab shows it, so opening the page draws rows at once (then reads again).
    gcTime: offset === 0 ? 30 * 60_000 : undefined,
  });
}

/** The link rows around `firstRow`, read from main in windows (filtered, searched and sorted there). */
export function useLinkWindow(profileId: string, filter: LinkFilter, firstRow: number) {
  const client = useBridgeClient();
  const offset = Math.floor(Math.max(0, firstRow) / LINK_BLOCK) * LINK_BLOCK;
  return useQuery({
    ...linkWindowQuery(client, profileId, filter, offset),
    placeholderData: keepPreviousData,
  });
}

/**
 * Asks main for a link tab's first window while the page is still rendering (the request leaves during render, not
 * after the commit), so the rows are on their way before the tab mounts.
 */
export function usePrefetchLinkTab(profileId: string, kind: LinkKindInput | null): void {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  if (kind === null) return;
  const query = linkWindowQuery(client, profileId, initialLinkFilter(kind), 0);
  if (!queryClient.getQueryState(query.queryKey)) void queryClient.prefetchQuery(query);
}

/**
 * Reads the active profile's first customer window as soon as the profile is known (one small query in main), so
 * that opening the mappings page draws rows in its first frame; the tab still reads them again when it mounts.
 */
export function useWarmLinkTab(profileId: string | undefined): void {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (profileId)
      void queryClient.prefetchQuery(linkWindowQuery(client, profileId, initialLinkFilter('customer'), 0));
  }, [client, queryClient, profileId]);
}

/** After a link changes: the link windows, the review queue and the audit trail read again. */
function useAfterLinkChange(profileId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.mappingLinks(profileId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.review(profileId) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
    ]);
}

/** One change to a party's link: link to a Visma number, unlink, or accept or reject a suggestion. */
export type LinkChange =
  | { type: 'link'; kind: LinkKindInput; stId: string; vismaKey: string | null }
  | { type: 'decide'; suggestionId: number; accept: boolean };

/** Changes one link (each change audited in main). */
export function useLinkChange(profileId: string) {
  const client = useBridgeClient();
  const after = useAfterLinkChange(profileId);
  return useMutation({
    mutationFn: async (change: LinkChange) => {
      if (change.type === 'link')
        await client.call('mappings.link', {
          profileId,
          kind: change.kind,
          stId: change.stId,
          vismaKey: change.vismaKey,
        });
      else
        await client.call('review.resolveMasterData', {
          profileId,
          ref: `suggestion:${change.suggestionId}`,
          decision: change.accept ? 'accept' : 'reject',
        });
      return change;
    },
    onSuccess: after,
  });
}

/** Accepts every suggestion of a kind at or above a threshold (percent), in one audited step. */
export function useAcceptAbove(profileId: string) {
  const client = useBridgeClient();
  const after = useAfterLinkChange(profileId);
  return useMutation({
    mutationFn: (input: { kind: LinkKindInput; threshold: number }) =>
      client.call('mappings.acceptAbove', { profileId, ...input }),
    onSuccess: after,
  });
}

/** The records a picker offers for `search` (number or name), from the master-data cache in main. */
export function usePickerRecords(profileId: string, kind: RecordKind, search: string) {
  const client = useBridgeClient();
  return useQuery({
    queryKey: [...queryKeys.mappings(profileId), 'records', kind, search],
    queryFn: () => client.call('mappings.records', { profileId, kind, search, limit: 50 }),
    placeholderData: keepPreviousData,
  });
}

/** Looks one record up by its exact number (null when the cache has none). */
export function useRecordLookup(profileId: string) {
  const client = useBridgeClient();
  return async (kind: RecordKind, key: string): Promise<RecordView | null> => {
    const { records } = await client.call('mappings.records', { profileId, kind, search: key, limit: 50 });
    return records.find((r) => r.key === key) ?? null;
  };
}

/** Reads the mappings as a file (JSON or CSV). */
export function useExportMappings(profileId: string) {
  const client = useBridgeClient();
  return useMutation({
    mutationFn: (format: MappingFormat) => client.call('mappings.export', { profileId, format }),
  });
}

/** Checks a mapping file against Visma (dry run), or imports it when `apply` and nothing is refused. */
export function useImportMappings(profileId: string) {
  const client = useBridgeClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { format: MappingFormat; content: string; apply: boolean }) =>
      client.call('mappings.import', { profileId, ...input }),
    onSuccess: (plan) =>
      plan.applied
        ? Promise.all([
            queryClient.invalidateQueries({ queryKey: queryKeys.mappings(profileId) }),
            queryClient.invalidateQueries({ queryKey: queryKeys.mappingLinks(profileId) }),
            queryClient.invalidateQueries({ queryKey: queryKeys.review(profileId) }),
            queryClient.invalidateQueries({ queryKey: queryKeys.auditAll }),
          ])
        : undefined,
  });
}
