import type { LedgerRef, StDoc, VismaDoc } from '../../../../main/engine/reconcile/types';

/** A posted ServiceTitan invoice of March 2024; override what a test needs. */
export function stDoc(id: string, over: Partial<StDoc> = {}): StDoc {
  return {
    sourceId: Number(id),
    stId: id,
    number: `INV-${id}`,
    documentType: 'invoice',
    key: `ST-8450100-INV-${id}`,
    date: '2024-03-10',
    businessUnitId: '10',
    businessUnitName: 'HVAC Service',
    amount: '125.00',
    vat: '25.00',
    outboxId: Number(id),
    state: 'exported',
    reasonCode: null,
    reasonText: null,
    vismaNumber: `V${id}`,
    plannedPeriod: '202403',
    glBatchNumber: `B${id}`,
    ignoredReason: null,
    partyId: '7001',
    partyName: 'Fjord Heating AS',
    ...over,
  };
}

/** The Visma customer invoice of `stDoc(id)`; override what a test needs. */
export function vismaDoc(number: string, key: string | null, over: Partial<VismaDoc> = {}): VismaDoc {
  return {
    kind: 'customerInvoice',
    documentType: 'invoice',
    number,
    key,
    keyFrom: key ? 'reference' : null,
    date: '2024-03-10',
    financialPeriod: '202403',
    amount: '125.00',
    vat: '25.00',
    released: true,
    partyName: null,
    status: 'Open',
    reversalOf: null,
    vismaDocumentType: null,
    hold: false,
    partyNumber: '10001',
    ...over,
  };
}

/** A ledger document outside the period. */
export function ledgerRef(key: string, over: Partial<LedgerRef> = {}): LedgerRef {
  return {
    key,
    stId: key.replace(/^ST-\w+-/, ''),
    number: `INV-${key}`,
    date: '2024-04-02',
    eligible: true,
    businessUnitId: '20',
    businessUnitName: 'Plumbing',
    ...over,
  };
}
