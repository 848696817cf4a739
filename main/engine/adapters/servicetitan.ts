import { money, sum, type Money } from '../../../shared/money';
import {
  ServiceTitanError,
  StRequestRejectedError,
  StNotFoundError,
  StWriteUncertainError,
  type ServiceTitanClient,
} from '../../servicetitan';
import type { SourceEnvelope } from '../domain';
import type { StCustomerInfo, StTaxZoneInfo, StVendorInfo } from '../master-data/types';
import { normalizeBill, normalizeInvoice } from '../normalize';
import { FatalSyncError, type ChangeBatch, type StPort } from '../ports';

/** Errors that a run cannot continue after: credentials, app key, tenant, scopes, or the service being unreachable. */
function fatal(err: unknown): never {
  if (err instanceof ServiceTitanError) {
    const recoverable =
      err instanceof StRequestRejectedError ||
      err instanceof StNotFoundError ||
      err instanceof StWriteUncertainError;
    if (!recoverable) throw new FatalSyncError(`ServiceTitan: ${err.message}`, { cause: err });
  }
  throw err;
}

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    return fatal(err);
  }
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const percent = (fraction: Money) => fraction.times(100).toString();

/** Wraps a generator so its errors pass through `fatal`. */
async function* guarded<T>(it: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* it;
  } catch (err) {
    fatal(err);
  }
}

/** Implements the engine's ServiceTitan port over the real client. */
export function serviceTitanPort(client: ServiceTitanClient): StPort {
  const numbers = (ids: string[]) => ids.map(Number).filter((n) => Number.isInteger(n));
  return {
    async *invoiceChanges(cursor) {
      for await (const page of guarded(client.invoices.exportFeed(cursor))) {
        yield { envelopes: page.data.map(normalizeInvoice), cursor: page.continueFrom } satisfies ChangeBatch;
      }
    },
    invoicesByIds: (ids) =>
      guard(async () => (await collect(client.invoices.list({ ids: numbers(ids) }))).map(normalizeInvoice)),
    async *billChanges(since) {
      const envelopes: SourceEnvelope[] = [];
      let newest = since;
      const note = (modifiedOn?: string | null) => {
        if (modifiedOn && (!newest || modifiedOn > newest)) newest = modifiedOn;
      };
      const filter = since ? { modifiedOnOrAfter: since } : {};
      for (const billType of ['Procurement', 'ApBill'] as const) {
        for await (const bill of guarded(client.apBills.list({ ...filter, billType }))) {
          envelopes.push(normalizeBill(bill, 'ap-bills'));
          note(bill.modifiedOn);
        }
      }
      for await (const bill of guarded(client.inventoryBills.list(filter))) {
        envelopes.push(normalizeBill(bill, 'inventory-bills'));
        note(bill.modifiedOn);
      }
      yield { envelopes, ...(newest && { cursor: newest }) };
    },
    customersByIds: (ids) =>
      guard(async () =>
        (await collect(client.customers({ ids: numbers(ids), active: 'Any' }))).map((c): StCustomerInfo => ({
          id: String(c.id),
          name: c.name,
          type: c.type,
          ...(c.tagTypeIds && c.tagTypeIds.length > 0 && { tagTypeIds: c.tagTypeIds.map(String) }),
          active: c.active,
          street: c.address.street,
          city: c.address.city,
          zip: c.address.zip,
          country: c.address.country,
        })),
      ),
    vendorsByIds: (ids) =>
      guard(async () =>
        (await collect(client.vendors.list({ ids: numbers(ids), active: 'Any' }))).map((v): StVendorInfo => ({
          id: String(v.id),
          name: v.name,
          active: v.active,
          ...(v.address.street && { street: v.address.street }),
          ...(v.address.city && { city: v.address.city }),
          ...(v.address.zip && { zip: v.address.zip }),
          ...(v.address.country && { country: v.address.country }),
          ...(v.contactInfo.email && { email: v.contactInfo.email }),
          ...(v.contactInfo.phone && { phone: v.contactInfo.phone }),
        })),
      ),
    taxZones: () =>
      guard(async () =>
        (await collect(client.taxZones({ active: 'Any' }))).map((z): StTaxZoneInfo => {
          // Rates are fractions as JSON numbers; each is read through its decimal text and summed exactly.
          const rateOf = (base: string) =>
            sum(
              z.rates
                .filter((r) => r.taxBaseType.includes('Subtotal') || r.taxBaseType.includes(base))
                .map((r) => money(r.taxRate)),
            );
          return {
            id: String(z.id),
            name: z.name ?? String(z.id),
            laborRate: percent(rateOf('Labor')),
            materialRate: percent(rateOf('Material')),
            active: z.active,
          };
        }),
      ),
    businessUnits: () =>
      guard(async () =>
        (await collect(client.businessUnits({ active: 'Any' }))).map((b) => ({
          id: String(b.id),
          name: b.name,
          active: b.active,
        })),
      ),
    markInvoicesExported: (entries) =>
      guard(async () => {
        const results = await client.invoices.markAsExported(
          entries.map((e) => ({
            invoiceId: Number(e.stId),
            externalId: e.vismaNumber,
            externalMessage: e.vismaNumber
              ? `Visma ${e.vismaNumber}`
              : 'Nothing to post to Visma (zero total)',
          })),
        );
        return new Map(
          results
            .filter((r) => !r.success)
            .map((r) => [String(r.invoiceId), r.errorMessage ?? 'not accepted']),
        );
      }),
    markBillsExported: (entries) =>
      guard(async () => {
        const failures = new Map<string, string>();
        const ap = await client.apBills.markAsExported(entries.map((e) => Number(e.stId)));
        for (const r of ap) if (!r.success) failures.set(String(r.billId), r.errorMessage ?? 'not accepted');
        const inventory = entries
          .filter((e) => e.views.includes('inventory-bills'))
          .map((e) => Number(e.stId));
        if (inventory.length > 0) {
          for (const r of await client.inventoryBills.markAsExported(inventory)) {
            if (!r.success) failures.set(String(r.inventoryBillId), r.errorMessage ?? 'not accepted');
          }
        }
        return failures;
      }),
    callCount: () => client.calls().total,
  };
}
