import { centsOf } from '../../../shared/money';
import type { VismaDocKind } from '../domain';
import type { FoundDocument } from '../ports';
import { keyOfFound, numberKey } from './keys';
import type { ReconDocType, VismaDoc } from './types';

/** The Visma document kinds the close reads. */
export const DOCUMENT_KINDS: readonly VismaDocKind[] = [
  'customerInvoice',
  'customerCreditNote',
  'supplierInvoice',
];

/** The reconciliation's document type of a Visma document kind. */
export function docTypeOfKind(kind: VismaDocKind): ReconDocType {
  return kind === 'supplierInvoice' ? 'apBill' : kind === 'customerCreditNote' ? 'creditNote' : 'invoice';
}

/**
 * A Visma document with its engine key: the one it carries (`carried`, when the caller read it already), else the
 * one the outbox recorded for its number.
 */
export function vismaDocOf(
  doc: FoundDocument,
  keysByNumber: ReadonlyMap<string, string>,
  carried: string | null = keyOfFound(doc),
): VismaDoc {
  const recorded = carried ? undefined : keysByNumber.get(numberKey(doc.kind, doc.number));
  return {
    kind: doc.kind,
    documentType: docTypeOfKind(doc.kind),
    number: doc.number,
    key: carried ?? recorded ?? null,
    keyFrom: carried ? 'reference' : recorded ? 'number' : null,
    date: doc.date.slice(0, 10),
    financialPeriod: doc.financialPeriod ?? null,
    amount: centsOf(doc.amount),
    vat: centsOf(doc.vatTotal),
    released: doc.released,
    hold: doc.hold,
    partyNumber: doc.partyNumber,
    partyName: doc.partyName ?? null,
    status: doc.status,
    reversalOf: doc.reversalOf ?? null,
    vismaDocumentType: doc.documentType ?? null,
  };
}
