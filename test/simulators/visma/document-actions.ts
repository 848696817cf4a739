import type { CompanyState, SimDocument } from './model';
import { documentKey, nextNumber, nextVersion, nowIn } from './model';
import { documentError, inProgressError } from './errors';

const isReleased = (doc: SimDocument): boolean => doc.status === 'Open' || doc.status === 'Closed';

/** Deletes an unreleased document. Released ones are refused (they can only be reversed), as is one being released. */
export function deleteDocument(company: CompanyState, doc: SimDocument): void {
  if (isReleased(doc))
    throw documentError(
      'deleting',
      `Document '${doc.referenceNumber}' is released and cannot be deleted. Reverse it instead.`,
    );
  if (doc.pendingRelease) throw inProgressError('deleting');
  company.documents.delete(documentKey(doc.kind, doc.referenceNumber));
}

/**
 * Reverses a released invoice the way Acumatica does: a new, unreleased (Balanced) document of the opposite type — a
 * customer credit note for a customer invoice, a debit adjustment for a supplier invoice — copying the header (party,
 * date, period, texts, references, note) and the lines, numbered from its own series. Releasing it posts the
 * opposite GL batch and closes both. A document is reversed at most once.
 */
export function reverseDocument(company: CompanyState, doc: SimDocument): SimDocument {
  if (!isReleased(doc))
    throw documentError(
      'reversing',
      `Document '${doc.referenceNumber}' is not released. Only released documents can be reversed; delete it instead.`,
    );
  if (doc.reversedBy)
    throw documentError(
      'reversing',
      `Document '${doc.referenceNumber}' has already been reversed by document '${doc.reversedBy}'.`,
    );
  const ar = doc.kind !== 'supplierInvoice';
  const now = nowIn(company);
  const copy: SimDocument = {
    ...structuredClone(doc),
    kind: ar ? 'customerCreditNote' : 'supplierInvoice',
    documentType: ar ? 'CreditNote' : 'DebitAdj',
    referenceNumber: nextNumber(company, ar ? 'customerCreditNote' : 'supplierDebitAdj'),
    status: 'Balanced',
    hold: false,
    balance: doc.amount,
    reversalOf: doc.referenceNumber,
    version: nextVersion(company),
    created: now,
    lastModified: now,
  };
  for (const field of ['batchNumber', 'errorInfo', 'pendingRelease', 'reversedBy'] as const)
    delete copy[field];
  company.documents.set(documentKey(copy.kind, copy.referenceNumber), copy);
  doc.reversedBy = copy.referenceNumber;
  doc.version = nextVersion(company);
  doc.lastModified = now;
  return copy;
}
