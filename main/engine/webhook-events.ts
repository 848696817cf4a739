import { markWebhookInvoicesFetched, pendingWebhookInvoices } from '../storage/webhook-queue';
import type { Ledger } from '../storage/types';

/** The event ServiceTitan sends when an invoice is marked exported — by us too. */
export const INVOICE_EXPORTED_EVENT = 'tn.acc.invoice-exported';

/**
 * True when every unfetched event of the invoice says only that it was exported and this ledger released it (and so
 * marks it exported, or just did — the event can arrive before our mark-exported call has even answered): the echo
 * of our own mark-exported, with nothing to fetch. An export by anyone else (an invoice we never
 * exported) or any other event about it still counts.
 */
export function isOwnExportEcho(db: Ledger, profileId: string, invoiceId: string): boolean {
  const types = db
    .prepare(
      'SELECT DISTINCT event_type FROM webhook_events WHERE profile_id = ? AND invoice_id = ? AND fetched_at IS NULL',
    )
    .all(profileId, invoiceId) as { event_type: string }[];
  if (types.length === 0 || types.some((t) => t.event_type !== INVOICE_EXPORTED_EVENT)) return false;
  const exported = db
    .prepare(
      `SELECT 1 FROM outbox o JOIN source_documents s ON s.id = o.source_id
       WHERE o.profile_id = ? AND s.kind = 'invoice' AND s.st_id = ? AND o.state IN ('released', 'exported') LIMIT 1`,
    )
    .get(profileId, invoiceId);
  return exported !== undefined;
}

/**
 * Whether a webhook about `invoiceId` should start a run: false for the echo of our own mark-exported, which is
 * then settled (marked fetched) so no later run fetches it either.
 */
export function webhookNeedsRun(db: Ledger, profileId: string, invoiceId: string, now: Date): boolean {
  if (!isOwnExportEcho(db, profileId, invoiceId)) return true;
  markWebhookInvoicesFetched(db, profileId, [invoiceId], now.toISOString());
  return false;
}

/** The invoices received webhooks still ask a run to fetch, without the echoes of our own mark-exported. */
export function webhookInvoicesToFetch(db: Ledger, profileId: string, now: Date): string[] {
  return pendingWebhookInvoices(db, profileId).filter((id) => webhookNeedsRun(db, profileId, id, now));
}
