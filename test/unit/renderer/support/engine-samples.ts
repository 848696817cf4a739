import type {
  AuditEntryView,
  DashboardView,
  MappingRuleView,
  ReplayPreviewView,
  ReviewDetailView,
  ReviewItemView,
  VismaAccountView,
  SyncSummaryView,
} from '../../../../shared/contract/engine-schemas';

const counts = (posted: number, held = 0, blocked = 0) => ({
  seen: posted + held + blocked,
  new: posted + held + blocked,
  changed: 0,
  posted,
  released: posted - held,
  exported: posted - held,
  held,
  blocked,
  failed: 0,
  review: held + blocked,
});

/** A finished run: 12 invoices and 5 bills posted, one held invoice, one blocked bill. */
export const sampleSummary: SyncSummaryView = {
  runId: 7,
  profileId: 'nordic-hvac',
  trigger: 'manual',
  status: 'completed',
  startedAt: '2026-01-31T08:00:00.000Z',
  finishedAt: '2026-01-31T08:01:05.000Z',
  durationMs: 65_000,
  documents: { invoices: counts(12, 1), bills: counts(5, 0, 1) },
  reviewQueue: 2,
  calls: { servicetitan: 41, visma: 88, vismaPerPostedDocument: 5.2, servicetitanPerDocumentSeen: 2.1 },
};

/** A dashboard after one run. */
export const sampleDashboard: DashboardView = {
  running: false,
  otherInstallation: null,
  nextRunAt: '2026-02-01T05:00:00.000Z',
  closedPeriodWaiting: null,
  lastRun: {
    id: 7,
    trigger: 'manual',
    status: 'completed',
    startedAt: sampleSummary.startedAt,
    finishedAt: sampleSummary.finishedAt,
    summary: sampleSummary,
    error: null,
    failure: null,
  },
  runs: [
    {
      id: 7,
      trigger: 'manual',
      status: 'completed',
      startedAt: sampleSummary.startedAt,
      finishedAt: sampleSummary.finishedAt,
      summary: sampleSummary,
      error: null,
      failure: null,
    },
    {
      id: 6,
      trigger: 'schedule',
      status: 'failed',
      startedAt: '2026-01-30T06:00:00.000Z',
      finishedAt: '2026-01-30T06:00:02.000Z',
      summary: null,
      error: 'Visma refused the client credentials (invalid_client).',
      failure: { kind: 'credentials', system: 'visma' },
    },
  ],
  reviewCount: 3,
  outboxByState: { exported: 16, posted: 1, blocked: 1 },
  volume: [
    { date: '2026-01-30', invoices: 4, bills: 2 },
    { date: '2026-01-31', invoices: 8, bills: 3 },
  ],
};

/** A dashboard before any run. */
export const emptyDashboard: DashboardView = {
  running: false,
  otherInstallation: null,
  nextRunAt: null,
  closedPeriodWaiting: null,
  lastRun: null,
  runs: [],
  reviewCount: 0,
  outboxByState: {},
  volume: [],
};

/** The queue: a held invoice, a blocked bill, and a vendor conflict. */
export const sampleReview: ReviewItemView[] = [
  {
    key: 'doc:11',
    kind: 'document',
    id: 11,
    sourceType: 'invoice',
    sourceNumber: 'INV-1001',
    state: 'posted',
    reason: 'holding_account',
    text: 'One or more lines were posted to the holding account; pick the right account and approve. Lines: Filter kit.',
    vismaDocNumber: '100045',
    details: null,
    updatedAt: '2026-01-31T08:00:40.000Z',
    party: 'Kari Hansen',
    documentDate: '2026-01-31T00:00:00Z',
    amount: '2061.25',
    actions: ['replay', 'approve', 'ignore'],
  },
  {
    key: 'doc:12',
    kind: 'document',
    id: 12,
    sourceType: 'ap-bill',
    sourceNumber: 'BILL-77',
    state: 'blocked',
    reason: 'period_closed',
    text: 'The financial period of the document date is closed in Visma; it will post when the period opens.',
    vismaDocNumber: null,
    details: null,
    updatedAt: '2026-01-31T08:00:50.000Z',
    party: 'Rørlegger Nord AS',
    documentDate: '2026-01-12T00:00:00Z',
    amount: '480.00',
    actions: ['replay', 'ignore'],
  },
  {
    key: 'md:conflict:3',
    kind: 'masterdata',
    id: null,
    sourceType: 'conflict',
    sourceNumber: 'supplier:5531',
    state: 'open',
    reason: 'masterdata_conflict',
    text: 'The city of ServiceTitan vendor 5531 and Visma supplier 20017 was changed on both sides.',
    vismaDocNumber: null,
    details: { field: 'city', st: 'Bergen', visma: 'Oslo' },
    updatedAt: null,
    party: 'Bergen Varme AS',
    actions: ['keep-st', 'keep-visma'],
  },
];

/** What replaying the held invoice would post. */
export const samplePreview: ReplayPreviewView = {
  id: 11,
  sourceNumber: 'INV-1001',
  state: 'posted',
  outcome: 'correct-in-place',
  text: 'The invoice is corrected in place in Visma.',
  planned: {
    kind: 'invoice',
    partyNumber: '10023',
    date: '2026-01-31T00:00:00',
    financialPeriod: '202601',
    externalReference: 'ST-INV-1001',
    text: 'Service call',
    hold: true,
    lines: [
      {
        description: 'Service call',
        quantity: '1',
        unitPrice: '1250.00',
        amount: '1250.00',
        accountNumber: '3000',
        vatCodeId: '3',
        holding: false,
      },
      {
        description: 'Filter kit',
        quantity: '2',
        unitPrice: '199.50',
        amount: '399.00',
        accountNumber: '9999',
        vatCodeId: '3',
        holding: true,
      },
    ],
    expected: { amount: '2061.25', vat: '412.25' },
  },
};

/** The held invoice INV-1001: its ServiceTitan source beside what is on hold in Visma (Filter kit on 9999). */
export const sampleDetail: ReviewDetailView = {
  item: sampleReview[0]!,
  source: {
    kind: 'invoice',
    number: 'INV-1001',
    partyName: 'Kari Hansen',
    documentDate: '2026-01-31T00:00:00Z',
    subTotal: '1649.00',
    tax: '412.25',
    total: '2061.25',
    lines: [
      {
        lineId: 'L1',
        description: 'Service call',
        glAccountNumber: '3000',
        glAccountName: 'Sales, services',
        quantity: '1',
        unitPrice: '1250.00',
        amount: '1250.00',
        taxable: true,
      },
      {
        lineId: 'L2',
        description: 'Filter kit',
        skuId: '9001',
        skuCode: 'FK-20',
        glAccountNumber: '4410',
        glAccountName: 'Parts revenue',
        quantity: '2',
        unitPrice: '199.50',
        amount: '399.00',
        taxable: true,
      },
    ],
  },
  visma: {
    ...samplePreview.planned!,
    lines: samplePreview.planned!.lines.map((l, i) => ({ ...l, sourceLineId: `L${i + 1}` })),
  },
  accountNames: { '3000': 'Sales, services', '9999': 'Holding account' },
  holdingAccount: '9999',
  vismaPartyName: 'Kari Hansen',
};

/** The accounts the picker offers. */
export const sampleAccounts: VismaAccountView[] = [
  { number: '3000', name: 'Sales, services', type: 'Income', active: true },
  { number: '3020', name: 'Sales, parts', type: 'Income', active: true },
  { number: '3100', name: 'Sales, equipment', type: 'Income', active: true },
];

/** Three audit entries, newest first. */
export const sampleAudit: AuditEntryView[] = [
  {
    id: 3,
    at: '2026-01-31T08:00:45.000Z',
    profileId: 'nordic-hvac',
    actor: 'user',
    action: 'document.released',
    outcome: 'success',
    sourceType: 'invoice',
    sourceNumber: 'INV-1000',
    vismaDocType: 'Invoice',
    vismaDocNumber: '100044',
    glBatchNumber: 'GL-000812',
    message: 'Released, "as agreed"; ok',
  },
  {
    id: 2,
    at: '2026-01-31T08:00:30.000Z',
    profileId: 'nordic-hvac',
    actor: 'schedule',
    action: 'document.blocked',
    outcome: 'blocked',
    sourceType: 'ap-bill',
    sourceNumber: 'BILL-77',
    message: 'Period closed.',
  },
  {
    id: 1,
    at: '2026-01-30T06:00:02.000Z',
    profileId: 'nordic-hvac',
    actor: 'schedule',
    action: 'sync.failed',
    outcome: 'failure',
    message: 'Visma refused the client credentials.',
  },
];

/** A few rules across tables. */
export const sampleMappings: MappingRuleView[] = [
  { table: 'revenueByGlAccount', sourceKey: '3080', target: { account: '3000' } },
  { table: 'expenseByGlAccount', sourceKey: '1460', target: { account: '4000' } },
  { table: 'businessUnitDimensions', sourceKey: '101', target: { costCenter: '10' } },
];
