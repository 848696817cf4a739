import { expect } from 'vitest';
import { createVismaClient } from '../../../main/visma';
import { findMarker, formatMarker, parseMarker } from '../../../main/engine/lifecycle/markers';
import type { Harness } from './harness';

/** A Visma document as the official list endpoints return it, with the marker it carries. */
export interface ListedDocument {
  kind: 'customerInvoice' | 'customerCreditNote' | 'supplierInvoice';
  number: string;
  status: string;
  amount: string;
  marker: string | null;
  /** The document date (`yyyy-MM-dd`) and the financial period Visma holds it in. */
  date: string;
  financialPeriod: string | undefined;
}

/** Every document of the harness's company, read through Visma's own list endpoints (not our ledger). */
export async function listViaApi(h: Pick<Harness, 'config'>): Promise<ListedDocument[]> {
  const client = createVismaClient({
    ...h.config.visma,
    clientSecret: h.config.visma.clientSecret!,
  });
  const ar =
    (kind: ListedDocument['kind']) =>
    (d: {
      referenceNumber: string;
      status: string;
      amount: string;
      externalReference?: string | undefined;
      documentDate: string;
      financialPeriod?: string | undefined;
    }) => ({
      kind,
      number: d.referenceNumber,
      status: d.status,
      amount: d.amount,
      marker: parseMarker(d.externalReference) ? d.externalReference!.trim() : null,
      date: d.documentDate.slice(0, 10),
      financialPeriod: d.financialPeriod,
    });
  const ap = (d: {
    referenceNumber: string;
    status: string;
    amount: string;
    description?: string | undefined;
    note?: string | undefined;
    date: string;
    financialPeriod?: string | undefined;
  }) => {
    const m = findMarker(d.note) ?? findMarker(d.description);
    return {
      kind: 'supplierInvoice' as const,
      number: d.referenceNumber,
      status: d.status,
      amount: d.amount,
      marker: m ? formatMarker(m) : null,
      date: d.date.slice(0, 10),
      financialPeriod: d.financialPeriod,
    };
  };
  return [
    ...(await client.listCustomerInvoices()).map(ar('customerInvoice')),
    ...(await client.listCustomerCreditNotes()).map(ar('customerCreditNote')),
    ...(await client.listSupplierInvoices()).map(ap),
  ];
}

/** Asserts through Visma's own endpoints that every document carries a marker and none is there twice; returns them by marker. */
export async function expectNoDuplicatesViaApi(
  h: Pick<Harness, 'config'>,
): Promise<Map<string, ListedDocument>> {
  const byMarker = new Map<string, ListedDocument>();
  const twice: string[] = [];
  for (const doc of await listViaApi(h)) {
    expect(doc.marker, `Visma ${doc.kind} ${doc.number} carries no marker`).not.toBeNull();
    if (byMarker.has(doc.marker!))
      twice.push(`${doc.marker!} (${byMarker.get(doc.marker!)!.number}, ${doc.number})`);
    byMarker.set(doc.marker!, doc);
  }
  expect(twice, 'documents posted twice').toEqual([]);
  return byMarker;
}
