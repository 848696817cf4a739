import { z } from 'zod';

/** Which party links a mapping tab shows. */
export const LinkKindInput = z.enum(['customer', 'supplier']);
/** A link kind. */
export type LinkKindInput = z.infer<typeof LinkKindInput>;

/** Where a party stands: linked, with a suggestion waiting, or left without either. */
export const LinkStatus = z.enum(['matched', 'suggested', 'left']);
/** A link status. */
export type LinkStatus = z.infer<typeof LinkStatus>;

/** The columns a link table sorts by. */
export const LinkSort = z.enum(['st', 'name', 'visma', 'confidence', 'waiting']);
/** A link sort column. */
export type LinkSort = z.infer<typeof LinkSort>;

/** A window of a link tab: filtered by status, searched and sorted in the ledger. */
export const LinkPageQuery = z
  .object({
    kind: LinkKindInput,
    status: LinkStatus.optional(),
    search: z.string().max(100).optional(),
    sort: LinkSort.default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
/** A link window query. */
export type LinkPageQuery = z.input<typeof LinkPageQuery>;

/** One ServiceTitan party with its link or best suggestion; `confidence` is whole percent. */
export const LinkRowView = z.object({
  stId: z.string(),
  stName: z.string().nullable(),
  status: LinkStatus,
  vismaKey: z.string().nullable(),
  vismaName: z.string().nullable(),
  /** False when the linked or suggested Visma party is inactive; null when Visma's list does not hold it. */
  vismaActive: z.boolean().nullable(),
  origin: z.enum(['created', 'matched', 'user', 'import']).nullable(),
  suggestion: z
    .object({
      id: z.number().int(),
      confidence: z.number().int().min(0).max(100),
      reasons: z.array(z.string()),
    })
    .nullable(),
  /** Documents of this party that wait to be posted. */
  waiting: z.number().int(),
});
/** One link row. */
export type LinkRowView = z.infer<typeof LinkRowView>;

/** A window of links with the counts around it. */
export const LinkPageView = z.object({
  rows: z.array(LinkRowView),
  offset: z.number().int(),
  /** Rows matching status and search. */
  total: z.number().int(),
  /** Rows matching the search, per status. */
  counts: z.object({ matched: z.number().int(), suggested: z.number().int(), left: z.number().int() }),
  /** Parties without a link whose documents wait, and how many documents that holds back. */
  blocking: z.object({ parties: z.number().int(), documents: z.number().int() }),
});
/** A link window. */
export type LinkPageView = z.infer<typeof LinkPageView>;

/** Records a picker lists, from the master-data cache (Visma's, and ServiceTitan's `st*`). */
export const RecordKind = z.enum([
  'account',
  'vatCode',
  'vatZone',
  'costCenter',
  'segmentValue',
  'branch',
  'project',
  'customer',
  'supplier',
  'stCustomer',
  'stVendor',
  'stBusinessUnit',
  'stTaxZone',
]);
/** A record kind. */
export type RecordKind = z.infer<typeof RecordKind>;

/** One record a picker offers: its number (key) and name. */
export const RecordView = z.object({ key: z.string(), name: z.string(), active: z.boolean() });
/** One picker record. */
export type RecordView = z.infer<typeof RecordView>;

/** Why a target was refused: Visma has no such record, it is inactive, or a VAT code is no longer valid. */
export const RefusalView = z.object({
  table: z.string(),
  key: z.string(),
  field: z.string(),
  what: z.enum([
    'account',
    'vatCode',
    'costCenter',
    'branch',
    'project',
    'segmentValue',
    'customer',
    'supplier',
  ]),
  value: z.string(),
  code: z.enum(['missing', 'inactive', 'expired']),
  name: z.string().optional(),
});
/** One refusal. */
export type RefusalView = z.infer<typeof RefusalView>;

/** One rule or link an import adds, changes or removes. */
export const MappingChangeView = z.object({
  table: z.string(),
  key: z.string(),
  before: z.record(z.string(), z.string()).nullable(),
  after: z.record(z.string(), z.string()).nullable(),
});
/** One import change. */
export type MappingChangeView = z.infer<typeof MappingChangeView>;

/** What an import would do (or did, with `applied`), checked against Visma's master data. */
export const ImportPlanView = z.object({
  adds: z.array(MappingChangeView),
  changes: z.array(MappingChangeView),
  removals: z.array(MappingChangeView),
  refusals: z.array(RefusalView),
  unchanged: z.number().int(),
  applied: z.boolean(),
});
/** An import plan. */
export type ImportPlanView = z.infer<typeof ImportPlanView>;

/** The two file formats of mappings. */
export const MappingFormat = z.enum(['json', 'csv']);
/** A mapping file format. */
export type MappingFormat = z.infer<typeof MappingFormat>;
