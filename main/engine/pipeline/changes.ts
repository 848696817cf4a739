import { diffDocuments } from '../diff';
import { listOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import { reasonText } from '../reasons';
import { parseSource } from '../source-store';
import type { RunContext } from './context';
import { describeProblems, loadResolveContext, planDocument } from './resolve-phase';

/** Corrects an unreleased Visma document in place with the current ServiceTitan content. */
async function updateInPlace(
  ctx: RunContext,
  row: OutboxRow,
  rc: ReturnType<typeof loadResolveContext>,
): Promise<void> {
  const doc = parseSource(row.payloadJson);
  const before = row.postedPayloadJson ? parseSource(row.postedPayloadJson) : doc;
  const outcome = planDocument(doc, rc);
  if (!outcome.ok || outcome.planned.kind !== row.vismaDocType) {
    const why = outcome.ok
      ? 'It changed between invoice and credit note.'
      : describeProblems(outcome.problems);
    flag(ctx, row, `The unreleased Visma document could not be corrected: ${why}`);
    return;
  }
  const result = await ctx.visma.updateDocument(row.vismaDocNumber!, outcome.planned);
  if (result.status !== 'ok') {
    flag(ctx, row, `Visma did not accept the correction: ${result.message}`);
    return;
  }
  moveOutbox(
    ctx.move,
    row.id,
    'posted',
    {
      plannedJson: JSON.stringify(outcome.planned),
      postedHash: row.sourceHash,
      postedPayloadJson: row.payloadJson,
      held: outcome.held,
      reviewCode: null,
      reviewText: null,
      reviewDetailsJson: null,
    },
    {
      action: 'document.updated',
      outcome: 'success',
      message: `Visma document ${row.vismaDocNumber} corrected in place (not yet released).`,
      details: { differences: diffDocuments(before, doc) },
    },
  );
}

function flag(ctx: RunContext, row: OutboxRow, extra?: string): void {
  const before = row.postedPayloadJson ? parseSource(row.postedPayloadJson) : parseSource(row.payloadJson);
  const differences = diffDocuments(before, parseSource(row.payloadJson));
  const details = JSON.stringify({ currentHash: row.sourceHash, postedHash: row.postedHash, differences });
  if (row.reviewCode === 'changed_after_posting' && row.reviewDetailsJson === details) return;
  const text = reasonText(
    'changed_after_posting',
    [differences.map((d) => d.field).join(', '), extra].filter(Boolean).join('. '),
  );
  moveOutbox(
    ctx.move,
    row.id,
    row.state,
    { reviewCode: 'changed_after_posting', reviewText: text.slice(0, 1900), reviewDetailsJson: details },
    {
      action: 'document.changed-after-posting',
      outcome: 'blocked',
      message: text.slice(0, 1900),
      details: { differences },
    },
  );
}

/**
 * Documents that changed in ServiceTitan after they were posted: unreleased ones are corrected in Visma, released
 * ones go to the review queue with a field-by-field difference. Never a second document.
 */
export async function handleChangesAfterPosting(ctx: RunContext): Promise<void> {
  const rows = listOutbox(ctx.db, ctx.profileId, ['posted', 'released', 'exported'], 'changedSincePosted');
  if (rows.length === 0) return;
  const rc = loadResolveContext(ctx);
  for (const row of rows) {
    await ctx.breathe();
    if (row.state === 'posted') await updateInPlace(ctx, row, rc);
    else flag(ctx, row);
  }
}
