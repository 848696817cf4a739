import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { OpenApiValidator } from '../common/openapi-validator';
import type { CompanyIdentity, CompanyState, FiscalCalendar, SimSegment, SimVatCode } from './model';
import type { CompanySetup } from './seed';
import { seedCompany } from './seed';
import { assertTimeZone, localTimestamp } from './clock';
import { calendarFrom } from './calendar';

const Identity = z.object({
  name: z.string().min(1),
  tenantId: z.string().min(1),
  customerTenantId: z.string().min(1).optional(),
  companyId: z.string().min(1),
  clientId: z.string().min(1),
  clientSecret: z.string().min(4),
});

/** Sections of a fixture company: arrays of the official read DTOs. */
const sections = {
  accounts: 'AccountDto',
  subaccounts: 'SubAccountDto',
  vatZones: 'VatZoneDto',
  vatCategories: 'VatCategoryDto',
  vatCodes: 'VatInformationDto',
  branches: 'BranchDto',
  financialPeriods: 'FinancialPeriodDto',
  projects: 'ProjectDto',
  customers: 'CustomerDto',
  suppliers: 'SupplierDto',
} as const;
type Section = keyof typeof sections;

/** Where the company lives in time (both optional; the simulator's options are the default). */
const Setup = z.object({
  timeZone: z.string().min(1).optional(),
  calendar: z
    .object({
      startMonth: z.number().int().min(1).max(12).optional(),
      adjustmentPeriod: z.boolean().optional(),
      belongsToNextYear: z.boolean().optional(),
    })
    .optional(),
});

const FixtureFile = z.object({
  companies: z.array(z.looseObject({ ...Identity.shape, ...Setup.shape })).min(1),
});

/**
 * Reads a `--fixture` file: companies in the official DTO shapes; sections left out keep the Nordic seed. A company's
 * `timeZone` and `calendar` override `defaults`.
 */
export function loadFixture(
  file: string,
  validator: OpenApiValidator,
  today: Date,
  defaults: CompanySetup,
): CompanyState[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `The Visma fixture ${file} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const parsed = FixtureFile.safeParse(raw);
  if (!parsed.success)
    throw new Error(`The Visma fixture ${file} is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data.companies.map((entry, i) => {
    const identity: CompanyIdentity = {
      customerTenantId: `${entry.tenantId}-customer`,
      ...Identity.parse(entry),
    };
    const timeZone = entry.timeZone ?? defaults.timeZone;
    assertTimeZone(timeZone);
    const calendar: FiscalCalendar = entry.calendar
      ? calendarFrom({ ...defaults.calendar, ...definedOnly(entry.calendar) })
      : defaults.calendar;
    const company = seedCompany(identity, i === 0 ? 'A' : 'B', today, { timeZone, calendar });
    for (const section of Object.keys(sections) as Section[]) {
      const items = (entry as Record<string, unknown>)[section];
      if (items === undefined) continue;
      if (!Array.isArray(items))
        throw new Error(`Fixture company ${identity.name}: '${section}' must be a list.`);
      items.forEach((item, n) => {
        const problems = validator.validateComponent('visma', sections[section], item);
        if (problems.length)
          throw new Error(`Fixture company ${identity.name}, ${section}[${n}]: ${problems.join('; ')}`);
      });
      apply(company, section, items as Record<string, unknown>[]);
    }
    return company;
  });
}

const Ref = z.object({ id: z.string().optional(), number: z.string().optional() }).optional();

function definedOnly<T extends object>(value: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return strip(value);
}

function apply(company: CompanyState, section: Section, items: Record<string, unknown>[]): void {
  const now = localTimestamp(company.timeZone);
  const need = <T>(schema: z.ZodType<T>, item: unknown): T => {
    const r = schema.safeParse(item);
    if (!r.success) throw new Error(`Fixture ${section}: ${z.prettifyError(r.error)}`);
    return r.data;
  };
  const next = (): number => company.series.internalId++;
  switch (section) {
    case 'accounts':
      company.accounts.clear();
      for (const a of items.map((i) =>
        need(
          z.object({
            accountCD: z.string(),
            description: z.string().default(''),
            type: z.enum(['Asset', 'Liability', 'Income', 'Expense']).default('Expense'),
            active: z.boolean().default(true),
            taxCategory: z.string().optional(),
            controlAccountModule: z.string().optional(),
          }),
          i,
        ),
      )) {
        company.accounts.set(a.accountCD, { accountID: next(), lastModified: now, ...strip(a) });
      }
      return;
    case 'subaccounts': {
      company.subaccounts.clear();
      const segments = new Map<number, SimSegment>();
      for (const s of items.map((i) =>
        need(
          z.object({
            subaccountNumber: z.string(),
            description: z.string().default(''),
            active: z.boolean().default(true),
            segments: z
              .array(
                z.object({
                  segmentId: z.number(),
                  segmentValue: z.string(),
                  segmentDescription: z.string().default(''),
                  segmentValueDescription: z.string().default(''),
                }),
              )
              .default([]),
          }),
          i,
        ),
      )) {
        company.subaccounts.set(s.subaccountNumber, {
          subaccountId: next(),
          subaccountNumber: s.subaccountNumber,
          description: s.description,
          active: s.active,
          segments: s.segments.map(({ segmentId, segmentValue }) => ({ segmentId, segmentValue })),
          lastModified: now,
        });
        for (const seg of s.segments) {
          const segment = segments.get(seg.segmentId) ?? {
            segmentId: seg.segmentId,
            description: seg.segmentDescription,
            length: seg.segmentValue.length,
            values: [],
          };
          if (!segment.values.some((v) => v.valueId === seg.segmentValue))
            segment.values.push({
              valueId: seg.segmentValue,
              description: seg.segmentValueDescription,
              active: true,
            });
          segments.set(seg.segmentId, segment);
        }
      }
      company.segments = [...segments.values()].sort((x, y) => x.segmentId - y.segmentId);
      return;
    }
    case 'vatZones':
      company.vatZones.clear();
      for (const z0 of items.map((i) =>
        need(
          z.object({
            id: z.string(),
            description: z.string().default(''),
            defaultVatCategory: z.string().optional(),
          }),
          i,
        ),
      ))
        company.vatZones.set(z0.id, strip(z0));
      return;
    case 'vatCategories':
      company.vatCategories.clear();
      for (const c of items.map((i) =>
        need(
          z.object({
            vatCategoryId: z.string(),
            description: z.string().default(''),
            active: z.boolean().default(true),
            vatCategoryLines: z.array(z.object({ vatId: z.string() })).default([]),
          }),
          i,
        ),
      )) {
        company.vatCategories.set(c.vatCategoryId, {
          id: c.vatCategoryId,
          description: c.description,
          active: c.active,
          vatIds: c.vatCategoryLines.map((l) => l.vatId),
        });
      }
      return;
    case 'vatCodes':
      company.vatCodes.clear();
      for (const v of items.map((i) =>
        need(
          z.object({
            vatId: z.string(),
            description: z.string().default(''),
            type: z.string().default('Vat'),
            vismaXmlVatType: z.string().optional(),
            schedules: z
              .array(
                z.object({
                  vatRate: z.number().default(0),
                  groupType: z.enum(['Output', 'Input']).default('Output'),
                }),
              )
              .default([]),
            zones: z.array(z.object({ id: z.string() })).default([]),
          }),
          i,
        ),
      )) {
        const schedule = v.schedules[0] ?? { vatRate: 0, groupType: 'Output' as const };
        company.vatCodes.set(v.vatId, {
          vatId: v.vatId,
          description: v.description,
          type: v.type === 'ExemptVat' ? 'ExemptVat' : 'Vat',
          rate: String(schedule.vatRate),
          groupType: schedule.groupType,
          zones: v.zones.map((z1) => z1.id),
          glAccount: schedule.groupType === 'Input' ? '2710' : '2700',
          xmlType: (v.vismaXmlVatType as SimVatCode['xmlType'] | undefined) ?? 'VatTypeHigh',
        });
      }
      return;
    case 'branches':
      company.branches.clear();
      for (const b of items.map((i) =>
        need(
          z.object({
            number: z.string(),
            name: z.string().default(''),
            isMainBranch: z.boolean().default(false),
            vatZone: Ref,
          }),
          i,
        ),
      )) {
        company.branches.set(b.number, {
          branchId: next(),
          number: b.number,
          name: b.name,
          isMainBranch: b.isMainBranch,
          ...(b.vatZone?.id ? { vatZone: b.vatZone.id } : {}),
        });
      }
      return;
    case 'financialPeriods':
      company.periods.clear();
      for (const p of items.map((i) =>
        need(
          z.object({
            period: z.string().regex(/^\d{6}$/),
            year: z.number(),
            startDate: z.string(),
            endDate: z.string(),
            description: z.string().optional(),
            closedInCustomerLedger: z.boolean().default(false),
            closedInSupplierLedger: z.boolean().default(false),
            closedInGeneralLedger: z.boolean().default(false),
          }),
          i,
        ),
      )) {
        const startDate = p.startDate.slice(0, 10);
        const endDate = p.endDate.slice(0, 10);
        company.periods.set(p.period, {
          ...p,
          startDate,
          endDate,
          description: p.description ?? p.period,
          // The year-end adjustment period has no days of its own (see README).
          adjustment: p.period.endsWith('13') || startDate === endDate,
        });
      }
      company.closedPeriod =
        [...company.periods.values()].find((p) => p.closedInCustomerLedger)?.period ?? '';
      return;
    case 'projects':
      company.projects.clear();
      for (const p of items.map((i) =>
        need(
          z.object({
            projectID: z.string(),
            description: z.string().default(''),
            status: z.enum(['Planned', 'Active', 'Completed', 'Cancelled', 'OnHold']).default('Active'),
            customer: Ref,
          }),
          i,
        ),
      )) {
        company.projects.set(p.projectID, {
          internalID: next(),
          projectID: p.projectID,
          description: p.description,
          status: p.status,
          ...(p.customer?.number ? { customerNumber: p.customer.number } : {}),
          lastModified: now,
        });
      }
      return;
    case 'customers':
      company.customers.clear();
      for (const c of items.map((i) =>
        need(
          z.object({
            number: z.string(),
            name: z.string(),
            status: z.enum(['Active', 'OnHold', 'CreditHold', 'Inactive', 'OneTime']).default('Active'),
            vatZone: Ref,
            currencyId: z.string().optional(),
            corporateId: z.string().optional(),
            vatRegistrationId: z.string().optional(),
          }),
          i,
        ),
      )) {
        company.customers.set(c.number, {
          internalId: next(),
          number: c.number,
          name: c.name,
          status: c.status,
          vatZoneId: c.vatZone?.id ?? '01',
          currencyId: c.currencyId ?? company.baseCurrency,
          ...optional(c),
          created: now,
          lastModified: now,
        });
      }
      return;
    case 'suppliers':
      company.suppliers.clear();
      for (const s of items.map((i) =>
        need(
          z.object({
            number: z.string(),
            name: z.string(),
            status: z.enum(['Active', 'OnHold', 'HoldPayments', 'Inactive', 'OneTime']).default('Active'),
            vatZone: Ref,
            currencyId: z.string().optional(),
            corporateId: z.string().optional(),
            vatRegistrationId: z.string().optional(),
          }),
          i,
        ),
      )) {
        company.suppliers.set(s.number, {
          internalId: next(),
          number: s.number,
          name: s.name,
          status: s.status,
          vatZoneId: s.vatZone?.id ?? '01',
          currencyId: s.currencyId ?? company.baseCurrency,
          ...optional(s),
          version: ++company.series.rowVersion,
          lastModified: now,
        });
      }
      return;
  }
}

function optional(p: { corporateId?: string | undefined; vatRegistrationId?: string | undefined }): {
  corporateId?: string;
  vatRegistrationId?: string;
} {
  return {
    ...(p.corporateId ? { corporateId: p.corporateId } : {}),
    ...(p.vatRegistrationId ? { vatRegistrationId: p.vatRegistrationId } : {}),
  };
}

/** Drops keys whose value is undefined (exactOptionalPropertyTypes-friendly). */
function strip<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
