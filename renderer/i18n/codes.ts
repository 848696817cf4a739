/** Codes the engine sends that the UI names in words; anything not listed is shown as the engine sent it. */

/** What started a sync run. */
export const TRIGGERS = ['schedule', 'manual', 'webhook', 'cli', 'replay'] as const;
/** How a sync run ended. */
export const RUN_STATUSES = ['running', 'completed', 'failed', 'abandoned', 'cancelled'] as const;
/** Who caused an audited event. */
export const ACTORS = ['schedule', 'user', 'webhook', 'system', 'cli'] as const;
/** How an audited event ended. */
export const OUTCOMES = ['success', 'failure', 'blocked', 'skipped', 'info'] as const;
/** Outbox states, plus the states of master-data questions. */
export const STATES = [
  'pending',
  'ready',
  'blocked',
  'posting',
  'posted',
  'releasing',
  'released',
  'exported',
  'uncertain',
  'failed',
  'ignored',
  'nothing_to_post',
  'open',
] as const;
/** Review reasons: the engine's reason codes for documents, and the kinds of master-data question. */
export const REASONS = [
  'customer_missing',
  'customer_inactive',
  'supplier_missing',
  'supplier_inactive',
  'vendor_not_linked',
  'account_missing',
  'account_inactive',
  'vat_code_missing',
  'vat_code_invalid',
  'tax_mapping_flagged',
  'period_closed',
  'period_missing',
  'no_lines',
  'visma_rejected',
  'holding_account',
  'tax_difference',
  'amount_mismatch',
  'changed_after_posting',
  'export_failed',
  'voided_after_posting',
  'unreadable_document',
  'total_missing',
  'no_customer',
  'no_vendor',
  'amount_too_large',
  'zero_total',
  'release_failed',
  'release_incomplete',
  'deleted_in_visma',
  'duplicate_in_visma',
  'visma_unconfirmed',
  'masterdata_conflict',
  'masterdata_suggestion',
  'masterdata_drift',
] as const;
/** Source document and master-data types. */
export const SOURCE_TYPES = [
  'invoice',
  'ap-bill',
  'vendor',
  'supplier',
  'customer',
  'business-unit',
  'tax-zone',
  'conflict',
  'suggestion',
  'drift',
] as const;
/** Visma document types. */
export const VISMA_DOC_TYPES = ['customerInvoice', 'customerCreditNote', 'supplierInvoice'] as const;
/** The audit actions with a name in words (the raw action stays visible as a tooltip and in the export). */
export const AUDIT_ACTIONS = [
  'document.posted',
  'document.released',
  'document.exported',
  'document.blocked',
  'document.ready',
  'document.posting',
  'document.journal',
  'document.lookup',
  'document.adopted',
  'document.uncertain',
  'document.rejected',
  'document.replayed',
  'document.approved',
  'document.ignored',
  'document.corrected',
  'document.checked',
  'document.updated',
  'document.export-failed',
  'document.release-failed',
  'document.changed-after-posting',
  'document.interrupted',
  'document.nothing-to-post',
  'document.reopened',
  'outbox.created',
  'sync.completed',
  'sync.failed',
  'mapping.changed',
  'mapping.imported',
  'masterdata.aligned',
  'masterdata.matched',
  'masterdata.conflict.resolved',
  'review.dismissed',
  'secret.stored',
  'secret.rotated',
  'secret.deleted',
  'ledger.backed-up',
  'ledger.restored',
  'ledger.backup-failed',
  'document.vanished',
  'document.unreadable',
  'document.releasing',
  'document.release-unanswered',
  'document.duplicate-removed',
  'document.duplicate',
  'sync.cancelled',
  'profile.settings-changed',
  'profile.removed',
  'profile.demo-restarted',
  'profile.cross-environment-confirmed',
  'masterdata.suggestions.accepted-above',
  'masterdata.suggestion.accepted',
  'masterdata.suggestion.rejected',
  'masterdata.suggestion.offered',
  'masterdata.conflict.opened',
  'masterdata.conflict.applied',
  'masterdata.customer.created',
  'masterdata.customer.updated',
  'masterdata.supplier.created',
  'masterdata.supplier.matched',
  'masterdata.supplier.suggested',
  'masterdata.supplier.updated',
  'masterdata.vendor.create-proposed',
  'masterdata.vendor.created',
  'masterdata.vendor.updated',
  'masterdata.taxzone.mapped',
  'masterdata.taxzone.registered',
  'masterdata.drift.opened',
  'masterdata.drift.cleared',
  'masterdata.customer.failed',
  'masterdata.supplier.failed',
  'masterdata.vendor.failed',
] as const;

/** Audit actions whose name is also the start of another action's (`link.customer`, `link.customer.removed`). */
export const LINK_ACTIONS = ['link.customer', 'link.supplier'] as const;

/** The translation key under `codes.action` of an audit action, or null when it has no name in words. */
export function actionKey(action: string): string | null {
  if (oneOf(LINK_ACTIONS, action)) return `${action}.linked`;
  if (action === 'link.customer.removed' || action === 'link.supplier.removed') return action;
  return oneOf(AUDIT_ACTIONS, action) ? action : null;
}

/** True when `value` is one of `list` (narrows it for typed translation keys). */
export function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** The ServiceTitan fields a change after posting names (`recon.field.<name>`). */
export const CHANGED_FIELDS = [
  'total',
  'tax',
  'date',
  'customer',
  'vendor',
  'businessUnit',
  'lines',
  'number',
  'status',
  'amount',
  'vat',
  'type',
] as const;
