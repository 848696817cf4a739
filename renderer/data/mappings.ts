import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  LinkKindInput,
  LinkSort,
  LinkStatus,
  MappingFormat,
  RecordKind,
  RecordView,
} from '../../shared/contract/mapping-schemas';
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
export const LINK_BLOCK = 100;

/** The link rows around `firstRow`, read from main in windows (filtered, searched and sorted there). */
export function useLinkWindow(profileId: string, filter: LinkFilter, firstRow: number) {
  const client = useBridgeClient();
  const offset = Math.floor(Math.max(0, firstRow) / LINK_BLOCK) * LINK_BLOCK;
  return useQuery({
    queryKey: [...queryKeys.mappingLinks(profileId), filter, offset],
    queryFn: () => client.call('mappings.links', { profileId, ...filter, offset, limit: 2 * LINK_BLOCK }),
    placeholderData: keepPreviousData,
  });
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
