import { z } from 'zod';
import { channel } from './define';
import { MappingRuleView } from './engine-schemas';
import {
  ImportPlanView,
  LinkKindInput,
  LinkPageQuery,
  LinkPageView,
  MappingFormat,
  RecordKind,
  RecordView,
} from './mapping-schemas';
import { ProfileId } from './schemas';

const ForProfile = z.object({ profileId: ProfileId }).strict();

/** The channels of the mappings page and the wizard's map step (spread into `channels`). */
export const mappingChannels = {
  /** Every mapping rule, with the names of the Visma records its targets name. */
  'mappings.list': channel(ForProfile, z.object({ rules: z.array(MappingRuleView) })),
  /** Saves (target null: deletes) a rule; a target Visma does not have, or has inactive, is refused by name. */
  'mappings.set': channel(
    z
      .object({
        profileId: ProfileId,
        table: z.string().min(1).max(60),
        sourceKey: z.string().trim().min(1).max(100),
        target: z.record(z.string(), z.string()).nullable(),
      })
      .strict(),
    z.object({ rules: z.array(MappingRuleView) }),
  ),
  /** A window of customer or supplier links: matched, suggested (with why and a confidence) and left. */
  'mappings.links': channel(LinkPageQuery.extend({ profileId: ProfileId }).strict(), LinkPageView),
  /** Links (vismaKey null: unlinks) one party; a Visma party that does not exist or is inactive is refused by name. */
  'mappings.link': channel(
    z
      .object({
        profileId: ProfileId,
        kind: LinkKindInput,
        stId: z.string().trim().min(1).max(100),
        vismaKey: z.string().trim().min(1).max(30).nullable(),
      })
      .strict(),
    z.object({ stId: z.string(), vismaKey: z.string().nullable() }),
  ),
  /** Accepts the best open suggestion of every party at or above `threshold` percent, in one audited step. */
  'mappings.acceptAbove': channel(
    z
      .object({ profileId: ProfileId, kind: LinkKindInput, threshold: z.number().int().min(1).max(100) })
      .strict(),
    z.object({ accepted: z.number().int(), skipped: z.number().int() }),
  ),
  /** The records a picker offers, searched by number and name (active ones first). */
  'mappings.records': channel(
    z
      .object({
        profileId: ProfileId,
        kind: RecordKind,
        search: z.string().max(100).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ records: z.array(RecordView), total: z.number().int() }),
  ),
  /** The mapping rules and links as a file: JSON (as `st-visma mappings export`) or CSV. */
  'mappings.export': channel(
    z.object({ profileId: ProfileId, format: MappingFormat }).strict(),
    z.object({ filename: z.string(), content: z.string() }),
  ),
  /** Checks a mapping file against Visma's master data and says what it would change; `apply` imports it if nothing is refused. */
  'mappings.import': channel(
    z
      .object({
        profileId: ProfileId,
        format: MappingFormat,
        content: z.string().min(1).max(5_000_000),
        apply: z.boolean(),
      })
      .strict(),
    ImportPlanView,
  ),
} as const;
