/**
 * The texts of the auditor's exports (CSV and printable report) in English, Norwegian bokmål, Swedish, Danish and
 * Finnish (one file per language beside this one). Every code exists
 * in every language at compile time: the catalogue is typed `Record<ReportLocale, Record<ReportTextCode, string>>`,
 * and the codes are built from the engine's own unions (buckets, reason codes, review reasons, checks, …).
 * Templates take `{name}` parameters; a `[…]` segment is left out when a parameter inside it is missing or empty.
 */
import { Locale } from '../../../shared/contract/schemas';
import type { OutboxState } from '../outbox/states';
import { REASON_TEXTS, type ReasonCode } from '../reasons';
import type {
  ChecklistId,
  CloseBucket,
  CloseReason,
  CloseReasonCode,
  GlRole,
  PairDifference,
  ReconDocType,
} from './types';
import { displayAmount } from './report-format';
import { DA } from './report-text-da';
import { FI } from './report-text-fi';
import { NB } from './report-text-nb';
import { SV } from './report-text-sv';

/** The languages the exports are written in: the UI languages. */
export type ReportLocale = Locale;

/** Every export language. */
export const REPORT_LOCALES: readonly ReportLocale[] = Locale.options;

/** Field names a `changedAfterPosting` reason may list; others are shown as given. */
type ChangedField = 'total' | 'tax' | 'date' | 'customer' | 'vendor' | 'lines' | 'businessUnit' | 'number';

/** The columns of the entry rows. */
export type EntryColumn =
  | 'bucket'
  | 'reason'
  | 'documentType'
  | 'stNumber'
  | 'stId'
  | 'date'
  | 'businessUnit'
  | 'partyName'
  | 'partyStId'
  | 'partyVismaNumber'
  | 'vismaNumbers'
  | 'vismaPeriods'
  | 'stGross'
  | 'stVat'
  | 'vismaGross'
  | 'vismaVat'
  | 'differenceGross'
  | 'differenceVat';

/** The columns of the totals table. */
export type TotalsColumn =
  | 'documentType'
  | 'businessUnit'
  | 'servicetitan'
  | 'vismaBooked'
  | 'vismaNotBooked'
  | 'difference'
  | 'count'
  | 'gross'
  | 'vat';

/** The columns of the GL table. */
export type GlColumn =
  'account' | 'description' | 'roles' | 'debit' | 'credit' | 'net' | 'explained' | 'unexplained';

/** The GL table's columns, in order. */
export const GL_COLUMNS: readonly GlColumn[] = [
  'account',
  'description',
  'roles',
  'debit',
  'credit',
  'net',
  'explained',
  'unexplained',
];

/** The entry rows' columns, in order. */
export const ENTRY_COLUMNS: readonly EntryColumn[] = [
  'bucket',
  'reason',
  'documentType',
  'stNumber',
  'stId',
  'date',
  'businessUnit',
  'partyName',
  'partyStId',
  'partyVismaNumber',
  'vismaNumbers',
  'vismaPeriods',
  'stGross',
  'stVat',
  'vismaGross',
  'vismaVat',
  'differenceGross',
  'differenceVat',
];

/** Labels of the summary block and the report's headings. */
export type SummaryCode =
  | 'title'
  | 'period'
  | 'financialPeriod'
  | 'firstDay'
  | 'lastDay'
  | 'company'
  | 'companyUnknown'
  | 'profile'
  | 'timeZone'
  | 'generatedAt'
  | 'servicetitanLive'
  | 'servicetitanNotLive'
  | 'readyToClose'
  | 'ready'
  | 'notReady'
  | 'checklist'
  | 'check'
  | 'ok'
  | 'notOk'
  | 'accounts'
  | 'yes'
  | 'no'
  | 'bucketCounts'
  | 'totals'
  | 'allUnits'
  | 'noUnit'
  | 'gl'
  | 'glNotRead'
  | 'entries'
  | 'attention'
  | 'attentionNone'
  | 'matchedOnlyCounted'
  | 'chart'
  | 'chartNote'
  | 'chartEmpty';

/** Every text code of the exports. */
export type ReportTextCode =
  | `bucket.${CloseBucket}`
  | `reason.${CloseReasonCode}`
  | `review.${ReasonCode}`
  | `check.${ChecklistId}`
  | `docType.${ReconDocType}`
  | `glRole.${GlRole}`
  | `state.${OutboxState}`
  | `difference.${PairDifference}`
  | `field.${ChangedField}`
  | `column.${EntryColumn}`
  | `totals.${TotalsColumn}`
  | `gl.${GlColumn}`
  | `summary.${SummaryCode}`;

/** One language's texts: every code, as a `{name}` template. */
export type ReportCatalogue = Record<ReportTextCode, string>;

const reviewEn = Object.fromEntries(
  Object.entries(REASON_TEXTS).map(([code, text]) => [`review.${code}`, text]),
) as Record<`review.${ReasonCode}`, string>;

const EN: ReportCatalogue = {
  'bucket.matched': 'Matched',
  'bucket.notBooked': 'Not booked yet',
  'bucket.waiting': 'Waiting in the review queue',
  'bucket.neverSynced': 'Never synced',
  'bucket.changedInServiceTitan': 'Changed in ServiceTitan',
  'bucket.different': 'Different amount or VAT',
  'bucket.duplicated': 'Duplicated in Visma',
  'bucket.postedByHand': 'Posted by hand in Visma',
  'bucket.deletedInVisma': 'Deleted or reversed in Visma',
  'bucket.ignored': 'Ignored',
  'bucket.outsidePeriod': 'Outside the period',

  'reason.booked': 'Booked and released in Visma as {vismaNumber}.',
  'reason.unreleased': 'In Visma as {vismaNumber} but not released (status {status}).',
  'reason.onHold': 'In Visma as {vismaNumber} but on hold.',
  'reason.holdingAccount':
    'In Visma as {vismaNumber} with lines on the holding account; not booked yet.[ Review: {reviewReason}]',
  'reason.waiting': 'Waiting in the review queue ({state}): {reviewReason}',
  'reason.uncertain':
    'Not confirmed by Visma yet ({state}); it is looked up in Visma before anything is sent again.',
  'reason.notPostedYet': 'Not posted yet ({state}).',
  'reason.neverSynced':
    'In ServiceTitan, but neither the connector nor Visma has it: no sync has seen it yet.',
  'reason.changedAfterPosting': 'Changed in ServiceTitan after it was posted: {fields}.',
  'reason.different':
    'Booked with a different {differences}: ServiceTitan minus Visma is {amountDifference} gross, {vatDifference} VAT.',
  'reason.duplicated': 'In Visma {count} times: {numbers} (periods {periods}).',
  'reason.postedByHand': 'Entered by hand in Visma as {vismaNumber}, without the ServiceTitan marker.',
  'reason.deletedInVisma': 'Posted to Visma as {vismaNumber} and deleted there since.',
  'reason.reversedInVisma': 'Posted to Visma as {vismaNumber} and reversed there by {reversal}.',
  'reason.ignored': 'Ignored by {by}: {why}',
  'reason.otherPeriod': 'The ServiceTitan document is dated {date}, in another period.',
  'reason.notEligible': 'The ServiceTitan document no longer counts (voided or changed).',
  'reason.unknownSource': 'Carries the ServiceTitan marker {marker}, but the connector has no such document.',

  ...reviewEn,

  'check.nothingWaiting': 'Nothing waiting in the review queue',
  'check.nothingUncertain': 'Nothing unconfirmed by Visma',
  'check.nothingUnreleased': 'Nothing unreleased in Visma',
  'check.noUnexplainedDifference': 'No unexplained difference in the general ledger',
  'check.holdingAccountEmpty': 'Holding account empty',

  'docType.invoice': 'Invoice',
  'docType.creditNote': 'Credit note',
  'docType.apBill': 'AP bill',

  'glRole.revenue': 'Revenue',
  'glRole.expense': 'Expense',
  'glRole.holding': 'Holding account',
  'glRole.receivables': 'Accounts receivable',
  'glRole.payables': 'Accounts payable',
  'glRole.vat': 'VAT',

  'state.pending': 'waiting',
  'state.ready': 'ready to post',
  'state.blocked': 'blocked',
  'state.posting': 'posting',
  'state.posted': 'posted, on hold',
  'state.releasing': 'release queued in Visma',
  'state.released': 'released',
  'state.exported': 'released and marked in ServiceTitan',
  'state.uncertain': 'unconfirmed',
  'state.failed': 'failed',
  'state.ignored': 'ignored',
  'state.nothing_to_post': 'nothing to post',

  'difference.amount': 'amount',
  'difference.vat': 'VAT',
  'difference.type': 'document type',

  'field.total': 'total',
  'field.tax': 'VAT',
  'field.date': 'date',
  'field.customer': 'customer',
  'field.vendor': 'vendor',
  'field.lines': 'lines',
  'field.businessUnit': 'business unit',
  'field.number': 'number',

  'column.bucket': 'Result',
  'column.reason': 'Reason',
  'column.documentType': 'Document type',
  'column.stNumber': 'ServiceTitan number',
  'column.stId': 'ServiceTitan id',
  'column.date': 'Date',
  'column.businessUnit': 'Business unit',
  'column.partyName': 'Customer or supplier',
  'column.partyStId': 'Customer or supplier ServiceTitan id',
  'column.partyVismaNumber': 'Customer or supplier number in Visma',
  'column.vismaNumbers': 'Visma document number',
  'column.vismaPeriods': 'Visma period',
  'column.stGross': 'ServiceTitan gross',
  'column.stVat': 'ServiceTitan VAT',
  'column.vismaGross': 'Visma gross',
  'column.vismaVat': 'Visma VAT',
  'column.differenceGross': 'Difference gross',
  'column.differenceVat': 'Difference VAT',

  'totals.documentType': 'Document type',
  'totals.businessUnit': 'Business unit',
  'totals.servicetitan': 'ServiceTitan',
  'totals.vismaBooked': 'Visma booked',
  'totals.vismaNotBooked': 'Visma not booked',
  'totals.difference': 'Difference',
  'totals.count': 'count',
  'totals.gross': 'gross',
  'totals.vat': 'VAT',

  'gl.account': 'Account',
  'gl.description': 'Description',
  'gl.roles': 'Used for',
  'gl.debit': 'Visma debit',
  'gl.credit': 'Visma credit',
  'gl.net': 'Visma net',
  'gl.explained': 'Explained by the documents',
  'gl.unexplained': 'Unexplained',

  'summary.title': 'Month-end reconciliation',
  'summary.period': 'Period',
  'summary.financialPeriod': 'Visma financial period',
  'summary.firstDay': 'First day',
  'summary.lastDay': 'Last day',
  'summary.company': 'Company',
  'summary.companyUnknown': '(not known)',
  'summary.profile': 'Profile',
  'summary.timeZone': 'Time zone',
  'summary.generatedAt': 'Generated at',
  'summary.servicetitanLive': 'ServiceTitan read live',
  'summary.servicetitanNotLive': 'No, the connector’s own records stood in[: {error}]',
  'summary.readyToClose': 'Ready to close',
  'summary.ready': 'Ready to close',
  'summary.notReady': 'Not ready to close',
  'summary.checklist': 'Checklist',
  'summary.check': 'Check',
  'summary.ok': 'OK',
  'summary.notOk': 'Not OK',
  'summary.accounts': 'Accounts',
  'summary.yes': 'Yes',
  'summary.no': 'No',
  'summary.bucketCounts': 'Documents per result',
  'summary.totals': 'Totals per document type and business unit',
  'summary.allUnits': 'All business units',
  'summary.noUnit': 'No business unit',
  'summary.gl': 'General ledger',
  'summary.glNotRead': 'Not read from Visma[: {error}]',
  'summary.entries': 'Documents',
  'summary.attention': 'Documents that need attention',
  'summary.attentionNone': 'Nothing needs attention.',
  'summary.matchedOnlyCounted': 'Matched documents are counted above, not listed.',
  'summary.chart': 'Differences by business unit',
  'summary.chartNote': 'ServiceTitan minus Visma booked, gross, all document types.',
  'summary.chartEmpty': 'No business units in this period.',
};

const TEXT: Record<ReportLocale, ReportCatalogue> = { en: EN, nb: NB, sv: SV, da: DA, fi: FI };

type Params = Readonly<Record<string, string | number | null | undefined>>;

const present = (value: string | number | null | undefined): value is string | number =>
  value !== null && value !== undefined && value !== '';

/** Fills `{name}` parameters; drops a `[…]` segment when one of its parameters is missing or empty. */
export function interpolate(template: string, params: Params = {}): string {
  const optional = template.replace(/\[([^\]]*)\]/g, (_, inner: string) =>
    [...inner.matchAll(/\{(\w+)\}/g)].every((m) => present(params[m[1]!])) ? inner : '',
  );
  return optional.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    return present(value) ? String(value) : '';
  });
}

/** Every text code, in the English catalogue's order (each catalogue has exactly these, checked by the compiler). */
export const REPORT_TEXT_CODES = Object.keys(EN) as readonly ReportTextCode[];

/** The raw `{name}` template of a code in a language (for checks that compare languages). */
export function reportTemplate(locale: ReportLocale, code: ReportTextCode): string {
  return TEXT[locale][code];
}

/** The text of a code in a language, with its parameters filled in. */
export function reportText(locale: ReportLocale, code: ReportTextCode, params?: Params): string {
  return interpolate(TEXT[locale][code], params);
}

/** Whether a string names a text code (for values such as review reasons that arrive as plain strings). */
function known(locale: ReportLocale, code: string): code is ReportTextCode {
  return Object.hasOwn(TEXT[locale], code);
}

/** A value translated through a code family when it is a known code there, else as given. */
function translated(locale: ReportLocale, family: string, value: string): string {
  const code = `${family}.${value}`;
  return known(locale, code) ? reportText(locale, code) : value;
}

/** A comma-separated list whose items are translated through a code family. */
function translatedList(locale: ReportLocale, family: string, value: string): string {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => translated(locale, family, item))
    .join(', ');
}

/** The parameters of a close reason as the reader sees them: codes translated, amounts localized. */
function readableParams(locale: ReportLocale, params: CloseReason['params']): Params {
  const out: Record<string, string | number> = { ...params };
  const text = (name: string) => (typeof params[name] === 'string' ? params[name] : null);
  const reviewReason = text('reviewReason');
  if (reviewReason) out.reviewReason = translated(locale, 'review', reviewReason);
  const state = text('state');
  if (state) out.state = translated(locale, 'state', state);
  const differences = text('differences');
  if (differences) out.differences = translatedList(locale, 'difference', differences);
  const fields = text('fields');
  if (fields) out.fields = translatedList(locale, 'field', fields);
  for (const name of ['amountDifference', 'vatDifference']) {
    const value = params[name];
    if (present(value)) out[name] = displayAmount(String(value), locale);
  }
  return out;
}

/** Why an entry is in its bucket, in plain words in a language. */
export function closeReasonText(locale: ReportLocale, reason: CloseReason): string {
  return reportText(locale, `reason.${reason.code}`, readableParams(locale, reason.params));
}
