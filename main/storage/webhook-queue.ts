/** The webhook queue (table `webhook_events`): events the receiver took, and the invoices a run still has to fetch. */
import type { Ledger } from './types';

/**
 * Records an event id once; false when it was seen before. The row also queues the invoice fetch, so an event
 * survives a crash between the answer and the next run.
 */
export function recordEvent(
  db: Ledger,
  profileId: string,
  id: string,
  type: string,
  invoiceId: string | null,
  at: string,
): boolean {
  const result = db
    .prepare(
      'INSERT OR IGNORE INTO webhook_events (event_id, profile_id, event_type, invoice_id, received_at) VALUES (?, ?, ?, ?, ?)',
    )
    .run(`${profileId}:${id}`, profileId, type, invoiceId, at);
  return result.changes === 1;
}

/** Invoice ids of received events not fetched yet. */
export function pendingWebhookInvoices(db: Ledger, profileId: string): string[] {
  return (
    db
      .prepare(
        'SELECT DISTINCT invoice_id FROM webhook_events WHERE profile_id = ? AND invoice_id IS NOT NULL AND fetched_at IS NULL',
      )
      .all(profileId) as {
      invoice_id: string;
    }[]
  ).map((r) => r.invoice_id);
}

/** Marks the queued invoices of a profile fetched. */
export function markWebhookInvoicesFetched(
  db: Ledger,
  profileId: string,
  ids: readonly string[],
  at: string,
): void {
  const stmt = db.prepare(
    'UPDATE webhook_events SET fetched_at = ? WHERE profile_id = ? AND invoice_id = ? AND fetched_at IS NULL',
  );
  db.transaction(() => {
    for (const id of ids) stmt.run(at, profileId, id);
  })();
}
