import type {
  ApBill,
  BillFilter,
  RecordOptions,
  ServiceTitanClient,
  StRejectedRecord,
} from '../../servicetitan';
import type { SourceEnvelope } from '../domain';
import { normalizeBill, normalizeInvoice } from '../normalize';
import type { ChangeBatch, RejectedRecord, StPort } from '../ports';
import { collect, type CallGuard } from './calls';

/** ServiceTitan ids as the client takes them (ids that are not whole numbers are left out). */
export const numericIds = (ids: string[]) => ids.map(Number).filter((n) => Number.isInteger(n));

/** Collects the records a list could not read, as the engine's rejected records; `take` empties it. */
function rejections() {
  let list: RejectedRecord[] = [];
  return {
    onRejected: (r: StRejectedRecord) =>
      void list.push({
        kind: r.resource.startsWith('invoice') ? 'invoice' : 'ap-bill',
        stId: r.id,
        problems: r.problems,
      }),
    take: () => {
      const out = list;
      list = [];
      return out;
    },
  };
}

/**
 * Every AP bill matching `filter`, each once: the `ap-bills` list by bill type, procurement (from received purchase
 * orders; ServiceTitan's default when no type is asked for) and standalone. The `inventory-bills` list is not read:
 * it holds the same procurement bills again in a poorer shape (reference §2.3), so reading it too fetched every
 * procurement bill twice. `NotSet` would save a call, but that it means "every type" is not documented.
 */
function apBills(
  client: ServiceTitanClient,
  filter: Omit<BillFilter, 'billType'>,
  options: RecordOptions,
): AsyncGenerator<ApBill> {
  return (async function* () {
    for (const billType of ['Procurement', 'ApBill'] as const)
      yield* client.apBills.list({ ...filter, billType }, options);
  })();
}

/** The document methods of the ServiceTitan port: invoice and bill changes, marking them exported. */
export function stDocumentCalls(
  client: ServiceTitanClient,
  guard: CallGuard,
): Pick<
  StPort,
  | 'invoiceChanges'
  | 'invoicesByIds'
  | 'billChanges'
  | 'periodDocuments'
  | 'markInvoicesExported'
  | 'markBillsExported'
> {
  return {
    async *invoiceChanges(cursor) {
      const bad = rejections();
      for await (const page of guard.pages(client.invoices.exportFeed(cursor, bad))) {
        yield {
          envelopes: page.data.map(normalizeInvoice),
          cursor: page.continueFrom,
          rejected: bad.take(),
        } satisfies ChangeBatch;
      }
    },
    invoicesByIds: (ids) =>
      guard.read(async () => {
        const bad = rejections();
        const envelopes = (await collect(client.invoices.list({ ids: numericIds(ids) }, bad))).map(
          normalizeInvoice,
        );
        return { envelopes, rejected: bad.take() };
      }),
    periodDocuments: (window) =>
      guard.read(async () => {
        const bad = rejections();
        const envelopes: SourceEnvelope[] = [];
        const invoiced = { invoicedOnOrAfter: window.invoicedFrom, invoicedOnBefore: window.invoicedBefore };
        for await (const invoice of client.invoices.list(invoiced, bad))
          envelopes.push(normalizeInvoice(invoice));
        for await (const bill of apBills(client, { dateFrom: window.billsCreatedFrom }, bad))
          envelopes.push(normalizeBill(bill, 'ap-bills'));
        return { envelopes, rejected: bad.take() };
      }),
    async *billChanges(since) {
      const envelopes: SourceEnvelope[] = [];
      let newest = since;
      const note = (modifiedOn?: string | null) => {
        if (modifiedOn && (!newest || modifiedOn > newest)) newest = modifiedOn;
      };
      const filter = since ? { modifiedOnOrAfter: since } : {};
      const bad = rejections();
      for await (const bill of guard.pages(apBills(client, filter, bad))) {
        envelopes.push(normalizeBill(bill, 'ap-bills'));
        note(bill.modifiedOn);
      }
      yield { envelopes, rejected: bad.take(), ...(newest && { cursor: newest }) };
    },
    markInvoicesExported: (entries) =>
      guard.write(async () => {
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
      guard.write(async () => {
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
  };
}
