import type { Customer, Supplier, VismaClient } from '../../visma';
import type { PartyInput } from '../../visma';
import { vismaPort } from '../adapters/visma';
import { partyFields, type PartyFields } from './fields';
import { guardVisma } from './fatal';
import type { AlignVismaParty, AlignVismaPort } from './ports';

function partyOf(p: Customer | Supplier): AlignVismaParty {
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

/** The alignment port over the real Visma client (VAT zones, segments and branches through the engine's port). */
export function alignVismaPort(client: VismaClient): AlignVismaPort {
  const engine = vismaPort(client);
  return {
    suppliers: () => guardVisma(async () => (await client.listSuppliers()).map(partyOf)),
    createSupplier: (f, vatZoneId) => guardVisma(() => client.createSupplier(newParty(f, vatZoneId))),
    updateSupplier: (number, change) =>
      guardVisma(() =>
        client.updateSupplier(number, (current) => {
          const changes = change(partyOf(current));
          return changes && Object.keys(changes).length > 0 ? partyPatch(changes) : null;
        }),
      ),
    customers: () => guardVisma(async () => (await client.listCustomers()).map(partyOf)),
    createCustomer: (c) =>
      guardVisma(() => client.createCustomer(newParty(c.fields, c.vatZoneId, c.customerClassId))),
    updateCustomer: (number, changes) => guardVisma(() => client.updateCustomer(number, partyPatch(changes))),
    vatCodes: () =>
      guardVisma(async () =>
        (await client.listVatCodes()).map((c) => ({
          vatId: c.vatId,
          description: c.description,
          rate: c.rate ?? '0',
          ...((c.groupType === 'Output' || c.groupType === 'Input') && { direction: c.groupType }),
          exempt: c.type === 'ExemptVat',
          zones: c.zoneIds,
          ...(c.notValidAfter && { notValidAfter: c.notValidAfter }),
        })),
      ),
    vatZones: () => engine.vatZones(),
    segments: () => engine.segments(),
    branches: () => engine.branches(),
  };
}
