/** Reason codes for blocked documents and review items, with the plain-language text the accountant reads. */
import type { ReadFault, UnreadableField } from './domain';

/** Why a document is blocked or needs review. */
export type ReasonCode =
  | 'customer_missing'
  | 'customer_inactive'
  | 'supplier_missing'
  | 'supplier_inactive'
  | 'vendor_not_linked'
  | 'account_missing'
  | 'account_inactive'
  | 'vat_code_missing'
  | 'vat_code_invalid'
  | 'tax_mapping_flagged'
  | 'period_closed'
  | 'period_missing'
  | 'no_lines'
  | 'visma_rejected'
  | 'holding_account'
  | 'tax_difference'
  | 'amount_mismatch'
  | 'changed_after_posting'
  | 'export_failed'
  | 'voided_after_posting'
  | 'unreadable_document'
  | 'total_missing'
  | 'no_customer'
  | 'no_vendor'
  | 'amount_too_large'
  | 'zero_total'
  | 'release_failed'
  | 'release_incomplete'
  | 'deleted_in_visma'
  | 'duplicate_in_visma'
  | 'visma_unconfirmed';

const TEXT: Record<ReasonCode, string> = {
  customer_missing: 'The customer is not linked to a Visma customer and could not be created.',
  customer_inactive: 'The Visma customer is not active.',
  supplier_missing: 'The vendor is not linked to a Visma supplier and could not be created.',
  supplier_inactive: 'The Visma supplier is not active.',
  vendor_not_linked: 'The vendor is not linked to a Visma supplier.',
  account_missing: 'No Visma account could be found for a line, and no holding account is set.',
  account_inactive: 'A line posts to a Visma account that is not active.',
  vat_code_missing: 'No VAT code is mapped for the tax zone of the document.',
  vat_code_invalid: 'The VAT code is not valid for the VAT zone or the account’s VAT category.',
  tax_mapping_flagged:
    'The VAT mapping of the document’s tax zone is flagged; the document waits so it does not post with the wrong VAT.',
  period_closed:
    'The financial period of the document date is closed in Visma; it will post when the period opens.',
  period_missing: 'The financial period of the document date does not exist in Visma.',
  no_lines: 'The document has no lines to post.',
  visma_rejected: 'Visma refused the document.',
  holding_account:
    'One or more lines were posted to the holding account; pick the right account and approve.',
  tax_difference: 'Visma’s total or VAT differs from ServiceTitan’s.',
  amount_mismatch:
    'The figures of the document do not add up, so it was not posted; correct the document in ServiceTitan.',
  changed_after_posting: 'The document changed in ServiceTitan after it was released in Visma.',
  export_failed: 'ServiceTitan did not accept the “exported” mark.',
  voided_after_posting: 'The document was deactivated in ServiceTitan after it was posted.',
  release_failed: 'Visma could not release the document; it is in Visma but not in the books yet.',
  release_incomplete:
    'Visma queued the release of the document but has not finished it; it is not in the books yet. Check it in Visma.',
  deleted_in_visma:
    'The document was posted to Visma and then deleted there. Replay it to post it again, or ignore it.',
  visma_unconfirmed:
    'Visma did not confirm whether the document was created; it is looked up in Visma by its marker before anything is sent again.',
  duplicate_in_visma:
    'Visma holds more than one released document for this ServiceTitan document; reverse the extra one in Visma.',
  unreadable_document:
    'ServiceTitan sent a value the connector cannot read, so the document was not posted rather than posted with a guessed figure.',
  total_missing: 'ServiceTitan sent the document without a total, so it was not posted.',
  no_customer:
    'The invoice has no customer in ServiceTitan; add the customer there and it posts on the next sync.',
  no_vendor: 'The bill has no vendor in ServiceTitan; add the vendor there and it posts on the next sync.',
  amount_too_large:
    'An amount is larger than Visma can take exactly (Visma carries amounts as 15-digit numbers), so the document was not posted.',
  zero_total: 'The document’s total is zero, so there is nothing to post in Visma.',
};

/** The English sentence of every reason code (the exports translate them; see `reconcile/report-text.ts`). */
export const REASON_TEXTS: Readonly<Record<ReasonCode, string>> = TEXT;

/** The plain-language sentence for a reason, with optional detail appended. */
export function reasonText(code: ReasonCode, detail?: string): string {
  return detail ? `${TEXT[code]} ${detail}` : TEXT[code];
}

/** A blocking problem found while resolving or validating a document. */
export interface Problem {
  code: ReasonCode;
  detail?: string;
}

const FAULT_TEXT: Record<ReadFault, string> = {
  missing: 'is missing',
  empty: 'is empty',
  exponent: 'is written with an exponent; amounts must be plain decimals such as 1250.00',
  not_decimal: 'is not a plain decimal amount such as 1250.00',
  sub_cent: 'has more than two decimals and cannot be posted to the cent',
  not_a_date: 'is not a date',
  date_out_of_range: 'is a date Visma cannot hold (years 1753 to 9998)',
  off_spec: 'does not match ServiceTitan’s own API description, so nothing of it can be trusted',
};

/** The problem of one unreadable field: a missing total has its own code, anything else names field and value. */
export function unreadableProblem(f: UnreadableField): Problem {
  if (f.why === 'missing' && (f.field === 'total' || f.field === 'billAmount'))
    return { code: 'total_missing', detail: `Field ${f.field} is empty (null).` };
  const value = f.value === null ? '' : ` ${f.value}`;
  return { code: 'unreadable_document', detail: `Field ${f.field}${value} ${FAULT_TEXT[f.why]}.` };
}

/** Two figures of a document that should be equal and are not, in plain words with both amounts. */
export function mismatchProblem(what: string, computed: string, stated: string, statedName: string): Problem {
  return {
    code: 'amount_mismatch',
    detail: `${what} make ${computed}, but ServiceTitan’s ${statedName} is ${stated}.`,
  };
}

/** An amount beyond what Visma carries exactly, with the amount and the limit. */
export function tooLargeProblem(field: string, amount: string, limit: string): Problem {
  return {
    code: 'amount_too_large',
    detail: `${field} is ${amount}; Visma takes amounts below ${limit} exactly.`,
  };
}

/** The audit note for a text shortened to fit a Visma field. */
export function shortenedNote(field: string, from: number, to: number): string {
  return `The ${field} was shortened from ${from} to ${to} characters to fit Visma.`;
}

/** The audit message when a document that had nothing to post changed in ServiceTitan and now has something to post. */
export function somethingToPostText(total: string): string {
  return `The document changed in ServiceTitan and its total is no longer zero (now ${total}); it is taken on again.`;
}
