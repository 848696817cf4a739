import { z } from 'zod';
import { ProfileId, SecretKind, StEnvironment, VismaEnvironment } from './schemas';

/** Per-type document counts of a sync run. */
export const KindCounts = z.object({
  seen: z.number(),
  new: z.number(),
  changed: z.number(),
  posted: z.number(),
  released: z.number(),
  exported: z.number(),
  held: z.number(),
  blocked: z.number(),
  failed: z.number(),
  review: z.number(),
  nothingToPost: z.number().optional(),
});

/** What one sync run did (mirrors the `sync --json` summary). */
export const SyncSummaryView = z.object({
  runId: z.number(),
  profileId: z.string(),
  trigger: z.string(),
  status: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  documents: z.object({ invoices: KindCounts, bills: KindCounts }),
  reviewQueue: z.number(),
  /** Documents that went into the review queue during the run (absent in runs recorded before it existed). */
  reviewAdded: z.number().optional(),
  calls: z.object({
    servicetitan: z.number(),
    visma: z.number(),
    vismaPerPostedDocument: z.number().nullable(),
    servicetitanPerDocumentSeen: z.number().nullable(),
  }),
  /** What Visma already held under our markers (absent in runs recorded before it existed). */
  visma: z
    .object({ rebuilt: z.number(), adopted: z.number(), duplicatesRemoved: z.number(), unknown: z.number() })
    .optional(),
  otherInstallation: z.boolean().optional(),
});
export type SyncSummaryView = z.infer<typeof SyncSummaryView>;

/** One past run as the dashboard lists it. */
export const SyncRunView = z.object({
  id: z.number(),
  trigger: z.string(),
  /** `cancelled`: stopped by the person at a safe point (what was posted stays posted). */
  status: z.enum(['running', 'completed', 'failed', 'abandoned', 'cancelled']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  summary: SyncSummaryView.nullable(),
  error: z.string().nullable(),
  /** Why a failed run failed, when it can be told: a credential refused, or a system out of reach. */
  failure: z
    .object({
      kind: z.enum(['credentials', 'unreachable', 'other']),
      system: z.enum(['servicetitan', 'visma']).nullable(),
    })
    .nullable()
    .default(null),
});
export type SyncRunView = z.infer<typeof SyncRunView>;

/** Documents posted per local day, for the dashboard chart. */
export const VolumePoint = z.object({ date: z.string(), invoices: z.number(), bills: z.number() });

/** The dashboard of a profile. */
export const DashboardView = z.object({
  running: z.boolean(),
  lastRun: SyncRunView.nullable(),
  runs: z.array(SyncRunView),
  /** Everything in the review queue: the documents plus the master-data questions (`reviewQuestions`). */
  reviewCount: z.number(),
  /** How many of `reviewCount` are master-data questions rather than documents (absent from older engines). */
  reviewQuestions: z.number().optional(),
  outboxByState: z.record(z.string(), z.number()),
  volume: z.array(VolumePoint),
  /**
   * The latest run of the last 30 days that found documents in Visma under our markers that this ledger did not
   * post (another installation posting into the company, or a reset ledger), or null.
   */
  otherInstallation: z.object({ runId: z.number(), at: z.string() }).nullable().default(null),
  /** When the profile's schedule starts its next run (ISO instant); null when it syncs only when asked. */
  nextRunAt: z.string().nullable().default(null),
  /** Documents waiting because their Visma period is closed, and those periods (`YYYYMM`); null when none waits. */
  closedPeriodWaiting: z
    .object({ count: z.number().int().positive(), periods: z.array(z.string()) })
    .nullable()
    .default(null),
});
export type DashboardView = z.infer<typeof DashboardView>;

/** A line of a document as it would be posted. */
export const PlannedLineView = z.object({
  description: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  amount: z.string(),
  accountNumber: z.string(),
  vatCodeId: z.string().optional(),
  holding: z.boolean(),
});

/** A document as it would be posted to Visma. */
export const PlannedDocumentView = z.object({
  kind: z.string(),
  partyNumber: z.string(),
  date: z.string(),
  financialPeriod: z.string(),
  externalReference: z.string(),
  text: z.string(),
  hold: z.boolean(),
  lines: z.array(PlannedLineView),
  expected: z.object({ amount: z.string(), vat: z.string() }),
});
export type PlannedDocumentView = z.infer<typeof PlannedDocumentView>;

/** One entry of the review queue: an outbox document or a master-data question. */
export const ReviewItemView = z.object({
  /** `doc:<outbox id>` or `md:<master-data ref>`. */
  key: z.string(),
  kind: z.enum(['document', 'masterdata']),
  id: z.number().nullable(),
  sourceType: z.string(),
  sourceNumber: z.string(),
  state: z.string(),
  reason: z.string(),
  text: z.string(),
  vismaDocNumber: z.string().nullable(),
  details: z.unknown(),
  updatedAt: z.string().nullable(),
  /** The customer's or vendor's name (never a raw id); null when unknown. */
  party: z.string().nullable().optional(),
  /** The document date (`yyyy-MM-dd` or an ISO timestamp) as ServiceTitan gave it. */
  documentDate: z.string().nullable().optional(),
  /** The document's gross total as a decimal string. */
  amount: z.string().nullable().optional(),
  /** What the user can do with it. */
  actions: z.array(z.enum(['replay', 'approve', 'ignore', 'accept', 'reject', 'keep-st', 'keep-visma'])),
});
export type ReviewItemView = z.infer<typeof ReviewItemView>;

/** The columns the review queue sorts by. */
export const REVIEW_SORTS = ['number', 'party', 'date', 'amount', 'reason', 'age'] as const;
/** One sort column of the review queue. */
export type ReviewSort = (typeof REVIEW_SORTS)[number];

/**
 * A window of the review queue: which rows (`offset`, `limit`), which kind and reason, a free-text search (document
 * number, party, Visma number) and the order. Without `limit`, every matching row.
 */
export const ReviewListQuery = z.object({
  offset: z.number().int().min(0).max(10_000_000).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  kind: z.enum(['document', 'masterdata']).optional(),
  reason: z.string().min(1).max(60).optional(),
  search: z.string().trim().max(100).optional(),
  sort: z.enum(REVIEW_SORTS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

/** A window of the review queue with the counts the toolbar shows. */
export const ReviewListView = z.object({
  items: z.array(ReviewItemView),
  /** Where the window starts among the matching rows. */
  offset: z.number().default(0),
  /** Rows matching kind, reason and search. */
  total: z.number().optional(),
  /** Rows in the whole queue. */
  queueTotal: z.number().optional(),
  /** Matching rows per reason, ignoring the reason filter (for the reason picker). */
  reasons: z.array(z.object({ reason: z.string(), count: z.number() })).optional(),
});
export type ReviewListView = z.infer<typeof ReviewListView>;

/** A line of a ServiceTitan document as the review queue shows it beside the Visma one. */
export const SourceLineView = z.object({
  lineId: z.string(),
  description: z.string(),
  skuId: z.string().optional(),
  skuCode: z.string().optional(),
  glAccountNumber: z.string().optional(),
  glAccountName: z.string().optional(),
  quantity: z.string(),
  unitPrice: z.string(),
  amount: z.string(),
  taxable: z.boolean(),
});
export type SourceLineView = z.infer<typeof SourceLineView>;

/** A ServiceTitan document as the review queue shows it. */
export const SourceDocumentView = z.object({
  kind: z.enum(['invoice', 'ap-bill']),
  number: z.string(),
  partyName: z.string(),
  documentDate: z.string(),
  subTotal: z.string(),
  tax: z.string(),
  total: z.string(),
  lines: z.array(SourceLineView),
});
export type SourceDocumentView = z.infer<typeof SourceDocumentView>;

/** A Visma GL account as the account picker lists it. */
export const VismaAccountView = z.object({
  number: z.string(),
  name: z.string(),
  type: z.string(),
  active: z.boolean(),
});
export type VismaAccountView = z.infer<typeof VismaAccountView>;

/** What the review queue's detail panel shows: the ServiceTitan source beside the Visma payload. */
export const ReviewDetailView = z.object({
  item: ReviewItemView,
  source: SourceDocumentView,
  /** What is posted in Visma (a held document) or would be posted (the last plan); null when nothing is planned. */
  visma: PlannedDocumentView.extend({
    lines: z.array(PlannedLineView.extend({ sourceLineId: z.string() })),
  }).nullable(),
  /** Names of the accounts on the Visma side (number → name). */
  accountNames: z.record(z.string(), z.string()),
  /** The profile's holding account, if any. */
  holdingAccount: z.string().nullable(),
  /** The customer's or supplier's name in Visma. */
  vismaPartyName: z.string().nullable(),
});
export type ReviewDetailView = z.infer<typeof ReviewDetailView>;

/** The account picked for one line of a held document, and whether every line with its SKU or GL gets it too. */
export const LinePickInput = z
  .object({
    sourceLineId: z.string().min(1).max(100),
    account: z.string().trim().min(1).max(30),
    rememberBy: z.enum(['line', 'sku', 'gl']),
  })
  .strict();
export type LinePickInput = z.infer<typeof LinePickInput>;

/** What a replay would do or did. */
export const ReplayPreviewView = z.object({
  id: z.number(),
  sourceNumber: z.string(),
  state: z.string(),
  outcome: z.enum(['ready', 'blocked', 'correct-in-place', 'not-replayable']),
  planned: PlannedDocumentView.optional(),
  problems: z.array(z.object({ code: z.string(), detail: z.string().optional() })).optional(),
  text: z.string(),
});
export type ReplayPreviewView = z.infer<typeof ReplayPreviewView>;

/** One audit event. */
export const AuditEntryView = z.object({
  id: z.number(),
  at: z.string(),
  profileId: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  outcome: z.string(),
  sourceType: z.string().optional(),
  sourceId: z.string().optional(),
  sourceNumber: z.string().optional(),
  stModifiedOn: z.string().optional(),
  vismaDocType: z.string().optional(),
  vismaDocNumber: z.string().optional(),
  glBatchNumber: z.string().optional(),
  /** The message in English (the search runs on it). */
  message: z.string().optional(),
  /** The message as a code and values, for the UI to say in its language (`pages.audit.message.<code>`). */
  messageCode: z.string().optional(),
  messageParams: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

/** Audit log query. */
export const AuditQuery = z
  .object({
    profileId: ProfileId.optional(),
    search: z.string().min(1).max(200).optional(),
    outcome: z.enum(['success', 'failure', 'blocked', 'skipped', 'info']).optional(),
    from: z.string().optional(),
    to: z.string().optional(),
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

/** One mapping rule row. */
export const MappingRuleView = z.object({
  table: z.string(),
  sourceKey: z.string(),
  target: z.record(z.string(), z.string()),
  /** The name of the Visma record each target field names ("Inventar og verktøy" for account 6540), where known. */
  names: z.record(z.string(), z.string()).optional(),
  /** The name of the ServiceTitan record the key names (a business unit, a tax zone), where known. */
  sourceName: z.string().optional(),
});
export type MappingRuleView = z.infer<typeof MappingRuleView>;

/** The result of a connection test. */
export const ConnectionReport = z.object({
  ok: z.boolean(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
});
export type ConnectionReport = z.infer<typeof ConnectionReport>;

/** A profile as the setup form edits it (no secrets; those go separately). */
export const ProfileInput = z
  .object({
    id: ProfileId,
    name: z.string().trim().min(1).max(100),
    timeZone: z.string().min(1),
    servicetitan: z
      .object({
        environment: StEnvironment,
        tenantId: z.string().regex(/^\d+$/, 'The ServiceTitan tenant id is a number.'),
        clientId: z.string().trim().min(1),
        authUrl: z.url().optional(),
        apiBaseUrl: z.url().optional(),
      })
      .strict(),
    visma: z
      .object({
        environment: VismaEnvironment,
        tenantId: z.string().trim().min(1),
        companyId: z.string().trim().min(1),
        companyName: z.string().trim().max(100).optional(),
        clientId: z.string().trim().min(1),
        tokenUrl: z.url().optional(),
        apiBaseUrl: z.url().optional(),
      })
      .strict(),
  })
  .strict();
export type ProfileInput = z.infer<typeof ProfileInput>;

/** Secrets entered with a profile; absent ones keep the stored value. */
export const SecretsInput = z.partialRecord(SecretKind, z.string().min(1).max(4096));

// ── Reconciliation ────────────────────────────────────────────────────────────────────────────────────────────────

/** A reconciliation period, `YYYY-MM`. */
export const ReconPeriodInput = z.string().regex(/^\d{4}-\d{2}$/, 'Write the period as YYYY-MM.');

/** A money amount as a decimal string with two decimals (never a float). */
const ReconAmount = z.string().regex(/^-?\d+\.\d{2}$/);

/** Reconciled document types: a credit note is a net-negative ServiceTitan invoice. */
export const ReconDocTypeView = z.enum(['invoice', 'creditNote', 'apBill']);

/** A count with its gross and VAT sums. */
export const ReconFiguresView = z.object({ count: z.number().int(), amount: ReconAmount, vat: ReconAmount });

/** Both sides' figures of one document type and business unit; `difference` is ServiceTitan minus Visma. */
export const ReconTotalsRowView = z.object({
  documentType: ReconDocTypeView,
  businessUnitId: z.string().nullable(),
  businessUnitName: z.string().nullable(),
  servicetitan: ReconFiguresView,
  visma: ReconFiguresView,
  difference: ReconFiguresView,
  vismaNotBooked: ReconFiguresView,
});

/** A ServiceTitan document of the period (credit notes positive, as in Visma) with its outbox state. */
export const ReconStDocView = z.object({
  sourceId: z.number(),
  stId: z.string(),
  number: z.string(),
  documentType: ReconDocTypeView,
  key: z.string(),
  date: z.string(),
  businessUnitId: z.string().nullable(),
  businessUnitName: z.string().nullable(),
  amount: ReconAmount,
  vat: ReconAmount,
  outboxId: z.number().nullable(),
  state: z.string().nullable(),
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
  vismaNumber: z.string().nullable(),
  plannedPeriod: z.string().nullable(),
  glBatchNumber: z.string().nullable(),
  ignoredReason: z.string().nullable(),
  partyId: z.string().nullable(),
  partyName: z.string().nullable(),
});

/** A Visma document of the period with the engine key it carries (or was recorded under). */
export const ReconVismaDocView = z.object({
  kind: z.enum(['customerInvoice', 'customerCreditNote', 'supplierInvoice']),
  documentType: ReconDocTypeView,
  number: z.string(),
  key: z.string().nullable(),
  keyFrom: z.enum(['reference', 'number']).nullable(),
  date: z.string(),
  financialPeriod: z.string().nullable(),
  amount: ReconAmount,
  vat: ReconAmount,
  released: z.boolean(),
  hold: z.boolean(),
  partyNumber: z.string(),
  partyName: z.string().nullable(),
  status: z.string(),
  reversalOf: z.string().nullable(),
  vismaDocumentType: z.string().nullable(),
});

/** A ServiceTitan document and its Visma document; differences are ServiceTitan minus Visma. */
export const ReconPairView = z.object({
  st: ReconStDocView,
  visma: ReconVismaDocView,
  differences: z.array(z.enum(['amount', 'vat', 'type'])),
  amountDifference: ReconAmount,
  vatDifference: ReconAmount,
});

/** The buckets of the month-end close; every document of the period is in exactly one. */
export const CloseBucketView = z.enum([
  'matched',
  'notBooked',
  'waiting',
  'neverSynced',
  'changedInServiceTitan',
  'different',
  'duplicated',
  'postedByHand',
  'deletedInVisma',
  'ignored',
  'outsidePeriod',
]);
export type CloseBucketView = z.infer<typeof CloseBucketView>;

/** Why a document is in its bucket of the close (message code `recon.reason.<code>`; parameters on the engine's type). */
export const CloseReasonCodeView = z.enum([
  'booked',
  'unreleased',
  'onHold',
  'holdingAccount',
  'waiting',
  'uncertain',
  'notPostedYet',
  'neverSynced',
  'changedAfterPosting',
  'different',
  'duplicated',
  'postedByHand',
  'deletedInVisma',
  'reversedInVisma',
  'ignored',
  'otherPeriod',
  'notEligible',
  'unknownSource',
]);

/** One document of the period in the close, with the reason (a `recon.reason.*` code and its parameters). */
export const CloseEntryView = z.object({
  bucket: CloseBucketView,
  reason: z.object({
    code: CloseReasonCodeView,
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
  documentType: ReconDocTypeView,
  businessUnitId: z.string().nullable(),
  businessUnitName: z.string().nullable(),
  party: z.object({
    stId: z.string().nullable(),
    name: z.string().nullable(),
    vismaNumber: z.string().nullable(),
  }),
  st: ReconStDocView.nullable(),
  visma: z.array(ReconVismaDocView),
  amount: ReconAmount,
  vat: ReconAmount,
});
export type CloseEntryView = z.infer<typeof CloseEntryView>;

/** One check of "ready to close". */
export const ChecklistItemView = z.object({
  id: z.enum([
    'nothingWaiting',
    'nothingUncertain',
    'nothingUnreleased',
    'noUnexplainedDifference',
    'holdingAccountEmpty',
  ]),
  ok: z.boolean(),
  count: z.number().int(),
  buckets: z.array(CloseBucketView),
  accounts: z.array(z.string()).optional(),
});
export type ChecklistItemView = z.infer<typeof ChecklistItemView>;

/** One GL account's period movement against what the documents explain (debit minus credit). */
export const GlAccountLineView = z.object({
  account: z.string(),
  description: z.string().nullable(),
  roles: z.array(z.enum(['revenue', 'expense', 'holding', 'receivables', 'payables', 'vat'])),
  debit: ReconAmount,
  credit: ReconAmount,
  net: ReconAmount,
  explained: ReconAmount,
  unexplained: ReconAmount,
});
export type GlAccountLineView = z.infer<typeof GlAccountLineView>;

/** Everything a period's reconciliation found (`reconcile.period`, `reconcile --json`). */
export const ReconciliationView = z.object({
  profileId: z.string(),
  period: z.string(),
  financialPeriod: z.string(),
  timeZone: z.string(),
  generatedAt: z.string(),
  totals: z.array(ReconTotalsRowView),
  totalsByType: z.array(ReconTotalsRowView),
  postedByHandTotals: z.array(z.object({ documentType: ReconDocTypeView, figures: ReconFiguresView })),
  counts: z.object({
    matched: z.number(),
    different: z.number(),
    missing: z.number(),
    duplicated: z.number(),
    ignored: z.number(),
    unknownInVisma: z.number(),
    postedByHand: z.number(),
    outsidePeriod: z.number(),
  }),
  matched: z.array(ReconPairView),
  different: z.array(ReconPairView),
  missing: z.array(
    z.object({
      st: ReconStDocView,
      why: z.enum(['waiting', 'posted_in_other_period', 'not_found_in_visma']),
    }),
  ),
  duplicated: z.array(z.object({ st: ReconStDocView, visma: z.array(ReconVismaDocView) })),
  ignored: z.array(z.object({ st: ReconStDocView, visma: z.array(ReconVismaDocView) })),
  unknownInVisma: z.array(ReconVismaDocView),
  postedByHand: z.array(ReconVismaDocView),
  outsidePeriod: z.array(
    z.object({
      visma: ReconVismaDocView,
      source: z.object({
        key: z.string(),
        stId: z.string(),
        number: z.string(),
        date: z.string(),
        eligible: z.boolean(),
        businessUnitId: z.string().nullable(),
        businessUnitName: z.string().nullable(),
      }),
      why: z.enum(['other_period', 'not_eligible']),
    }),
  ),
  vismaCalls: z.number(),
  entries: z.array(CloseEntryView),
  bucketCounts: z.record(CloseBucketView, z.number().int()),
  checklist: z.object({ ready: z.boolean(), items: z.array(ChecklistItemView) }),
  gl: z.object({ accounts: z.array(GlAccountLineView), unexplainedAccounts: z.array(z.string()) }).nullable(),
  glError: z.string().nullable(),
  servicetitanLive: z.boolean(),
  servicetitanError: z.string().nullable(),
  servicetitanCalls: z.number(),
  companyName: z.string().nullable(),
  timings: z.object({
    vismaMs: z.number(),
    servicetitanMs: z.number(),
    totalMs: z.number(),
    engineCpuMs: z.number().optional(),
  }),
  periodStart: z.string(),
  periodEnd: z.string(),
});
export type ReconciliationView = z.infer<typeof ReconciliationView>;

/** The auditor's CSV of a period. */
export const ReconciliationExportView = z.object({ filename: z.string(), csv: z.string() });

/** The printable report of a period: one self-contained HTML page (A4, no scripts, no external resources). */
export const ReconciliationReportView = z.object({ filename: z.string(), html: z.string() });

/** The sync settings of a profile that the Settings page edits. */
export const ProfileSettingsView = z.object({
  holdingAccount: z.string().nullable(),
  releaseHoldingDocuments: z.boolean(),
  postIntoFirstOpenPeriod: z.boolean(),
  markExported: z.boolean(),
  createCustomers: z.boolean(),
  createSuppliers: z.boolean(),
  eligibleInvoiceStatuses: z.array(z.enum(['Pending', 'Posted', 'Exported'])).min(1),
  /** Cron expression (five fields), or null for manual syncs only. */
  schedule: z.string().nullable(),
  suppliersToServiceTitan: z.enum(['create', 'ask', 'off']),
  webhook: z.object({
    enabled: z.boolean(),
    port: z.number().int().min(0).max(65535),
    signatureHeader: z.string().min(1).max(100),
    signatureEncoding: z.enum(['hex', 'base64']),
    /** Whether the HMAC key is stored in the keychain (never the key). */
    hmacKeySet: z.boolean(),
    /** Where the receiver listens while it runs. */
    listeningOn: z.string().nullable(),
  }),
});
export type ProfileSettingsView = z.infer<typeof ProfileSettingsView>;

/** A change to the sync settings: only the fields given change. */
export const ProfileSettingsInput = ProfileSettingsView.omit({ webhook: true })
  .extend({
    holdingAccount: z.string().trim().min(1).max(30).nullable(),
    schedule: z.string().trim().min(1).max(100).nullable(),
    webhook: ProfileSettingsView.shape.webhook.omit({ hmacKeySet: true, listeningOn: true }).partial(),
  })
  .partial()
  .strict();
