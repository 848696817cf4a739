import { listOutbox, moveOutbox } from '../outbox/store';
import type { RunContext } from './context';

/**
 * Rows left in `posting` by a crash become `uncertain`: the create request may or may not have reached Visma. Their
 * send time is kept, so they are settled by a look-up by marker (and the landing grace) before anything is re-sent.
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
