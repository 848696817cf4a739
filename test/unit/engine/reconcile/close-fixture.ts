/**
 * A hand-built month-end close of March 2024 for tests of everything that shows one (exports, pages): one entry in
 * every bucket, two business units (one with a negative difference), a GL with one unexplained account, a customer
 * named like a formula, one with `;`, quotes and HTML in its name, and a negative amount.
 */
import { money, sum, toCents } from '../../../../shared/money';
import { zeroBucketCounts } from '../../../../main/engine/reconcile/close';
import type {
  CloseEntry,
  Figures,
  Reconciliation,
  ReconDocType,
  TotalsRow,
} from '../../../../main/engine/reconcile/types';
import { RECON_DOC_TYPES } from '../../../../main/engine/reconcile/types';
import { stDoc, vismaDoc } from './fixtures';

/** A customer whose name Excel would run as a formula. */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","Click")';
/** A customer whose name holds the separator, quotes and HTML. */
export const AWKWARD_NAME = 'Nilsen; "Rør" & <b>Co</b>';

const HVAC = { businessUnitId: '10', businessUnitName: 'HVAC Service' };
const PLUMBING = { businessUnitId: '20', businessUnitName: 'Rørlegger Øst' };

/** Every bucket once; the party of the hand-posted and outside-period entries is only on the Visma document. */
export function closeEntries(): CloseEntry[] {
  const fjord = { stId: '7001', name: 'Fjord Heating AS', vismaNumber: '10001' };
  return [
    {
      bucket: 'matched',
      reason: { code: 'booked', params: { vismaNumber: 'V1' } },
      documentType: 'invoice',
      ...HVAC,
      party: fjord,
      st: stDoc('1'),
      visma: [vismaDoc('V1', 'ST-8450100-INV-1')],
      amount: '125.00',
      vat: '25.00',
    },
    {
      bucket: 'notBooked',
      reason: { code: 'holdingAccount', params: { vismaNumber: 'V2', reviewReason: 'holding_account' } },
      documentType: 'invoice',
      ...PLUMBING,
      party: { stId: '7002', name: 'Vestland Bolig AS', vismaNumber: '10002' },
      st: stDoc('2', { ...PLUMBING, partyId: '7002', partyName: 'Vestland Bolig AS', state: 'posted' }),
      visma: [vismaDoc('V2', 'ST-8450100-INV-2', { released: false, hold: true, status: 'Hold' })],
      amount: '125.00',
      vat: '25.00',
    },
    {
      bucket: 'waiting',
      reason: { code: 'waiting', params: { reviewReason: 'supplier_missing', state: 'blocked' } },
      documentType: 'apBill',
      ...PLUMBING,
      party: { stId: '9003', name: 'Rørgrossisten AS', vismaNumber: null },
      st: stDoc('3', {
        ...PLUMBING,
        number: 'BILL-3',
        documentType: 'apBill',
        key: 'ST-8450100-BILL-3',
        amount: '1000.00',
        vat: '200.00',
        state: 'blocked',
        reasonCode: 'supplier_missing',
        vismaNumber: null,
        partyId: '9003',
        partyName: 'Rørgrossisten AS',
      }),
      visma: [],
      amount: '1000.00',
      vat: '200.00',
    },
    {
      bucket: 'neverSynced',
      reason: { code: 'neverSynced', params: {} },
      documentType: 'invoice',
      ...HVAC,
      party: { stId: '7004', name: AWKWARD_NAME, vismaNumber: '10004' },
      st: stDoc('4', {
        outboxId: null,
        state: null,
        vismaNumber: null,
        partyId: '7004',
        partyName: AWKWARD_NAME,
      }),
      visma: [],
      amount: '125.00',
      vat: '25.00',
    },
    {
      bucket: 'changedInServiceTitan',
      reason: { code: 'changedAfterPosting', params: { fields: 'total,tax' } },
      documentType: 'invoice',
      ...HVAC,
      party: { stId: '7005', name: FORMULA_NAME, vismaNumber: '10005' },
      st: stDoc('5', { amount: '250.00', vat: '50.00', partyId: '7005', partyName: FORMULA_NAME }),
      visma: [vismaDoc('V5', 'ST-8450100-INV-5', { partyNumber: '10005' })],
      amount: '250.00',
      vat: '50.00',
    },
    {
      bucket: 'different',
      reason: {
        code: 'different',
        params: { differences: 'amount,vat', amountDifference: '-12.50', vatDifference: '-2.50' },
      },
      documentType: 'creditNote',
      ...HVAC,
      party: fjord,
      st: stDoc('6', { documentType: 'creditNote', amount: '187.50', vat: '37.50' }),
      visma: [
        vismaDoc('V6', 'ST-8450100-INV-6', {
          kind: 'customerCreditNote',
          documentType: 'creditNote',
          amount: '200.00',
          vat: '40.00',
        }),
      ],
      amount: '187.50',
      vat: '37.50',
    },
    {
      bucket: 'duplicated',
      reason: { code: 'duplicated', params: { count: 2, numbers: 'V7, V7b', periods: '202403, 202404' } },
      documentType: 'invoice',
      ...PLUMBING,
      party: { stId: '7002', name: 'Vestland Bolig AS', vismaNumber: '10002' },
      st: stDoc('7', { ...PLUMBING, partyId: '7002', partyName: 'Vestland Bolig AS' }),
      visma: [
        vismaDoc('V7', 'ST-8450100-INV-7', { partyNumber: '10002' }),
        vismaDoc('V7b', 'ST-8450100-INV-7', { partyNumber: '10002', financialPeriod: '202404' }),
      ],
      amount: '125.00',
      vat: '25.00',
    },
    {
      bucket: 'postedByHand',
      reason: { code: 'postedByHand', params: { vismaNumber: 'H1' } },
      documentType: 'invoice',
      businessUnitId: null,
      businessUnitName: null,
      party: { stId: null, name: null, vismaNumber: null },
      st: null,
      visma: [
        vismaDoc('H1', null, {
          partyName: 'Bergen Kulde AS',
          partyNumber: '10077',
          amount: '80.00',
          vat: '16.00',
        }),
      ],
      amount: '80.00',
      vat: '16.00',
    },
    {
      bucket: 'deletedInVisma',
      reason: { code: 'reversedInVisma', params: { vismaNumber: 'S9', reversal: 'S10' } },
      documentType: 'apBill',
      ...PLUMBING,
      party: { stId: '9009', name: 'Kobberrør Engros AS', vismaNumber: '20009' },
      st: stDoc('9', {
        ...PLUMBING,
        number: 'BILL-9',
        documentType: 'apBill',
        key: 'ST-8450100-BILL-9',
        vismaNumber: 'S9',
        partyId: '9009',
        partyName: 'Kobberrør Engros AS',
      }),
      visma: [
        vismaDoc('S9', 'ST-8450100-BILL-9', {
          kind: 'supplierInvoice',
          documentType: 'apBill',
          partyNumber: '20009',
          status: 'Closed',
        }),
      ],
      amount: '125.00',
      vat: '25.00',
    },
    {
      bucket: 'ignored',
      reason: {
        code: 'ignored',
        params: { by: 'kari@example.no', why: 'Test invoice entered by the office' },
      },
      documentType: 'invoice',
      ...HVAC,
      party: fjord,
      st: stDoc('10', { state: 'ignored', ignoredReason: 'Test invoice entered by the office' }),
      visma: [],
      amount: '125.00',
      vat: '25.00',
    },
    {
      bucket: 'outsidePeriod',
      reason: { code: 'otherPeriod', params: { date: '2024-04-02' } },
      documentType: 'invoice',
      ...PLUMBING,
      party: { stId: null, name: null, vismaNumber: null },
      st: null,
      visma: [
        vismaDoc('V11', 'ST-8450100-INV-11', { partyName: 'Hordaland Eiendom AS', partyNumber: '10011' }),
      ],
      amount: '125.00',
      vat: '25.00',
    },
  ];
}

const fig = (count: number, amount: string, vat: string): Figures => ({ count, amount, vat });
const ZERO = fig(0, '0.00', '0.00');

type Unit = typeof HVAC;

function unitRow(type: ReconDocType, unit: Unit, st: Figures, visma: Figures, notBooked = ZERO): TotalsRow {
  return {
    documentType: type,
    ...unit,
    servicetitan: st,
    visma,
    vismaNotBooked: notBooked,
    difference: fig(
      st.count - visma.count,
      toCents(money(st.amount).minus(visma.amount)),
      toCents(money(st.vat).minus(visma.vat)),
    ),
  };
}

/** Per type and business unit: HVAC Service ends 112.50 over Visma, Rørlegger Øst 475.00 under. */
export function closeTotals(): TotalsRow[] {
  return [
    unitRow('invoice', HVAC, fig(4, '500.00', '100.00'), fig(3, '375.00', '75.00')),
    unitRow(
      'invoice',
      PLUMBING,
      fig(2, '250.00', '50.00'),
      fig(1, '125.00', '25.00'),
      fig(1, '125.00', '25.00'),
    ),
    unitRow('creditNote', HVAC, fig(1, '187.50', '37.50'), fig(1, '200.00', '40.00')),
    unitRow('apBill', PLUMBING, fig(1, '1000.00', '200.00'), fig(2, '1600.00', '320.00')),
  ];
}

const added = (figures: Figures[]): Figures =>
  fig(
    figures.reduce((n, f) => n + f.count, 0),
    toCents(sum(figures.map((f) => f.amount))),
    toCents(sum(figures.map((f) => f.vat))),
  );

function byType(rows: TotalsRow[]): TotalsRow[] {
  return RECON_DOC_TYPES.map((type) => rows.filter((r) => r.documentType === type))
    .filter((of) => of.length > 0)
    .map((of) => ({
      documentType: of[0]!.documentType,
      businessUnitId: null,
      businessUnitName: null,
      servicetitan: added(of.map((r) => r.servicetitan)),
      visma: added(of.map((r) => r.visma)),
      vismaNotBooked: added(of.map((r) => r.vismaNotBooked)),
      difference: added(of.map((r) => r.difference)),
    }));
}

/** The whole reconciliation; override what a test needs. */
export function closeFixture(over: Partial<Reconciliation> = {}): Reconciliation {
  const entries = closeEntries();
  const bucketCounts = zeroBucketCounts();
  for (const e of entries) bucketCounts[e.bucket] += 1;
  const totals = closeTotals();
  return {
    profileId: 'nordic-hvac',
    period: '2024-03',
    financialPeriod: '202403',
    timeZone: 'Europe/Oslo',
    generatedAt: '2024-04-02T08:00:00.000Z',
    totals,
    totalsByType: byType(totals),
    postedByHandTotals: [{ documentType: 'invoice', figures: fig(1, '80.00', '16.00') }],
    counts: {
      matched: 0,
      different: 0,
      missing: 0,
      duplicated: 0,
      ignored: 0,
      unknownInVisma: 0,
      postedByHand: 0,
      outsidePeriod: 0,
    },
    matched: [],
    different: [],
    missing: [],
    duplicated: [],
    ignored: [],
    unknownInVisma: [],
    postedByHand: [],
    outsidePeriod: [],
    vismaCalls: 4,
    entries,
    bucketCounts,
    checklist: {
      ready: false,
      items: [
        { id: 'nothingWaiting', ok: false, count: 1, buckets: ['waiting'] },
        { id: 'nothingUncertain', ok: true, count: 0, buckets: ['waiting'] },
        { id: 'nothingUnreleased', ok: false, count: 1, buckets: ['notBooked'] },
        { id: 'noUnexplainedDifference', ok: false, count: 1, buckets: [], accounts: ['3010'] },
        { id: 'holdingAccountEmpty', ok: false, count: 1, buckets: ['notBooked'] },
      ],
    },
    gl: {
      accounts: [
        gl('1500', 'Kundefordringer', ['receivables'], '625.00', '250.00', '375.00'),
        gl('3000', 'Salgsinntekt', ['revenue'], '0.00', '500.00', '-500.00'),
        gl('3010', 'Salgsinntekt, service', ['revenue'], '0.00', '1000.00', '0.00'),
      ],
      unexplainedAccounts: ['3010'],
    },
    glError: null,
    servicetitanLive: true,
    servicetitanError: null,
    servicetitanCalls: 3,
    timings: { vismaMs: 900, servicetitanMs: 400, totalMs: 1500, engineCpuMs: 180 },
    companyName: 'Nordisk Varme AS',
    periodStart: '2024-03-01',
    periodEnd: '2024-03-31',
    ...over,
  };
}

function gl(
  account: string,
  description: string,
  roles: ('revenue' | 'receivables')[],
  debit: string,
  credit: string,
  explained: string,
) {
  const net = toCents(money(debit).minus(credit));
  return {
    account,
    description,
    roles,
    debit,
    credit,
    net,
    explained,
    unexplained: toCents(money(net).minus(explained)),
  };
}
