import type {
  CompanyState,
  SimAccount,
  SimBranch,
  SimCustomer,
  SimPeriod,
  SimProject,
  SimSegment,
  SimSubaccount,
  SimSupplier,
  SimVatCategory,
  SimVatCode,
  SimVatZone,
} from './model';
import { dateTime } from './clock';

/** `timeStamp` (base64 of the 8-byte row version), as Visma sends it in the DTO and, quoted, as the ETag. */
export function timeStampOf(version: number): string {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64BE(BigInt(version));
  return buf.toString('base64');
}

/** The quoted ETag header value for a row version. */
export function etagOf(version: number): string {
  return `"${timeStampOf(version)}"`;
}

/** AccountDto. */
export function accountDto(a: SimAccount): Record<string, unknown> {
  return {
    accountID: a.accountID,
    accountCD: a.accountCD,
    accountClass: a.type.toUpperCase(),
    type: a.type,
    active: a.active,
    description: a.description,
    useDefaultSub: false,
    postOption: 'Detail',
    currency: 'NOK',
    ...(a.taxCategory ? { taxCategory: a.taxCategory } : {}),
    cashAccount: a.accountCD === '1920',
    lastModifiedDateTime: a.lastModified,
    ...(a.controlAccountModule ? { controlAccountModule: a.controlAccountModule } : {}),
    allowManualEntry: !a.controlAccountModule,
  };
}

/** SubAccountDto. */
export function subaccountDto(s: SimSubaccount, company: CompanyState): Record<string, unknown> {
  return {
    subaccountNumber: s.subaccountNumber,
    subaccountId: s.subaccountId,
    description: s.description,
    lastModifiedDateTime: s.lastModified,
    active: s.active,
    segments: s.segments.map((seg) => {
      const segment = company.segments.find((x) => x.segmentId === seg.segmentId);
      return {
        segmentId: seg.segmentId,
        segmentDescription: segment?.description ?? '',
        segmentValue: seg.segmentValue,
        segmentValueDescription:
          segment?.values.find((v) => v.valueId === seg.segmentValue)?.description ?? '',
      };
    }),
  };
}

/** DtoSegment (with its values). */
export function segmentDto(s: SimSegment): Record<string, unknown> {
  return {
    segmentId: s.segmentId,
    description: s.description,
    length: s.length,
    validate: true,
    isAutoNumber: false,
    segmentValues: s.values.map((v) => ({
      segmentId: s.segmentId,
      valueId: v.valueId,
      description: v.description,
      active: v.active,
    })),
  };
}

/** DtoDimension for SUBACCOUNT. */
export function dimensionDto(company: CompanyState): Record<string, unknown> {
  return {
    id: 'SUBACCOUNT',
    length: company.segments.reduce((n, s) => n + s.length, 0),
    description: 'Subaccount',
    segments: company.segments.map(segmentDto),
  };
}

/** VatZoneDto. */
export function vatZoneDto(z: SimVatZone): Record<string, unknown> {
  return {
    id: z.id,
    description: z.description,
    ...(z.defaultVatCategory ? { defaultVatCategory: z.defaultVatCategory } : {}),
  };
}

/** VatCategoryDto with one line per allowed VAT code. */
export function vatCategoryDto(c: SimVatCategory, company: CompanyState): Record<string, unknown> {
  return {
    vatCategoryId: c.id,
    description: c.description,
    active: c.active,
    excludeListedTaxes: false,
    vatCategoryLines: c.vatIds.flatMap((id) => {
      const code = company.vatCodes.get(id);
      return code
        ? [
            {
              vatId: code.vatId,
              description: code.description,
              type: code.type,
              calculateOn: 'ExtractFromItemAmount',
            },
          ]
        : [];
    }),
  };
}

/**
 * The VAT code's GL accounts (`glAccounts`). The simulator posts a code's VAT to one account whichever side uses it,
 * so that account is both the payable (sales) and the claimable (purchases) account.
 */
function vatGlAccounts(v: SimVatCode, company: CompanyState): Record<string, unknown> {
  const a = company.accounts.get(v.glAccount);
  const ref = a
    ? { type: a.type, active: a.active, number: a.accountCD, description: a.description }
    : { number: v.glAccount };
  return { vatPayableAccount: ref, vatClaimableAccount: ref };
}

/** VatInformationDto: rate in `schedules[0].vatRate`, allowed zones and categories, GL accounts. */
export function vatInformationDto(v: SimVatCode, company: CompanyState): Record<string, unknown> {
  return {
    vatId: v.vatId,
    description: v.description,
    type: v.type,
    deductibleVat: v.groupType === 'Input',
    reverseVat: false,
    statisticalVat: false,
    pendingVat: false,
    includeinVatExemptTotal: v.type === 'ExemptVat',
    includeinVatTotal: v.type !== 'ExemptVat',
    calculateOn: 'ExtractFromItemAmount',
    vismaXmlVatType: v.xmlType,
    ...(v.notValidAfter ? { notValidAfter: v.notValidAfter } : {}),
    glAccounts: vatGlAccounts(v, company),
    schedules: [{ startDate: '2000-01-01T00:00:00', vatRate: Number(v.rate), groupType: v.groupType }],
    categories: [...company.vatCategories.values()]
      .filter((c) => c.vatIds.includes(v.vatId))
      .map((c) => ({ vatCategoryId: c.id, description: c.description, active: c.active })),
    zones: v.zones.flatMap((id) => {
      const zone = company.vatZones.get(id);
      return zone ? [vatZoneDto(zone)] : [];
    }),
  };
}

/** BranchDto. */
export function branchDto(b: SimBranch, company: CompanyState): Record<string, unknown> {
  const zone = b.vatZone ? company.vatZones.get(b.vatZone) : undefined;
  return {
    branchId: b.branchId,
    number: b.number,
    name: b.name,
    isMainBranch: b.isMainBranch,
    isActive: true,
    ...(zone ? { vatZone: { id: zone.id, description: zone.description } } : {}),
    currency: { id: company.baseCurrency, description: 'Norske kroner', symbol: 'kr' },
  };
}

/** FinancialPeriodDto. */
export function periodDto(p: SimPeriod): Record<string, unknown> {
  return {
    year: p.year,
    period: p.period,
    startDate: dateTime(p.startDate),
    endDate: dateTime(p.endDate),
    description: `${p.period.slice(4)}-${p.year}`,
    active: true,
    closedInSupplierLedger: p.closedInSupplierLedger,
    closedInCustomerLedger: p.closedInCustomerLedger,
    closedInInventoryManagement: false,
    closedInGeneralLedger: p.closedInGeneralLedger,
    closedInCashManagement: false,
    closedInFixedAssets: false,
  };
}

/** ProjectDto. */
export function projectDto(p: SimProject, company: CompanyState): Record<string, unknown> {
  const customer = p.customerNumber ? company.customers.get(p.customerNumber) : undefined;
  return {
    internalID: p.internalID,
    projectID: p.projectID,
    description: p.description,
    status: p.status,
    hold: false,
    ...(customer ? { customer: { number: customer.number, name: customer.name } } : {}),
    visibility: { visibleInGl: true, visibleInAp: true, visibleInAr: true },
    systemTemplate: false,
    lastModifiedDateTime: p.lastModified,
  };
}

function address(p: SimCustomer | SimSupplier): Record<string, unknown> {
  return {
    ...(p.addressLine1 ? { addressLine1: p.addressLine1 } : {}),
    ...(p.postalCode ? { postalCode: p.postalCode } : {}),
    ...(p.city ? { city: p.city } : {}),
    ...(p.countryId ? { country: { id: p.countryId, name: p.countryId } } : {}),
  };
}

function contact(p: SimCustomer | SimSupplier): Record<string, unknown> {
  return { name: p.name, ...(p.email ? { email: p.email } : {}), ...(p.phone ? { phone1: p.phone } : {}) };
}

/** CustomerDto. */
export function customerDto(c: SimCustomer, company: CompanyState): Record<string, unknown> {
  const zone = company.vatZones.get(c.vatZoneId);
  return {
    internalId: c.internalId,
    number: c.number,
    name: c.name,
    status: c.status,
    mainAddress: address(c),
    mainContact: contact(c),
    currencyId: c.currencyId,
    ...(c.corporateId ? { corporateId: c.corporateId } : {}),
    ...(c.vatRegistrationId ? { vatRegistrationId: c.vatRegistrationId } : {}),
    ...(zone ? { vatZone: vatZoneDto(zone) } : {}),
    lastModifiedDateTime: c.lastModified,
    createdDateTime: c.created,
  };
}

/** SupplierDto, with `timeStamp` for If-Match. */
export function supplierDto(s: SimSupplier, company: CompanyState): Record<string, unknown> {
  const zone = company.vatZones.get(s.vatZoneId);
  return {
    internalId: s.internalId,
    number: s.number,
    name: s.name,
    status: s.status,
    mainAddress: address(s),
    mainContact: contact(s),
    currencyId: s.currencyId,
    ...(s.corporateId ? { corporateId: s.corporateId } : {}),
    ...(s.vatRegistrationId ? { vatRegistrationId: s.vatRegistrationId } : {}),
    ...(zone ? { vatZone: vatZoneDto(zone) } : {}),
    lastModifiedDateTime: s.lastModified,
    timeStamp: timeStampOf(s.version),
  };
}
