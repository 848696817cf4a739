import type { Customer, CustomerContact, ServiceTitanClient, Vendor } from '../../servicetitan';
import { serviceTitanPort } from '../adapters/servicetitan';
import { partyFields } from './fields';
import { primaryEmails, type AlignContact } from './contacts';
import { guardSt } from './fatal';
import type { AlignStCustomer, AlignStPort, AlignVendor } from './ports';

/** External-data key under which the Visma supplier number is stored on a vendor. */
export const SUPPLIER_KEY = 'visma.supplierNumber';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function vendorOf(v: Vendor): AlignVendor {
  return {
    id: String(v.id),
    fields: partyFields({
      name: v.name,
      active: v.active,
      street: v.address.street,
      zip: v.address.zip,
      city: v.address.city,
      country: v.address.country,
      email: v.contactInfo.email,
      phone: v.contactInfo.phone,
    }),
    modifiedOn: v.modifiedOn,
    linkedSupplier: v.externalData.find((p) => p.key === SUPPLIER_KEY)?.value,
  };
}

function customerOf(c: Customer): AlignStCustomer {
  return {
    id: String(c.id),
    type: c.type,
    tagTypeIds: (c.tagTypeIds ?? []).map(String),
    modifiedOn: c.modifiedOn,
    fields: partyFields({
      name: c.name,
      active: c.active,
      street: c.address.street,
      zip: c.address.zip,
      city: c.address.city,
      country: c.address.country,
    }),
  };
}

const contactOf = (c: CustomerContact): AlignContact => ({
  id: c.id,
  customerId: c.customerId,
  type: c.type,
  value: c.value,
  invoices: c.preferences?.invoiceNotification === true,
});

/** The alignment port over the real ServiceTitan client; `applicationGuid` is the connector's external-data GUID. */
export function alignStPort(client: ServiceTitanClient, applicationGuid: string): AlignStPort {
  const engine = serviceTitanPort(client);
  const external = (supplierNumber: string) => ({
    applicationGuid,
    externalData: [{ key: SUPPLIER_KEY, value: supplierNumber }],
  });
  return {
    vendors: () =>
      guardSt(async () =>
        (
          await collect(
            client.vendors.list({
              active: 'Any',
              externalDataApplicationGuid: applicationGuid,
              pageSize: 500,
            }),
          )
        ).map(vendorOf),
      ),
    createVendor: (f, supplierNumber) =>
      guardSt(async () =>
        String(
          await client.vendors.create({
            name: f.name,
            active: f.active === 'active',
            isTruckReplenishment: false,
            restrictedMobileCreation: false,
            taxRate: 0,
            ...(f.phone && { phone: f.phone }),
            ...(f.email && { email: f.email }),
            address: { street: f.street, unit: '', city: f.city, state: '', zip: f.zip, country: f.country },
            externalData: external(supplierNumber),
          }),
        ),
      ),
    updateVendor: (id, changes, current) =>
      guardSt(async () => {
        const next = { ...current, ...changes };
        const addressChanged = ['street', 'zip', 'city', 'country'].some((k) => k in changes);
        const raw = addressChanged ? (await client.vendors.get(Number(id))).address : undefined;
        await client.vendors.update(Number(id), {
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.active !== undefined && { active: changes.active === 'active' }),
          ...(changes.phone !== undefined && { phone: changes.phone }),
          ...(changes.email !== undefined && { email: changes.email }),
          ...(raw && {
            address: {
              street: next.street,
              unit: raw.unit ?? '',
              city: next.city,
              state: raw.state ?? '',
              zip: next.zip,
              country: next.country,
            },
          }),
        });
      }),
    linkVendor: (id, supplierNumber) =>
      guardSt(async () => {
        await client.vendors.update(Number(id), {
          externalData: { patchMode: 'Merge', ...external(supplierNumber) },
        });
      }),
    customers: (since) =>
      guardSt(async () =>
        (
          await collect(
            client.customers({ active: 'Any', pageSize: 500, ...(since && { modifiedOnOrAfter: since }) }),
          )
        ).map(customerOf),
      ),
    customersByIds: (ids) =>
      guardSt(async () =>
        (await collect(client.customers({ ids: ids.map(Number), active: 'Any' }))).map(customerOf),
      ),
    customerEmails: (customerIds) =>
      guardSt(async () =>
        customerIds.length === 0
          ? new Map<string, string>()
          : primaryEmails(
              (await collect(client.customerContacts({ customerIds: customerIds.map(Number) }))).map(
                contactOf,
              ),
            ),
      ),
    customersWithChangedContacts: (since) =>
      guardSt(async () => [
        ...new Set(
          (await collect(client.customerContacts({ modifiedOnOrAfter: since }))).map((c) =>
            String(c.customerId),
          ),
        ),
      ]),
    tagTypes: () =>
      guardSt(async () =>
        (await collect(client.tagTypes({ active: 'Any' }))).map((t) => ({
          id: String(t.id),
          name: t.name,
          active: t.active,
        })),
      ),
    customerTaxZone: (customerId) =>
      guardSt(async () => {
        const locations = await collect(client.locations({ customerId: Number(customerId), active: 'Any' }));
        const first = locations.find((l) => l.active && l.taxZoneId) ?? locations.find((l) => l.taxZoneId);
        return first?.taxZoneId ? String(first.taxZoneId) : undefined;
      }),
    taxZones: () => engine.taxZones(),
    businessUnits: () => engine.businessUnits(),
  };
}
