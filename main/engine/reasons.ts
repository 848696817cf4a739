/** Reason codes for blocked documents and review items, with the plain-language text the accountant reads. */

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
  amount_mismatch: 'The lines do not add up to the document total.',
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
};

/** The plain-language sentence for a reason, with optional detail appended. */
export function reasonText(code: ReasonCode, detail?: string): string {
  return detail ? `${TEXT[code]} ${detail}` : TEXT[code];
}

/** A blocking problem found while resolving or validating a document. */
export interface Problem {
  code: ReasonCode;
  detail?: string;
}
