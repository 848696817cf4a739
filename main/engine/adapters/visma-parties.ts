import type { Customer, PartyInput, Supplier, VismaClient } from '../../visma';
import { partyFields, type PartyFields } from '../alignment/fields';
import type { VismaPartyRecord } from '../master-data/records';
import type { StCustomerInfo, StVendorInfo, VParty } from '../master-data/types';
import type { VismaPartyRecordPort, VismaPort, WriteOutcome } from '../ports';
import type { CallGuard } from './calls';

function partyRecord(p: Customer | Supplier): VismaPartyRecord {
  return {
    number: p.number,
    fields: partyFields({
      name: p.name,
      active: p.status !== 'Inactive',
      street: p.addressLine1,
      zip: p.postalCode,
      city: p.city,
      country: p.countryId,
      email: p.email,
      phone: p.phone,
    }),
    modifiedOn: p.lastModifiedDateTime,
    vatZoneId: p.vatZoneId,
  };
}

/** Visma update fields for changed party fields (only what changed; status only when active/inactive changed). */
export function partyPatch(changes: Partial<PartyFields>): Partial<PartyInput> {
  return {
    ...(changes.name !== undefined && { name: changes.name }),
    ...(changes.active !== undefined && { status: changes.active === 'active' ? 'Active' : 'Inactive' }),
    ...(changes.street !== undefined && { addressLine1: changes.street }),
    ...(changes.zip !== undefined && { postalCode: changes.zip }),
    ...(changes.city !== undefined && { city: changes.city }),
    ...(changes.country !== undefined && { countryId: changes.country }),
    ...(changes.email !== undefined && { email: changes.email }),
    ...(changes.phone !== undefined && { phone: changes.phone }),
  };
}

function newParty(f: PartyFields, vatZoneId: string | undefined, customerClassId?: string): PartyInput {
  const patch = partyPatch(Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '')));
  return {
    ...patch,
    name: f.name,
    status: f.active === 'active' ? 'Active' : 'Inactive',
    ...(vatZoneId && { vatZoneId }),
    ...(customerClassId && { customerClassId }),
  };
}

/** The customer and supplier records of master-data alignment (mapped fields, ETag updates). */
export function vismaPartyRecordCalls(client: VismaClient, guard: CallGuard): VismaPartyRecordPort {
  return {
    supplierRecords: () => guard.read(async () => (await client.listSuppliers()).map(partyRecord)),
    createSupplierRecord: (f, vatZoneId) => guard.write(() => client.createSupplier(newParty(f, vatZoneId))),
    updateSupplier: (number, change) =>
      guard.write(() =>
        client.updateSupplier(number, (current) => {
          const changes = change(partyRecord(current));
          return changes && Object.keys(changes).length > 0 ? partyPatch(changes) : null;
        }),
      ),
    customerRecords: () => guard.read(async () => (await client.listCustomers()).map(partyRecord)),
    createCustomerRecord: (c) =>
      guard.write(() => client.createCustomer(newParty(c.fields, c.vatZoneId, c.customerClassId))),
    updateCustomer: (number, changes) =>
      guard.write(() => client.updateCustomer(number, partyPatch(changes))),
  };
}

/**
 * The parties the sync pipeline creates for its documents; `newPartyVatZone` is their VAT zone (the first zone Visma
 * lists when absent).
 */
export function vismaPipelinePartyCalls(
  client: VismaClient,
  guard: CallGuard,
  newPartyVatZone: string | null | undefined,
): Pick<VismaPort, 'createCustomer' | 'createSupplier'> {
  let defaultZone: Promise<string | undefined> | undefined;
  const zoneForNewParty = () => {
    if (newPartyVatZone) return Promise.resolve(newPartyVatZone);
    defaultZone ??= guard.read(async () => (await client.listVatZones()).map((z) => z.id).sort()[0]);
    return defaultZone;
  };
  const createParty = async (
    info: StCustomerInfo | StVendorInfo,
    create: VismaClient['createCustomer'],
  ): Promise<WriteOutcome<VParty>> => {
    const vatZoneId = await zoneForNewParty();
    return guard.outcome(async () => {
      const number = await create({
        name: info.name,
        status: 'Active',
        ...(vatZoneId && { vatZoneId }),
        ...(info.street && { addressLine1: info.street }),
        ...(info.zip && { postalCode: info.zip }),
        ...(info.city && { city: info.city }),
        ...(info.country && { countryId: info.country }),
      });
      return { number, name: info.name, active: true, ...(vatZoneId && { vatZoneId }) };
    });
  };
  return {
    createCustomer: (c) => createParty(c, (input) => client.createCustomer(input)),
    createSupplier: (v) => createParty(v, (input) => client.createSupplier(input)),
  };
}
