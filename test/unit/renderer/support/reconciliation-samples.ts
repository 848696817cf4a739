import type { z } from 'zod';
import { CloseBucketView } from '../../../../shared/contract/engine-schemas';
import type {
  CloseEntryView,
  ReconStDocView,
  ReconTotalsRowView,
  ReconVismaDocView,
  ReconciliationView,
} from '../../../../shared/contract/engine-schemas';

type StDoc = z.infer<typeof ReconStDocView>;
type VismaDoc = z.infer<typeof ReconVismaDocView>;
type TotalsRow = z.infer<typeof ReconTotalsRowView>;
type DocType = StDoc['documentType'];

const UNITS = {
  service: { businessUnitId: '101', businessUnitName: 'HVAC Service' },
  plumbing: { businessUnitId: '102', businessUnitName: 'Plumbing' },
} as const;

/** A ServiceTitan document of January 2026 that posted as `vismaNumber` (null while it waits). */
function st(
  number: string,
  documentType: DocType,
  unit: keyof typeof UNITS,
  amount: string,
  vat: string,
  extra: Partial<StDoc> = {},
): StDoc {
  const id = number.replace(/\D/g, '');
  const bill = documentType === 'apBill';
  return {
    sourceId: Number(id),
    stId: `88${id}`,
    number,
    documentType,
    key: bill ? `ST-BILL-88${id}` : `ST-INV-88${id}`,
    date: '2026-01-15',
    ...UNITS[unit],
    amount,
    vat,
    outboxId: Number(id) + 5000,
    state: 'exported',
    reasonCode: null,
    reasonText: null,
    vismaNumber: null,
    plannedPeriod: '202601',
    glBatchNumber: null,
    ignoredReason: null,
    partyId: bill ? '4410' : '3120',
    partyName: bill ? 'Ahlsell Norge AS' : 'Fjordgløtt Borettslag',
    ...extra,
  };
}

/** A Visma document of January 2026. */
function visma(
  number: string,
  documentType: DocType,
  amount: string,
  vat: string,
  key: string | null,
): VismaDoc {
  return {
    kind:
      documentType === 'apBill'
        ? 'supplierInvoice'
        : documentType === 'creditNote'
          ? 'customerCreditNote'
          : 'customerInvoice',
    documentType,
    number,
    key,
    keyFrom: key ? 'reference' : null,
    date: '2026-01-15T00:00:00',
    financialPeriod: '202601',
    amount,
    vat,
    released: true,
    hold: false,
    partyNumber: documentType === 'apBill' ? '20017' : '10023',
    partyName: documentType === 'apBill' ? 'Ahlsell Norge AS' : 'Fjordgløtt Borettslag',
    status: 'Open',
    reversalOf: null,
    vismaDocumentType: null,
  };
}

/** A matched or different pair: the Visma document carries the ServiceTitan key and number. */
function pair(doc: StDoc, number: string, amount = doc.amount, vat = doc.vat) {
  const stDoc = { ...doc, vismaNumber: number, glBatchNumber: `GL-${number}` };
  const cents = (a: string, b: string) =>
    ((Math.round(Number(a) * 100) - Math.round(Number(b) * 100)) / 100).toFixed(2);
  const differences = [
    ...(amount !== doc.amount ? (['amount'] as const) : []),
    ...(vat !== doc.vat ? (['vat'] as const) : []),
  ];
  return {
    st: stDoc,
    visma: visma(number, doc.documentType, amount, vat, doc.key),
    differences,
    amountDifference: cents(doc.amount, amount),
    vatDifference: cents(doc.vat, vat),
  };
}

type Lists = Pick<
  ReconciliationView,
  | 'matched'
  | 'different'
  | 'missing'
  | 'duplicated'
  | 'ignored'
  | 'unknownInVisma'
  | 'postedByHand'
  | 'outsidePeriod'
>;

const toCents = (value: string) => Math.round(Number(value) * 100);
const fromCents = (cents: number) => (cents / 100).toFixed(2);

/** Sums both sides per type and business unit the way the engine reports them (hand-entered documents apart). */
function totalsOf(lists: Lists): { totals: TotalsRow[]; totalsByType: TotalsRow[] } {
  type Sum = { count: number; amount: number; vat: number };
  type Unit = { businessUnitId: string | null; businessUnitName: string | null };
  const none: Unit = { businessUnitId: null, businessUnitName: null };
  const rows = new Map<string, { type: DocType; unit: Unit; st: Sum; visma: Sum }>();
  const add = (type: DocType, unit: Unit, side: 'st' | 'visma', doc: { amount: string; vat: string }) => {
    const key = `${type}|${unit.businessUnitId ?? ''}`;
    const row = rows.get(key) ?? {
      type,
      unit: { businessUnitId: unit.businessUnitId, businessUnitName: unit.businessUnitName },
      st: { count: 0, amount: 0, vat: 0 },
      visma: { count: 0, amount: 0, vat: 0 },
    };
    rows.set(key, row);
    row[side].count++;
    row[side].amount += toCents(doc.amount);
    row[side].vat += toCents(doc.vat);
  };
  const stDocs = [
    ...lists.matched.map((p) => p.st),
    ...lists.different.map((p) => p.st),
    ...lists.missing.map((m) => m.st),
    ...lists.duplicated.map((d) => d.st),
  ];
  const vismaDocs: [VismaDoc, Unit][] = [
    ...[...lists.matched, ...lists.different].map((p): [VismaDoc, Unit] => [p.visma, p.st]),
    ...[...lists.duplicated, ...lists.ignored].flatMap((d) =>
      d.visma.map((v): [VismaDoc, Unit] => [v, d.st]),
    ),
    ...lists.outsidePeriod.map((o): [VismaDoc, Unit] => [o.visma, o.source]),
    ...lists.unknownInVisma.map((v): [VismaDoc, Unit] => [v, none]),
  ];
  const byType = new Map<DocType, { st: Sum; visma: Sum }>();
  for (const doc of stDocs) add(doc.documentType, doc, 'st', doc);
  for (const [doc, unit] of vismaDocs) add(doc.documentType, unit, 'visma', doc);
  const figures = (s: Sum) => ({ count: s.count, amount: fromCents(s.amount), vat: fromCents(s.vat) });
  const row = (type: DocType, unit: Unit, a: Sum, b: Sum): TotalsRow => ({
    documentType: type,
    ...unit,
    servicetitan: figures(a),
    visma: figures(b),
    difference: figures({ count: a.count - b.count, amount: a.amount - b.amount, vat: a.vat - b.vat }),
    vismaNotBooked: figures({ count: 0, amount: 0, vat: 0 }),
  });
  const order: DocType[] = ['invoice', 'creditNote', 'apBill'];
  const totals = [...rows.values()]
    .sort(
      (a, b) =>
        order.indexOf(a.type) - order.indexOf(b.type) ||
        (a.unit.businessUnitName ?? '\uffff').localeCompare(b.unit.businessUnitName ?? '\uffff'),
    )
    .map((r) => row(r.type, r.unit, r.st, r.visma));
  for (const r of rows.values()) {
    const sum = byType.get(r.type) ?? {
      st: { count: 0, amount: 0, vat: 0 },
      visma: { count: 0, amount: 0, vat: 0 },
    };
    byType.set(r.type, sum);
    for (const side of ['st', 'visma'] as const) {
      sum[side].count += r[side].count;
      sum[side].amount += r[side].amount;
      sum[side].vat += r[side].vat;
    }
  }
  const zero = { count: 0, amount: 0, vat: 0 };
  const totalsByType = order.map((type) =>
    row(type, none, byType.get(type)?.st ?? zero, byType.get(type)?.visma ?? zero),
  );
  return { totals, totalsByType };
}

type Close = Pick<
  ReconciliationView,
  'entries' | 'checklist' | 'gl' | 'glError' | 'servicetitanLive' | 'servicetitanError'
>;

/** A close with nothing in it, the way the engine reports a period without documents. */
const emptyClose: Close = {
  entries: [],
  checklist: { ready: true, items: [] },
  gl: null,
  glError: null,
  servicetitanLive: true,
  servicetitanError: null,
};

const BUCKET_ORDER: readonly CloseEntryView['bucket'][] = CloseBucketView.options;

/**
 * A whole reconciliation view of `period` from its drill-down lists and its close; totals, counts and bucket counts
 * derived.
 */
export function reconciliationOf(
  period: string,
  lists: Partial<Lists> = {},
  close: Partial<Close> = {},
): ReconciliationView {
  const closed = { ...emptyClose, ...close };
  const all: Lists = {
    matched: [],
    different: [],
    missing: [],
    duplicated: [],
    ignored: [],
    unknownInVisma: [],
    postedByHand: [],
    outsidePeriod: [],
    ...lists,
  };
  const hand = (type: DocType) => {
    const docs = all.postedByHand.filter((d) => d.documentType === type);
    const sum = (pick: (d: VismaDoc) => string) => fromCents(docs.reduce((s, d) => s + toCents(pick(d)), 0));
    return {
      documentType: type,
      figures: { count: docs.length, amount: sum((d) => d.amount), vat: sum((d) => d.vat) },
    };
  };
  return {
    profileId: 'nordic-hvac',
    period,
    financialPeriod: period.replace('-', ''),
    timeZone: 'Europe/Oslo',
    generatedAt: '2026-02-02T07:30:00.000Z',
    timings: { vismaMs: 800, servicetitanMs: 300, totalMs: 1400, engineCpuMs: 250 },
    ...totalsOf(all),
    postedByHandTotals: (['invoice', 'creditNote', 'apBill'] as const).map(hand),
    counts: {
      matched: all.matched.length,
      different: all.different.length,
      missing: all.missing.length,
      duplicated: all.duplicated.length,
      ignored: all.ignored.length,
      unknownInVisma: all.unknownInVisma.length,
      postedByHand: all.postedByHand.length,
      outsidePeriod: all.outsidePeriod.length,
    },
    ...all,
    vismaCalls: 3,
    ...closed,
    bucketCounts: Object.fromEntries(
      BUCKET_ORDER.map((b) => [b, closed.entries.filter((e) => e.bucket === b).length]),
    ) as ReconciliationView['bucketCounts'],
    servicetitanCalls: 2,
    companyName: 'Nordic HVAC AS',
    periodStart: `${period}-01`,
    periodEnd: `${period}-31`,
  };
}

type Entry = CloseEntryView;

/** One document of the close in `bucket`, its party, unit and figures taken from its documents. */
function entry(
  bucket: Entry['bucket'],
  code: Entry['reason']['code'],
  params: Entry['reason']['params'],
  stDoc: StDoc | null,
  vismaDocs: VismaDoc[] = [],
): Entry {
  const first = vismaDocs[0];
  return {
    bucket,
    reason: { code, params },
    documentType: stDoc?.documentType ?? first?.documentType ?? 'invoice',
    businessUnitId: stDoc?.businessUnitId ?? null,
    businessUnitName: stDoc?.businessUnitName ?? null,
    party: {
      stId: stDoc?.partyId ?? null,
      name: stDoc?.partyName ?? first?.partyName ?? null,
      vismaNumber: first?.partyNumber ?? null,
    },
    st: stDoc,
    visma: vismaDocs,
    amount: stDoc?.amount ?? first?.amount ?? '0.00',
    vat: stDoc?.vat ?? first?.vat ?? '0.00',
  };
}

type Pair = ReturnType<typeof pair>;
const booked = (p: Pair) => entry('matched', 'booked', { vismaNumber: p.visma.number }, p.st, [p.visma]);

/** Documents of January 2026 that match in Visma: three invoices, a credit note, an AP bill. */
export const matchedPairs = [
  pair(st('BILL-70', 'apBill', 'service', '8750.00', '1750.00'), '200310'),
  pair(st('INV-1000', 'invoice', 'service', '12500.00', '2500.00'), '100044'),
  pair(st('INV-1002', 'invoice', 'plumbing', '3125.00', '625.00'), '100046'),
  pair(st('INV-1007', 'creditNote', 'plumbing', '625.00', '125.00'), '100054'),
  pair(st('INV-1008', 'invoice', 'service', '1875.50', '375.10'), '100055'),
];

const holdingInvoice = st('INV-1009', 'invoice', 'service', '6250.00', '1250.00', {
  state: 'posted',
  reasonCode: 'holding_account',
  vismaNumber: '100056',
});
const unreleasedBill = st('BILL-80', 'apBill', 'plumbing', '1250.00', '250.00', {
  state: 'posted',
  vismaNumber: '200313',
});

/**
 * The close of January 2026: a document in every bucket, and all five checks open (something waits, something is
 * uncertain or different, two documents are not released, revenue account 3000 has an unexplained manual journal,
 * an invoice sits on the holding account).
 */
const sampleClose: Partial<Close> = {
  entries: [
    ...matchedPairs.map(booked),
    entry(
      'notBooked',
      'holdingAccount',
      { vismaNumber: '100056', reviewReason: 'tax_difference' },
      holdingInvoice,
      [{ ...visma('100056', 'invoice', '6250.00', '1250.00', 'ST-INV-881009'), released: false, hold: true }],
    ),
    entry('notBooked', 'unreleased', { vismaNumber: '200313', status: 'Balanced' }, unreleasedBill, [
      {
        ...visma('200313', 'apBill', '1250.00', '250.00', 'ST-BILL-8880'),
        released: false,
        status: 'Balanced',
      },
    ]),
    entry(
      'waiting',
      'waiting',
      { reviewReason: 'period_closed', state: 'blocked' },
      st('BILL-77', 'apBill', 'plumbing', '2500.00', '500.00', {
        state: 'blocked',
        reasonCode: 'period_closed',
        reasonText:
          'The financial period of the document date is closed in Visma; it will post when the period opens.',
      }),
    ),
    entry(
      'neverSynced',
      'neverSynced',
      {},
      st('INV-1010', 'invoice', 'plumbing', '1500.00', '300.00', { outboxId: null, state: null }),
    ),
    entry(
      'changedInServiceTitan',
      'changedAfterPosting',
      { fields: 'total,tax' },
      st('INV-1011', 'invoice', 'service', '2750.00', '550.00', { vismaNumber: '100058' }),
      [visma('100058', 'invoice', '2500.00', '500.00', 'ST-INV-881011')],
    ),
    entry(
      'different',
      'different',
      { differences: 'amount,vat', amountDifference: '125.00', vatDifference: '25.00' },
      st('INV-1003', 'invoice', 'service', '4375.00', '875.00', { vismaNumber: '100047' }),
      [visma('100047', 'invoice', '4250.00', '850.00', 'ST-INV-881003')],
    ),
    entry(
      'duplicated',
      'duplicated',
      { count: 2, numbers: '100048,100061', periods: '202601,202602' },
      st('INV-1004', 'invoice', 'service', '5000.00', '1000.00', { vismaNumber: '100048' }),
      [
        visma('100048', 'invoice', '5000.00', '1000.00', 'ST-INV-881004'),
        { ...visma('100061', 'invoice', '5000.00', '1000.00', 'ST-INV-881004'), financialPeriod: '202602' },
      ],
    ),
    entry('postedByHand', 'postedByHand', { vismaNumber: '100053' }, null, [
      visma('100053', 'invoice', '1000.00', '200.00', null),
    ]),
    entry(
      'deletedInVisma',
      'deletedInVisma',
      { vismaNumber: '200311' },
      st('BILL-78', 'apBill', 'service', '3750.00', '750.00', { vismaNumber: '200311' }),
    ),
    entry(
      'deletedInVisma',
      'reversedInVisma',
      { vismaNumber: '200312', reversal: '200315' },
      st('BILL-79', 'apBill', 'service', '875.00', '175.00', { vismaNumber: '200312' }),
      [visma('200312', 'apBill', '875.00', '175.00', 'ST-BILL-8879')],
    ),
    entry(
      'ignored',
      'ignored',
      { by: 'kari@nordic-hvac.no', why: 'Test invoice entered by mistake.' },
      st('INV-0999', 'invoice', 'service', '150.00', '30.00', { state: 'ignored' }),
    ),
    entry(
      'outsidePeriod',
      'otherPeriod',
      { date: '2025-12-30' },
      st('INV-0990', 'invoice', 'service', '3300.00', '660.00', {
        date: '2025-12-30',
        vismaNumber: '100043',
      }),
      [visma('100043', 'invoice', '3300.00', '660.00', 'ST-INV-880990')],
    ),
  ],
  checklist: {
    ready: false,
    items: [
      { id: 'nothingWaiting', ok: false, count: 1, buckets: ['waiting'] },
      {
        id: 'nothingUncertain',
        ok: false,
        count: 6,
        buckets: ['neverSynced', 'changedInServiceTitan', 'different', 'duplicated', 'deletedInVisma'],
      },
      { id: 'nothingUnreleased', ok: false, count: 2, buckets: ['notBooked'] },
      { id: 'noUnexplainedDifference', ok: false, count: 1, buckets: [], accounts: ['3000'] },
      { id: 'holdingAccountEmpty', ok: false, count: 1, buckets: ['notBooked'] },
    ],
  },
  gl: {
    accounts: [
      {
        account: '1500',
        description: 'Kundefordringer',
        roles: ['receivables'],
        debit: '35800.50',
        credit: '625.00',
        net: '35175.50',
        explained: '35175.50',
        unexplained: '0.00',
      },
      {
        account: '3000',
        description: 'Salgsinntekt, avgiftspliktig',
        roles: ['revenue'],
        debit: '500.00',
        credit: '29640.40',
        net: '-29140.40',
        explained: '-28140.40',
        unexplained: '-1000.00',
      },
    ],
    unexplainedAccounts: ['3000'],
  },
  servicetitanLive: false,
  servicetitanError: 'ServiceTitan answered 503 Service Unavailable.',
};

/**
 * January 2026 with something in every list: a pair whose amount and VAT differ, a bill waiting in a closed period,
 * an invoice posted in February, one Visma lost, a duplicate, an ignored invoice, an unknown key, a document entered
 * by hand, and a December invoice booked in January.
 */
export const sampleReconciliation: ReconciliationView = reconciliationOf(
  '2026-01',
  {
    matched: matchedPairs,
    different: [
      pair(st('INV-1003', 'invoice', 'service', '4375.00', '875.00'), '100047', '4250.00', '850.00'),
    ],
    missing: [
      {
        st: st('BILL-77', 'apBill', 'plumbing', '2500.00', '500.00', {
          state: 'blocked',
          reasonCode: 'period_closed',
          reasonText:
            'The financial period of the document date is closed in Visma; it will post when the period opens.',
          plannedPeriod: null,
        }),
        why: 'waiting',
      },
      {
        st: st('INV-1005', 'invoice', 'plumbing', '990.00', '198.00', {
          vismaNumber: '100052',
          plannedPeriod: '202602',
        }),
        why: 'posted_in_other_period',
      },
      {
        st: st('INV-1006', 'invoice', 'service', '2200.00', '440.00', {
          state: 'released',
          vismaNumber: '100049',
        }),
        why: 'not_found_in_visma',
      },
    ],
    duplicated: [
      {
        st: st('INV-1004', 'invoice', 'service', '5000.00', '1000.00', { vismaNumber: '100048' }),
        visma: [
          visma('100048', 'invoice', '5000.00', '1000.00', 'ST-INV-881004'),
          visma('100050', 'invoice', '5000.00', '1000.00', 'ST-INV-881004'),
        ],
      },
    ],
    ignored: [
      {
        st: st('INV-0999', 'invoice', 'service', '150.00', '30.00', {
          state: 'ignored',
          ignoredReason: 'Test invoice entered by mistake.',
        }),
        visma: [],
      },
    ],
    unknownInVisma: [visma('100051', 'invoice', '750.00', '150.00', 'ST-INV-877001')],
    postedByHand: [visma('100053', 'invoice', '1000.00', '200.00', null)],
    outsidePeriod: [
      {
        visma: visma('100043', 'invoice', '3300.00', '660.00', 'ST-INV-880990'),
        source: {
          key: 'ST-INV-880990',
          stId: '880990',
          number: 'INV-0990',
          date: '2025-12-30',
          eligible: true,
          ...UNITS.service,
        },
        why: 'other_period',
      },
    ],
  },
  sampleClose,
);

/** January 2026 where every document matches and every check holds: ready to close. */
export const matchingReconciliation: ReconciliationView = reconciliationOf(
  '2026-01',
  { matched: matchedPairs },
  {
    entries: matchedPairs.map(booked),
    checklist: {
      ready: true,
      items: [
        { id: 'nothingWaiting', ok: true, count: 0, buckets: ['waiting'] },
        { id: 'nothingUncertain', ok: true, count: 0, buckets: ['neverSynced', 'different'] },
        { id: 'nothingUnreleased', ok: true, count: 0, buckets: ['notBooked'] },
        { id: 'noUnexplainedDifference', ok: true, count: 0, buckets: [], accounts: [] },
        { id: 'holdingAccountEmpty', ok: true, count: 0, buckets: ['notBooked'] },
      ],
    },
    gl: { accounts: [], unexplainedAccounts: [] },
  },
);

/** January 2026 as an engine reports it that has not filled in the close yet: no checks, no entries. */
export const uncheckedReconciliation: ReconciliationView = reconciliationOf(
  '2026-01',
  { matched: matchedPairs },
  { servicetitanLive: false },
);

/** What `reconcile.export` answers for a period: the engine's auditor CSV (`;`, decimal comma, BOM). */
export function sampleExport(period: string): { filename: string; csv: string } {
  const lines = [
    'Status;Document type;Business unit;ServiceTitan number;ServiceTitan amount;Visma number;Visma amount',
    'matched;invoice;HVAC Service;INV-1000;12500,00;100044;12500,00',
    'different;invoice;HVAC Service;INV-1003;4375,00;100047;4250,00',
  ];
  return { filename: `reconciliation-nordic-hvac-${period}.csv`, csv: `\uFEFF${lines.join('\r\n')}\r\n` };
}

/** What `reconcile.report` answers for a period: the engine's printable report (a self-contained HTML page). */
export function sampleReport(period: string): { filename: string; html: string } {
  const html = `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Month-end reconciliation ${period}</title></head><body><h1>Month-end reconciliation ${period}</h1></body></html>\n`;
  return { filename: `reconciliation-nordic-hvac-${period}.html`, html };
}
