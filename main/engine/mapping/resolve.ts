import type { SyncSettings } from '../../../shared/sync-settings';
import { localDate } from '../../../shared/dates';
import { periodOfDate } from '../master-data/periods';
import { fitsDouble, money, toCents } from '../../../shared/money';
import type {
  PlannedDocument,
  PlannedLine,
  SegmentValue,
  SourceDocument,
  SourceLine,
  VismaDocKind,
} from '../domain';
import { markerOf } from '../lifecycle/markers';
import type { MasterData } from '../master-data/types';
import { shortenedNote, type Problem } from '../reasons';
import { branchByName, costCenterSegment, segmentValueByName, vatCodeByRate } from './defaults';
import type { MappingRules } from './rules';
import { fitText, visibleText, VISMA_TEXT_LIMITS } from './visma-text';

/** What resolving a document needs besides the document. */
export interface ResolveContext {
  rules: MappingRules;
  master: MasterData;
  customerLinks: ReadonlyMap<string, string>;
  supplierLinks: ReadonlyMap<string, string>;
  settings: SyncSettings;
  timeZone: string;
  /** The ServiceTitan tenant: part of every document's marker (its external reference). */
  tenantId: string;
  /** Tax zones whose VAT mapping has open drift → the plain reason (master-data alignment); documents in them wait. */
  flaggedTaxZones?: ReadonlyMap<string, string>;
  /** Accounts the accountant picked for single lines (source line id → Visma account): they win over every rule. */
  lineAccounts?: ReadonlyMap<string, string>;
}

/** A resolved document (with audit notes, e.g. texts shortened for Visma), or the problems that block it. */
export type ResolveResult =
  | { ok: true; planned: PlannedDocument; held: boolean; notes: string[] }
  | { ok: false; problems: Problem[]; planned?: undefined };

/** Which Visma document a source becomes: net-negative invoices become credit notes. */
export function vismaKindOf(doc: SourceDocument): VismaDocKind {
  if (doc.kind === 'ap-bill') return 'supplierInvoice';
  return money(doc.total).isNegative() ? 'customerCreditNote' : 'customerInvoice';
}

function accountFor(
  line: SourceLine,
  doc: SourceDocument,
  ctx: ResolveContext,
): { account?: string; holding: boolean } {
  const { rules, master } = ctx;
  const picked = ctx.lineAccounts?.get(line.lineId);
  if (picked) return { account: picked, holding: false };
  const gl = line.glAccountNumber;
  const sameNumber = gl && master.accounts.has(gl) ? gl : undefined;
  let account: string | undefined;
  if (doc.kind === 'invoice') {
    const bu = line.businessUnitId ?? doc.businessUnitId;
    account =
      (line.skuId && rules.revenueBySku[line.skuId]?.account) ||
      (gl && rules.revenueByGlAccount[gl]?.account) ||
      sameNumber ||
      (bu && rules.revenueByBusinessUnit[bu]?.account) ||
      undefined;
  } else {
    account = (gl && rules.expenseByGlAccount[gl]?.account) || sameNumber || undefined;
  }
  if (account) return { account, holding: false };
  if (ctx.settings.holdingAccount) return { account: ctx.settings.holdingAccount, holding: true };
  return { holding: false };
}

/** Switches to the `accountByVatCode` account when the resolved account's VAT category does not allow the code. */
function accountForVatCode(account: string, vatCodeId: string | undefined, ctx: ResolveContext): string {
  const override = vatCodeId ? ctx.rules.accountByVatCode[vatCodeId]?.account : undefined;
  if (!override || override === account) return account;
  const category = ctx.master.accounts.get(account)?.taxCategory;
  const allowed = category ? ctx.master.vatCategories.get(category)?.vatIds.includes(vatCodeId!) : true;
  return allowed === false ? override : account;
}

function vatFor(
  line: SourceLine,
  doc: SourceDocument,
  account: string,
  partyZone: string | undefined,
  ctx: ResolveContext,
) {
  const sales = doc.kind === 'invoice';
  const zoneKey = doc.taxZoneId ?? '*';
  const rule = ctx.rules.vatByTaxZone[zoneKey] ?? ctx.rules.vatByTaxZone['*'];
  const field = `${sales ? 'sales' : 'purchase'}${line.taxable ? 'Taxable' : 'Exempt'}` as const;
  if (rule?.[field]) return rule[field];
  const zone = doc.taxZoneId ? ctx.master.stTaxZones.get(doc.taxZoneId) : undefined;
  if (line.taxable && !zone) return undefined;
  const rate = !line.taxable ? '0' : line.lineType === 'Service' ? zone!.laborRate : zone!.materialRate;
  const category = ctx.master.accounts.get(account)?.taxCategory;
  return vatCodeByRate(ctx.master, rate, sales ? 'Output' : 'Input', line.taxable, partyZone, category);
}

function dimensions(
  doc: SourceDocument,
  line: SourceLine,
  ctx: ResolveContext,
): { subaccount: SegmentValue[]; branch?: string } {
  const buId = line.businessUnitId ?? doc.businessUnitId;
  const rule = buId ? ctx.rules.businessUnitDimensions[buId] : undefined;
  const buName =
    (buId && ctx.master.stBusinessUnits.get(buId)?.name) ||
    (buId === doc.businessUnitId ? doc.businessUnitName : undefined);
  const subaccount: SegmentValue[] = [];
  const segment = costCenterSegment(ctx.master.segments, ctx.settings.costCenterSegmentId);
  const costCenter =
    rule?.costCenter ?? (segment && buName ? segmentValueByName(segment, buName) : undefined);
  if (segment && costCenter) subaccount.push({ segmentId: segment.segmentId, segmentValue: costCenter });
  const typeSegment = ctx.settings.customerTypeSegmentId;
  const customer = doc.kind === 'invoice' ? ctx.master.stCustomers.get(doc.partyId) : undefined;
  const typeValue = customer ? customerSegmentValue(customer, ctx.rules) : undefined;
  if (typeSegment !== null && typeValue && typeSegment !== segment?.segmentId) {
    subaccount.push({ segmentId: typeSegment, segmentValue: typeValue });
  }
  const branch = rule?.branch ?? (buName ? branchByName(ctx.master, buName) : undefined);
  return { subaccount, ...(branch && { branch }) };
}

/** The customer-type segment value: a mapped tag first (lowest tag type id), else the customer type's rule. */
export function customerSegmentValue(
  customer: { type?: string | undefined; tagTypeIds?: readonly string[] | undefined },
  rules: Pick<MappingRules, 'customerTypeSegment' | 'customerTagSegment'>,
): string | undefined {
  const tagged = (customer.tagTypeIds ?? [])
    .filter((id) => rules.customerTagSegment[id])
    .sort((a, b) => Number(a) - Number(b) || a.localeCompare(b))[0];
  if (tagged) return rules.customerTagSegment[tagged]!.segmentValue;
  return customer.type ? rules.customerTypeSegment[customer.type]?.segmentValue : undefined;
}

function lineAmounts(
  line: SourceLine,
  sign: 1 | -1,
): { quantity: string; unitPrice: string; amount: string } {
  const amount = money(line.amount).times(sign);
  const qty = money(line.quantity || '0');
  const price = money(line.unitPrice || '0').times(sign);
  // Quantity and price go to Visma as JSON doubles: only when both arrive unchanged and make the amount exactly.
  if (!qty.isZero() && fitsDouble(qty) && fitsDouble(price) && qty.times(price).equals(amount)) {
    return { quantity: qty.toString(), unitPrice: price.toString(), amount: toCents(amount) };
  }
  return { quantity: '1', unitPrice: amount.toString(), amount: toCents(amount) };
}

/** Collects the audit notes of the texts shortened to fit Visma. */
class TextFitter {
  readonly notes: string[] = [];

  fit(text: string, limit: number, field: string): string {
    const fitted = fitText(text, limit);
    if (fitted.shortenedFrom !== undefined)
      this.notes.push(shortenedNote(field, fitted.shortenedFrom, limit));
    return fitted.text;
  }
}

/** The text on the Visma document: the ServiceTitan number and the job. */
export function documentText(doc: SourceDocument): string {
  const number = visibleText(doc.number);
  const what = doc.kind === 'invoice' ? `ServiceTitan invoice ${number}` : `ServiceTitan bill ${number}`;
  const job = doc.jobNumber ? visibleText(doc.jobNumber) : '';
  return job ? `${what}, job ${job}` : what;
}

/** Room for the document text: a supplier invoice's description also ends with ` (<marker>)` (the adapter). */
function textLimit(doc: SourceDocument, marker: string): number {
  return VISMA_TEXT_LIMITS.documentText - (doc.kind === 'ap-bill' ? ` (${marker})`.length : 0);
}

/** A line's description as Visma gets it: plain text, no control characters (invoice and stock lines are HTML). */
function lineDescription(doc: SourceDocument, line: SourceLine): string {
  return visibleText(line.description, { html: doc.kind === 'invoice' || line.lineType === 'item' });
}

/**
 * Resolves a document with the mapping rules in order (party link, account per line, VAT per line, dimensions)
 * into a planned Visma document. Pure: reads only its arguments.
 */
export function resolveDocument(doc: SourceDocument, ctx: ResolveContext): ResolveResult {
  const problems: Problem[] = [];
  const sales = doc.kind === 'invoice';
  const partyNumber = (sales ? ctx.customerLinks : ctx.supplierLinks).get(doc.partyId);
  if (!partyNumber) {
    problems.push({
      code: sales ? 'customer_missing' : 'vendor_not_linked',
      detail: `${sales ? 'Customer' : 'Vendor'} "${fitText(visibleText(doc.partyName), 80).text}" (ServiceTitan id ${doc.partyId}).`,
    });
  }
  const party = partyNumber
    ? (sales ? ctx.master.customers : ctx.master.suppliers).get(partyNumber)
    : undefined;
  const kind = vismaKindOf(doc);
  const sign = kind === 'customerCreditNote' ? -1 : 1;
  const lines: PlannedLine[] = [];
  const texts = new TextFitter();
  let held = false;
  for (const line of doc.lines) {
    if (money(line.amount).isZero()) continue;
    const found = accountFor(line, doc, ctx);
    const { holding } = found;
    let account = found.account;
    if (!account) {
      problems.push({
        code: 'account_missing',
        detail: `Line "${fitText(lineDescription(doc, line), 80).text}" has ServiceTitan account ${line.glAccountNumber ?? '(none)'} and no rule maps it.`,
      });
      continue;
    }
    held ||= holding;
    const vatCodeId = vatFor(line, doc, account, party?.vatZoneId, ctx);
    account = accountForVatCode(account, vatCodeId, ctx);
    if (!vatCodeId) {
      problems.push({
        code: 'vat_code_missing',
        detail: `Tax zone ${doc.taxZoneName ?? doc.taxZoneId ?? '(none)'}, ${line.taxable ? 'taxable' : 'non-taxable'} line.`,
      });
    }
    const dims = dimensions(doc, line, ctx);
    lines.push({
      ...lineAmounts(line, sign),
      description:
        texts.fit(
          lineDescription(doc, line),
          VISMA_TEXT_LIMITS.lineDescription,
          `description of line ${line.lineId}`,
        ) || '(no description)',
      accountNumber: account,
      subaccount: dims.subaccount,
      ...(vatCodeId && { vatCodeId }),
      ...(dims.branch && { branchNumber: dims.branch }),
      holding,
      sourceLineId: line.lineId,
    });
  }
  if (problems.length === 0 && lines.length === 0) problems.push({ code: 'no_lines' });
  if (problems.length > 0 || !partyNumber) return { ok: false, problems };
  const date = localDate(doc.documentDate, ctx.timeZone);
  const period = periodOfDate(date, ctx.master.periods);
  if (period === null)
    return {
      ok: false,
      problems: [{ code: 'period_missing', detail: `Visma has no financial period that holds ${date}.` }],
    };
  const marker = markerOf(doc.kind, ctx.tenantId, doc.stId);
  const project =
    ctx.settings.useProjects && doc.jobId ? ctx.rules.jobProject[doc.jobId]?.project : undefined;
  const planned: PlannedDocument = {
    kind,
    partyNumber,
    date,
    ...(doc.dueDate && { dueDate: localDate(doc.dueDate, ctx.timeZone) }),
    financialPeriod: period,
    externalReference: marker,
    ...(sales
      ? {
          customerRefNumber: texts.fit(
            visibleText(doc.number),
            VISMA_TEXT_LIMITS.customerRefNumber,
            'customer reference number',
          ),
        }
      : {
          supplierReference: texts.fit(
            visibleText(doc.vendorReference || doc.number),
            VISMA_TEXT_LIMITS.supplierReference,
            'supplier reference',
          ),
        }),
    text: texts.fit(documentText(doc), textLimit(doc, marker), 'document text'),
    ...(lines[0]?.branchNumber && { branchNumber: lines[0].branchNumber }),
    ...(project && { project }),
    ...(party?.vatZoneId && { vatZoneId: party.vatZoneId }),
    hold: held && !ctx.settings.releaseHoldingDocuments,
    // Supplier invoice lines carry the project themselves; customer invoices only on the header.
    lines: project && !sales ? lines.map((l) => ({ ...l, projectId: project })) : lines,
    expected: { amount: toCents(money(doc.total).abs()), vat: toCents(money(doc.tax).abs()) },
  };
  return { ok: true, planned, held, notes: texts.notes };
}
