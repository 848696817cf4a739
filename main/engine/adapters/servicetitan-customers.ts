import type { Customer, CustomerContact, ServiceTitanClient } from '../../servicetitan';
import { primaryEmails, type AlignContact } from '../alignment/contacts';
import { partyFields } from '../alignment/fields';
import type { StCustomerRecord } from '../master-data/records';
import type { StCustomerInfo } from '../master-data/types';
import type { StPort } from '../ports';
import { collect, type CallGuard } from './calls';
import { numericIds } from './servicetitan-documents';

function customerInfo(c: Customer): StCustomerInfo {
  return {
    id: String(c.id),
    name: c.name,
    type: c.type,
    ...(c.tagTypeIds && c.tagTypeIds.length > 0 && { tagTypeIds: c.tagTypeIds.map(String) }),
    active: c.active,
    street: c.address.street,
    city: c.address.city,
    zip: c.address.zip,
    country: c.address.country,
  };
}

function customerRecord(c: Customer): StCustomerRecord {
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

/** The customer methods of the ServiceTitan port: customers, their contacts, tags and tax zones. */
export function stCustomerCalls(
  client: ServiceTitanClient,
  guard: CallGuard,
): Pick<
  StPort,
  | 'customersByIds'
  | 'customerRecords'
  | 'customerRecordsByIds'
  | 'customerEmails'
  | 'customersWithChangedContacts'
  | 'tagTypes'
  | 'customerTaxZone'
> {
  const byIds = (ids: string[]) => collect(client.customers({ ids: numericIds(ids), active: 'Any' }));
  return {
    customersByIds: (ids) => guard.read(async () => (await byIds(ids)).map(customerInfo)),
    customerRecords: (since) =>
      guard.read(async () =>
        (
          await collect(
            client.customers({ active: 'Any', pageSize: 500, ...(since && { modifiedOnOrAfter: since }) }),
          )
        ).map(customerRecord),
      ),
    customerRecordsByIds: (ids) => guard.read(async () => (await byIds(ids)).map(customerRecord)),
    customerEmails: (customerIds) =>
      guard.read(async () =>
        customerIds.length === 0
          ? new Map<string, string>()
          : primaryEmails(
              (await collect(client.customerContacts({ customerIds: numericIds(customerIds) }))).map(
                contactOf,
              ),
            ),
      ),
    customersWithChangedContacts: (since) =>
      guard.read(async () => [
        ...new Set(
          (await collect(client.customerContacts({ modifiedOnOrAfter: since }))).map((c) =>
            String(c.customerId),
          ),
        ),
      ]),
    tagTypes: () =>
      guard.read(async () =>
        (await collect(client.tagTypes({ active: 'Any' }))).map((t) => ({
          id: String(t.id),
          name: t.name,
          active: t.active,
        })),
      ),
    customerTaxZone: (customerId) =>
      guard.read(async () => {
        const locations = await collect(client.locations({ customerId: Number(customerId), active: 'Any' }));
        const first = locations.find((l) => l.active && l.taxZoneId) ?? locations.find((l) => l.taxZoneId);
        return first?.taxZoneId ? String(first.taxZoneId) : undefined;
      }),
  };
}
