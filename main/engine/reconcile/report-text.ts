/**
 * The texts of the auditor's exports (CSV and printable report) in English and Norwegian bokmål. Every code exists
 * in every language at compile time: the catalogue is typed `Record<ReportLocale, Record<ReportTextCode, string>>`,
 * and the codes are built from the engine's own unions (buckets, reason codes, review reasons, checks, …).
 * Templates take `{name}` parameters; a `[…]` segment is left out when a parameter inside it is missing or empty.
 */
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

/** The languages the exports are written in. */
export type ReportLocale = 'en' | 'nb';

/** Every export language. */
export const REPORT_LOCALES: readonly ReportLocale[] = ['en', 'nb'];

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

type Catalogue = Record<ReportTextCode, string>;

const reviewEn = Object.fromEntries(
  Object.entries(REASON_TEXTS).map(([code, text]) => [`review.${code}`, text]),
) as Record<`review.${ReasonCode}`, string>;

const EN: Catalogue = {
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

const NB: Catalogue = {
  'bucket.matched': 'Stemmer',
  'bucket.notBooked': 'Ikke bokført ennå',
  'bucket.waiting': 'Venter i gjennomgangskøen',
  'bucket.neverSynced': 'Aldri synkronisert',
  'bucket.changedInServiceTitan': 'Endret i ServiceTitan',
  'bucket.different': 'Avvik i beløp eller mva',
  'bucket.duplicated': 'Dobbelt i Visma',
  'bucket.postedByHand': 'Registrert manuelt i Visma',
  'bucket.deletedInVisma': 'Slettet eller tilbakeført i Visma',
  'bucket.ignored': 'Ignorert',
  'bucket.outsidePeriod': 'Utenfor perioden',

  'reason.booked': 'Bokført og frigitt i Visma som {vismaNumber}.',
  'reason.unreleased': 'Registrert i Visma som {vismaNumber}, men ikke frigitt (status {status}).',
  'reason.onHold': 'Registrert i Visma som {vismaNumber}, men holdt tilbake.',
  'reason.holdingAccount':
    'Registrert i Visma som {vismaNumber} med linjer på oppsamlingskontoen; ikke bokført ennå.[ Til gjennomgang: {reviewReason}]',
  'reason.waiting': 'Venter i gjennomgangskøen ({state}): {reviewReason}',
  'reason.uncertain':
    'Ikke bekreftet av Visma ennå ({state}); dokumentet slås opp i Visma før noe sendes på nytt.',
  'reason.notPostedYet': 'Ikke bokført ennå ({state}).',
  'reason.neverSynced':
    'Finnes i ServiceTitan, men verken integrasjonen eller Visma har det: ingen synkronisering har sett det ennå.',
  'reason.changedAfterPosting': 'Endret i ServiceTitan etter bokføring: {fields}.',
  'reason.different':
    'Bokført med avvik i {differences}: ServiceTitan minus Visma er {amountDifference} brutto, {vatDifference} mva.',
  'reason.duplicated': 'Finnes {count} ganger i Visma: {numbers} (perioder {periods}).',
  'reason.postedByHand': 'Registrert manuelt i Visma som {vismaNumber}, uten ServiceTitan-referanse.',
  'reason.deletedInVisma': 'Bokført i Visma som {vismaNumber} og senere slettet der.',
  'reason.reversedInVisma': 'Bokført i Visma som {vismaNumber} og senere tilbakeført der med {reversal}.',
  'reason.ignored': 'Ignorert av {by}: {why}',
  'reason.otherPeriod': 'ServiceTitan-dokumentet er datert {date}, i en annen periode.',
  'reason.notEligible': 'ServiceTitan-dokumentet skal ikke lenger bokføres (annullert eller endret).',
  'reason.unknownSource':
    'Har ServiceTitan-referansen {marker}, men integrasjonen kjenner ikke til noe slikt dokument.',

  'review.customer_missing': 'Kunden er ikke koblet til en kunde i Visma, og den kunne ikke opprettes.',
  'review.customer_inactive': 'Kunden i Visma er ikke aktiv.',
  'review.supplier_missing':
    'Leverandøren er ikke koblet til en leverandør i Visma, og den kunne ikke opprettes.',
  'review.supplier_inactive': 'Leverandøren i Visma er ikke aktiv.',
  'review.vendor_not_linked': 'Leverandøren er ikke koblet til en leverandør i Visma.',
  'review.account_missing':
    'Det finnes ingen konto i Visma for en linje, og ingen oppsamlingskonto er angitt.',
  'review.account_inactive': 'En linje skal bokføres på en konto i Visma som ikke er aktiv.',
  'review.vat_code_missing': 'Ingen mva-kode er koblet til skattesonen på dokumentet.',
  'review.vat_code_invalid': 'Mva-koden er ikke gyldig for mva-sonen eller kontoens mva-kategori.',
  'review.tax_mapping_flagged':
    'Mva-koblingen for skattesonen på dokumentet er merket for kontroll; dokumentet venter så det ikke bokføres med feil mva.',
  'review.period_closed':
    'Regnskapsperioden for dokumentdatoen er lukket i Visma; dokumentet bokføres når perioden åpnes.',
  'review.period_missing': 'Regnskapsperioden for dokumentdatoen finnes ikke i Visma.',
  'review.no_lines': 'Dokumentet har ingen linjer å bokføre.',
  'review.visma_rejected': 'Visma avviste dokumentet.',
  'review.holding_account':
    'En eller flere linjer ble bokført på oppsamlingskontoen; velg riktig konto og godkjenn.',
  'review.tax_difference': 'Totalbeløpet eller mva i Visma avviker fra ServiceTitan.',
  'review.amount_mismatch':
    'Tallene i dokumentet går ikke opp, så det ble ikke bokført; rett dokumentet i ServiceTitan.',
  'review.changed_after_posting': 'Dokumentet ble endret i ServiceTitan etter at det ble frigitt i Visma.',
  'review.export_failed': 'ServiceTitan godtok ikke merket «eksportert».',
  'review.voided_after_posting': 'Dokumentet ble deaktivert i ServiceTitan etter at det ble bokført.',
  'review.release_failed':
    'Visma kunne ikke frigi dokumentet; det ligger i Visma, men er ikke med i regnskapet ennå.',
  'review.release_incomplete':
    'Visma har satt frigivelsen av dokumentet i kø, men ikke fullført den; det er ikke med i regnskapet ennå. Kontroller det i Visma.',
  'review.deleted_in_visma':
    'Dokumentet ble bokført i Visma og deretter slettet der. Send det på nytt for å bokføre det igjen, eller ignorer det.',
  'review.visma_unconfirmed':
    'Visma bekreftet ikke om dokumentet ble opprettet; det slås opp i Visma etter referansen før noe sendes på nytt.',
  'review.duplicate_in_visma':
    'Visma har mer enn ett frigitt dokument for dette ServiceTitan-dokumentet; tilbakefør det overflødige i Visma.',
  'review.unreadable_document':
    'ServiceTitan sendte en verdi integrasjonen ikke kan lese, så dokumentet ble ikke bokført, fremfor å bli bokført med et gjettet tall.',
  'review.total_missing': 'ServiceTitan sendte dokumentet uten totalbeløp, så det ble ikke bokført.',
  'review.no_customer':
    'Fakturaen har ingen kunde i ServiceTitan; legg til kunden der, så bokføres den ved neste synkronisering.',
  'review.no_vendor':
    'Leverandørfakturaen har ingen leverandør i ServiceTitan; legg til leverandøren der, så bokføres den ved neste synkronisering.',
  'review.amount_too_large':
    'Et beløp er større enn Visma kan lagre nøyaktig (Visma lagrer beløp som tall med 15 sifre), så dokumentet ble ikke bokført.',
  'review.zero_total': 'Totalbeløpet på dokumentet er null, så det er ingenting å bokføre i Visma.',

  'check.nothingWaiting': 'Ingenting venter i gjennomgangskøen',
  'check.nothingUncertain': 'Ingenting er ubekreftet av Visma',
  'check.nothingUnreleased': 'Ingenting er ufrigitt i Visma',
  'check.noUnexplainedDifference': 'Ingen uforklarte differanser i hovedboken',
  'check.holdingAccountEmpty': 'Oppsamlingskontoen er tom',

  'docType.invoice': 'Faktura',
  'docType.creditNote': 'Kreditnota',
  'docType.apBill': 'Leverandørfaktura',

  'glRole.revenue': 'Salgsinntekt',
  'glRole.expense': 'Kostnad',
  'glRole.holding': 'Oppsamlingskonto',
  'glRole.receivables': 'Kundefordringer',
  'glRole.payables': 'Leverandørgjeld',
  'glRole.vat': 'Mva',

  'state.pending': 'venter',
  'state.ready': 'klar til bokføring',
  'state.blocked': 'stoppet',
  'state.posting': 'bokføres',
  'state.posted': 'bokført, holdt tilbake',
  'state.releasing': 'frigivelse i kø i Visma',
  'state.released': 'frigitt',
  'state.exported': 'frigitt og merket i ServiceTitan',
  'state.uncertain': 'ikke bekreftet',
  'state.failed': 'feilet',
  'state.ignored': 'ignorert',
  'state.nothing_to_post': 'ingenting å bokføre',

  'difference.amount': 'beløp',
  'difference.vat': 'mva',
  'difference.type': 'dokumenttype',

  'field.total': 'totalbeløp',
  'field.tax': 'mva',
  'field.date': 'dato',
  'field.customer': 'kunde',
  'field.vendor': 'leverandør',
  'field.lines': 'linjer',
  'field.businessUnit': 'avdeling',
  'field.number': 'nummer',

  'column.bucket': 'Resultat',
  'column.reason': 'Årsak',
  'column.documentType': 'Dokumenttype',
  'column.stNumber': 'ServiceTitan-nummer',
  'column.stId': 'ServiceTitan-id',
  'column.date': 'Dato',
  'column.businessUnit': 'Avdeling',
  'column.partyName': 'Kunde eller leverandør',
  'column.partyStId': 'Kunde- eller leverandør-id i ServiceTitan',
  'column.partyVismaNumber': 'Kunde- eller leverandørnummer i Visma',
  'column.vismaNumbers': 'Dokumentnummer i Visma',
  'column.vismaPeriods': 'Periode i Visma',
  'column.stGross': 'ServiceTitan brutto',
  'column.stVat': 'ServiceTitan mva',
  'column.vismaGross': 'Visma brutto',
  'column.vismaVat': 'Visma mva',
  'column.differenceGross': 'Differanse brutto',
  'column.differenceVat': 'Differanse mva',

  'totals.documentType': 'Dokumenttype',
  'totals.businessUnit': 'Avdeling',
  'totals.servicetitan': 'ServiceTitan',
  'totals.vismaBooked': 'Visma bokført',
  'totals.vismaNotBooked': 'Visma ikke bokført',
  'totals.difference': 'Differanse',
  'totals.count': 'antall',
  'totals.gross': 'brutto',
  'totals.vat': 'mva',

  'gl.account': 'Konto',
  'gl.description': 'Beskrivelse',
  'gl.roles': 'Brukes til',
  'gl.debit': 'Debet i Visma',
  'gl.credit': 'Kredit i Visma',
  'gl.net': 'Netto i Visma',
  'gl.explained': 'Forklart av dokumentene',
  'gl.unexplained': 'Uforklart',

  'summary.title': 'Månedsavstemming',
  'summary.period': 'Periode',
  'summary.financialPeriod': 'Regnskapsperiode i Visma',
  'summary.firstDay': 'Første dag',
  'summary.lastDay': 'Siste dag',
  'summary.company': 'Firma',
  'summary.companyUnknown': '(ikke kjent)',
  'summary.profile': 'Profil',
  'summary.timeZone': 'Tidssone',
  'summary.generatedAt': 'Laget',
  'summary.servicetitanLive': 'ServiceTitan lest direkte',
  'summary.servicetitanNotLive': 'Nei, integrasjonens egne registreringer ble brukt i stedet[: {error}]',
  'summary.readyToClose': 'Klar til å lukke',
  'summary.ready': 'Klar til å lukke perioden',
  'summary.notReady': 'Ikke klar til å lukke perioden',
  'summary.checklist': 'Sjekkliste',
  'summary.check': 'Kontroll',
  'summary.ok': 'OK',
  'summary.notOk': 'Ikke OK',
  'summary.accounts': 'Kontoer',
  'summary.yes': 'Ja',
  'summary.no': 'Nei',
  'summary.bucketCounts': 'Dokumenter per resultat',
  'summary.totals': 'Totaler per dokumenttype og avdeling',
  'summary.allUnits': 'Alle avdelinger',
  'summary.noUnit': 'Uten avdeling',
  'summary.gl': 'Hovedbok',
  'summary.glNotRead': 'Ikke lest fra Visma[: {error}]',
  'summary.entries': 'Dokumenter',
  'summary.attention': 'Dokumenter som må ses på',
  'summary.attentionNone': 'Ingenting må ses på.',
  'summary.matchedOnlyCounted': 'Dokumenter som stemmer er talt opp ovenfor, ikke listet.',
  'summary.chart': 'Differanser per avdeling',
  'summary.chartNote': 'ServiceTitan minus bokført i Visma, brutto, alle dokumenttyper.',
  'summary.chartEmpty': 'Ingen avdelinger i denne perioden.',
};

const TEXT: Record<ReportLocale, Catalogue> = { en: EN, nb: NB };

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
