import type { HandlerContext, HandlerTable } from '../context';
import { created, dateFilter, paged } from '../context';
import type { CompanyState, SimCustomer, SimPartyDetails, SimSupplier } from '../model';
import { nextVersion } from '../model';
import { vismaError, notFound, SimFault } from '../errors';
import { customerDto, etagOf, supplierDto } from '../dto-master';
import { record, str } from '../unwrap';
import { nowIn } from '../model';

const customerStatuses = ['Active', 'OnHold', 'CreditHold', 'Inactive', 'OneTime'] as const;
const supplierStatuses = ['Active', 'OnHold', 'HoldPayments', 'Inactive', 'OneTime'] as const;

/** Reads address/contact/registration fields from a Customer/SupplierUpdateDto into `target`. */
function applyDetails(target: SimPartyDetails, b: Record<string, unknown>): void {
  const address = record(record(b.mainAddress).value);
  const contact = record(record(b.mainContact).value);
  const pairs: [keyof SimPartyDetails, string | undefined][] = [
    ['addressLine1', str(address.addressLine1)],
    ['postalCode', str(address.postalCode)],
    ['city', str(address.city)],
    ['countryId', str(address.countryId)],
    ['email', str(contact.email)],
    ['phone', str(contact.phone1)],
    ['corporateId', str(b.corporateId)],
    ['vatRegistrationId', str(b.vatRegistrationId)],
  ];
  for (const [key, value] of pairs) if (value !== undefined) target[key] = value;
}

function checkZone(company: CompanyState, zone: string | undefined, what: string): void {
  if (zone !== undefined && !company.vatZones.has(zone))
    throw vismaError(`Error ${what}. Error: VAT zone '${zone}' cannot be found in the system.`);
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

function listFilter(
  ctx: HandlerContext,
): (p: { name: string; status: string; lastModified: string }) => boolean {
  const q = ctx.req.url.searchParams;
  const name = q.get('name');
  const status = q.get('status');
  const modified = dateFilter(ctx, 'lastModifiedDateTime');
  return (p) =>
    (name === null || p.name.toLowerCase().includes(name.toLowerCase())) &&
    (status === null || p.status === status) &&
    modified(p.lastModified);
}

/** Compares `If-Match` with the current row version; a mismatch is Visma's 412. */
function checkIfMatch(ctx: HandlerContext, version: number, what: string): void {
  const header = ctx.req.headers['if-match'];
  if (typeof header !== 'string' || header.trim() === '' || header.trim() === '*') return;
  const wanted = header.trim().replace(/^W\//, '');
  if (wanted !== etagOf(version) && wanted !== etagOf(version).slice(1, -1)) {
    throw new SimFault({
      status: 412,
      body: { message: `${what} version does not match with If-Match header` },
    });
  }
}

/** Customers and suppliers (suppliers carry an ETag and honour If-Match). */
export const partyHandlers: HandlerTable = {
  Customer_GetAll(ctx) {
    const created = dateFilter(ctx, 'createdDateTime');
    const keep = listFilter(ctx);
    const list = [...ctx.company.customers.values()].filter((c) => keep(c) && created(c.created));
    return paged(
      ctx,
      list.map((c) => customerDto(c, ctx.company)),
    );
  },
  Customer_GetBycustomerCd(ctx) {
    const c = ctx.company.customers.get(ctx.params.customerCd ?? '');
    if (!c) throw notFound(`Customer '${ctx.params.customerCd}'`);
    return { status: 200, body: customerDto(c, ctx.company) };
  },
  Customer_Post(ctx) {
    const b = record(ctx.req.body);
    const name = str(b.name);
    if (!name) throw vismaError("Error creating customer. Error: 'Customer Name' cannot be empty.");
    const company = ctx.company;
    const number = str(b.number) ?? String(++company.series.customer);
    if (company.customers.has(number))
      throw vismaError(`Error creating customer. Error: Customer '${number}' already exists.`);
    const vatZoneId = str(b.vatZoneId) ?? '01';
    checkZone(company, vatZoneId, 'creating customer');
    const now = nowIn(ctx.company);
    const customer: SimCustomer = {
      internalId: company.series.internalId++,
      number,
      name,
      status: pick(str(b.status), customerStatuses) ?? 'Active',
      vatZoneId,
      currencyId: str(b.currencyId) ?? company.baseCurrency,
      created: now,
      lastModified: now,
    };
    applyDetails(customer, b);
    company.customers.set(number, customer);
    return created(ctx, '/v1/customer', number);
  },
  Customer_PutBycustomerCd(ctx) {
    const c = ctx.company.customers.get(ctx.params.customerCd ?? '');
    if (!c) throw notFound(`Customer '${ctx.params.customerCd}'`);
    const b = record(ctx.req.body);
    checkZone(ctx.company, str(b.vatZoneId), 'updating customer');
    c.name = str(b.name) ?? c.name;
    c.status = pick(str(b.status), customerStatuses) ?? c.status;
    c.vatZoneId = str(b.vatZoneId) ?? c.vatZoneId;
    c.currencyId = str(b.currencyId) ?? c.currencyId;
    applyDetails(c, b);
    c.lastModified = nowIn(ctx.company);
    return { status: 204 };
  },
  Supplier_GetAll(ctx) {
    const keep = listFilter(ctx);
    const list = [...ctx.company.suppliers.values()].filter(keep);
    return paged(
      ctx,
      list.map((s) => supplierDto(s, ctx.company)),
    );
  },
  Supplier_GetBysupplierCd(ctx) {
    const s = ctx.company.suppliers.get(ctx.params.supplierCd ?? '');
    if (!s) throw notFound(`Supplier '${ctx.params.supplierCd}'`);
    return { status: 200, headers: { etag: etagOf(s.version) }, body: supplierDto(s, ctx.company) };
  },
  Supplier_Post(ctx) {
    const b = record(ctx.req.body);
    const name = str(b.name);
    if (!name) throw vismaError("Error creating supplier. Error: 'Supplier Name' cannot be empty.");
    const company = ctx.company;
    const number = str(b.number) ?? String(++company.series.supplier);
    if (company.suppliers.has(number))
      throw vismaError(`Error creating supplier. Error: Supplier '${number}' already exists.`);
    const vatZoneId = str(b.vatZoneId) ?? '01';
    checkZone(company, vatZoneId, 'creating supplier');
    const supplier: SimSupplier = {
      internalId: company.series.internalId++,
      number,
      name,
      status: pick(str(b.status), supplierStatuses) ?? 'Active',
      vatZoneId,
      currencyId: str(b.currencyId) ?? company.baseCurrency,
      version: nextVersion(company),
      lastModified: nowIn(ctx.company),
    };
    applyDetails(supplier, b);
    company.suppliers.set(number, supplier);
    return created(ctx, '/v1/supplier', number, { etag: etagOf(supplier.version) });
  },
  Supplier_PutBysupplierCd(ctx) {
    const s = ctx.company.suppliers.get(ctx.params.supplierCd ?? '');
    if (!s) throw notFound(`Supplier '${ctx.params.supplierCd}'`);
    checkIfMatch(ctx, s.version, 'Supplier');
    const b = record(ctx.req.body);
    checkZone(ctx.company, str(b.vatZoneId), 'updating supplier');
    s.name = str(b.name) ?? s.name;
    s.status = pick(str(b.status), supplierStatuses) ?? s.status;
    s.vatZoneId = str(b.vatZoneId) ?? s.vatZoneId;
    s.currencyId = str(b.currencyId) ?? s.currencyId;
    applyDetails(s, b);
    s.version = nextVersion(ctx.company);
    s.lastModified = nowIn(ctx.company);
    return { status: 204, headers: { etag: etagOf(s.version) } };
  },
};

export { checkIfMatch };
