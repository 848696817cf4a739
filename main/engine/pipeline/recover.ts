import type { PlannedDocument } from '../domain';
import { crashPoint } from '../crash-point';
import { listOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import type { RunContext } from './context';

/**
 * Rows left in `posting` by a crash become `uncertain`: the create request may or may not have reached Visma.
 * Nothing is re-sent for them until a lookup has answered.
 */
export function markInterruptedPostings(ctx: RunContext): number {
  const rows = listOutbox(ctx.db, ctx.profileId, ['posting']);
  for (const row of rows) {
    moveOutbox(
      ctx.move,
      row.id,
      'uncertain',
      {},
      {
        action: 'document.interrupted',
        outcome: 'info',
        message:
          'A previous run stopped while this document was being sent; it will be looked up in Visma before anything is re-sent.',
      },
    );
  }
  return rows.length;
}

/**
 * Looks an uncertain row's document up in Visma (AR by external reference, AP by supplier, date and supplier
 * reference): adopts it when found, otherwise frees the row to be sent again. A failed lookup leaves it uncertain.
 */
export async function resolveUncertain(
  ctx: RunContext,
  row: OutboxRow,
): Promise<'adopted' | 'absent' | 'unknown'> {
  if (!row.plannedJson) {
    moveOutbox(
      ctx.move,
      row.id,
      'ready',
      {},
      { action: 'document.lookup', outcome: 'info', message: 'No request was prepared; sending again.' },
    );
    return 'absent';
  }
  const planned = JSON.parse(row.plannedJson) as PlannedDocument;
  let found;
  try {
    found = await ctx.visma.findDocument(planned);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    moveOutbox(
      ctx.move,
      row.id,
      'uncertain',
      {},
      { action: 'document.lookup', outcome: 'failure', message: `The lookup in Visma failed: ${why}` },
    );
    return 'unknown';
  }
  if (!found) {
    moveOutbox(
      ctx.move,
      row.id,
      'ready',
      {},
      {
        action: 'document.lookup',
        outcome: 'info',
        message: `Not found in Visma by ${planned.kind === 'supplierInvoice' ? 'supplier, date and supplier reference' : 'external reference'}; it will be sent again.`,
      },
    );
    return 'absent';
  }
  const held = planned.lines.some((l) => l.holding);
  moveOutbox(
    ctx.move,
    row.id,
    'posted',
    {
      vismaDocType: found.kind,
      vismaDocNumber: found.number,
      postedHash: row.sourceHash,
      postedPayloadJson: row.payloadJson,
      held,
      reasonCode: null,
      reasonText: null,
    },
    {
      action: 'document.adopted',
      outcome: 'success',
      message: `Found in Visma as ${found.number}; adopted instead of sending again.`,
    },
  );
  ctx.counts[row.sourceKind].posted++;
  if (found.released) {
    moveOutbox(
      ctx.move,
      row.id,
      'released',
      {},
      { action: 'document.released', outcome: 'success', message: 'Already released in Visma.' },
    );
    ctx.counts[row.sourceKind].released++;
  }
  return 'adopted';
}

/** Resolves every uncertain row of the profile. */
export async function resolveAllUncertain(ctx: RunContext): Promise<void> {
  for (const row of listOutbox(ctx.db, ctx.profileId, ['uncertain'])) await resolveUncertain(ctx, row);
  crashPoint('uncertain.resolved');
}
