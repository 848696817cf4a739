import type { ServiceTitanClient, Vendor } from '../../servicetitan';
import { partyFields } from '../alignment/fields';
import type { StVendorRecord } from '../master-data/records';
import type { StVendorInfo } from '../master-data/types';
import type { StPort } from '../ports';
import { collect, type CallGuard } from './calls';
import { numericIds } from './servicetitan-documents';

/** External-data key under which the Visma supplier number is stored on a vendor. */
export const SUPPLIER_KEY = 'visma.supplierNumber';

function vendorRecord(v: Vendor): StVendorRecord {
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

function vendorInfo(v: Vendor): StVendorInfo {
  return {
    id: String(v.id),
    name: v.name,
    active: v.active,
    ...(v.address.street && { street: v.address.street }),
    ...(v.address.city && { city: v.address.city }),
    ...(v.address.zip && { zip: v.address.zip }),
    ...(v.address.country && { country: v.address.country }),
    ...(v.contactInfo.email && { email: v.contactInfo.email }),
    ...(v.contactInfo.phone && { phone: v.contactInfo.phone }),
  };
}

/** The vendor methods of the ServiceTitan port; `applicationGuid` is the connector's external-data GUID. */
export function stVendorCalls(
  client: ServiceTitanClient,
  guard: CallGuard,
  applicationGuid: string,
): Pick<StPort, 'vendorsByIds' | 'vendorRecords' | 'createVendor' | 'updateVendor' | 'linkVendor'> {
  const external = (supplierNumber: string) => ({
    applicationGuid,
    externalData: [{ key: SUPPLIER_KEY, value: supplierNumber }],
  });
  return {
    vendorsByIds: (ids) =>
      guard.read(async () =>
        (await collect(client.vendors.list({ ids: numericIds(ids), active: 'Any' }))).map(vendorInfo),
      ),
    vendorRecords: () =>
      guard.read(async () =>
        (
          await collect(
            client.vendors.list({
              active: 'Any',
              externalDataApplicationGuid: applicationGuid,
              pageSize: 500,
            }),
          )
        ).map(vendorRecord),
      ),
    createVendor: (f, supplierNumber) =>
      guard.write(async () =>
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
      guard.write(async () => {
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
      guard.write(async () => {
        await client.vendors.update(Number(id), {
          externalData: { patchMode: 'Merge', ...external(supplierNumber) },
        });
      }),
  };
}
