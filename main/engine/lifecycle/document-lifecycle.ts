/**
 * The lifecycle of one document in Visma: create → (uncertain → settle) → adopt → release → follow → verify. Every
 * state move between those steps, and the audit text that explains it, lives here; the pipeline phases only decide
 * which rows to hand over.
 */
import { money } from '../../../shared/money';
import { crashPoint } from '../crash-point';
import type { PlannedDocument, VismaDocKind } from '../domain';
import { getOutbox, moveOutbox, type OutboxRow } from '../outbox/store';
import type { RunContext } from '../pipeline/context';
import { reasonText } from '../reasons';
import { forgetPresence, type PresentDocument } from './presence-store';

/** How a found document came to be in Visma, as the audit tells it. */
export type AdoptionOrigin = 'created' | 'adopted' | 'rebuilt';

/** How long a queued release is followed before it goes to the review queue. */
export const RELEASE_FOLLOW_LIMIT_MS = 60 * 60 * 1000;

const label = (row: OutboxRow) => `${row.sourceKind === 'invoice' ? 'Invoice' : 'Bill'} ${row.sourceNumber}`;

/** The planned document of a row (set when it became ready). */
export function plannedOf(row: OutboxRow): PlannedDocument {
  return JSON.parse(row.plannedJson!) as PlannedDocument;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Sends the create request of a ready row. `posting` (with the send time) is committed before the request, so a
 * crash leaves a row that is looked up before anything is sent again; an unclear answer — or an error thrown while
 * the request may have been on its way — leaves it `uncertain`, never `ready`.
 */
export async function createInVisma(ctx: RunContext, row: OutboxRow): Promise<void> {
  // The row's marker is the one the presence lists look for; the document always carries exactly that one.
  const planned = { ...plannedOf(row), externalReference: row.externalReference };
  const sentAt = ctx.now().toISOString();
  moveOutbox(
    ctx.move,
    row.id,
    'posting',
    { attempts: row.attempts + 1, uncertainSince: sentAt, lookups: 0 },
    { action: 'document.posting', outcome: 'info' },
  );
  crashPoint('post.marked-posting');
  let outcome;
  try {
    outcome = await ctx.visma.createDocument(planned);
  } catch (err) {
    markUncertain(ctx, row.id, `The create request failed on its way (${describe(err)}).`);
    throw err;
  }
  crashPoint('post.after-create-sent');
  if (outcome.status === 'ok') {
    moveOutbox(
      ctx.move,
      row.id,
      'posted',
      {
        vismaDocType: planned.kind,
        vismaDocNumber: outcome.value,
        postedHash: row.sourceHash,
        postedPayloadJson: row.payloadJson,
        vismaOrigin: 'created',
        uncertainSince: null,
        reasonCode: null,
        reasonText: null,
      },
      {
        action: 'document.posted',
        outcome: 'success',
        message: `Created in Visma as ${planned.kind} ${outcome.value}${planned.hold ? ' (on hold: holding account)' : ''}.`,
        messageCode: planned.hold ? 'postedOnHold' : 'posted',
        messageParams: { docType: planned.kind, number: outcome.value },
        details: {
          financialPeriod: planned.financialPeriod,
          date: planned.date,
          amount: planned.expected.amount,
        },
      },
    );
    ctx.counts[row.sourceKind].posted++;
    crashPoint('post.marked-posted');
    return;
  }
  if (outcome.status === 'uncertain') {
    markUncertain(ctx, row.id, outcome.message);
    return;
  }
  moveOutbox(
    ctx.move,
    row.id,
    'failed',
    {
      reasonCode: 'visma_rejected',
      reasonText: reasonText('visma_rejected', outcome.message),
      uncertainSince: null,
    },
    { action: 'document.rejected', outcome: 'failure', message: `${label(row)}: ${outcome.message}` },
  );
  ctx.counts[row.sourceKind].failed++;
}

function markUncertain(ctx: RunContext, rowId: number, why: string): void {
  moveOutbox(
    ctx.move,
    rowId,
    'uncertain',
    {},
    {
      action: 'document.uncertain',
      outcome: 'info',
      message: `${why} The document may have reached Visma: it is looked up by its marker before anything is sent again.`,
    },
  );
}

/** Takes a document Visma already holds under the row's marker instead of creating one (audited with its origin). */
export function adoptFound(
  ctx: RunContext,
  row: OutboxRow,
  doc: PresentDocument,
  origin: AdoptionOrigin,
): void {
  const why: Record<AdoptionOrigin, string> = {
    created: `The create sent at ${row.uncertainSince ?? 'an earlier run'} reached Visma as ${doc.number}; adopted, nothing sent again.`,
    adopted: `Already in Visma as ${doc.number}, posted by another installation or an earlier run; adopted instead of posting it again.`,
    rebuilt: `Already in Visma as ${doc.number} (found while rebuilding this ledger from Visma: posted before the ledger was started or reset, or by another installation); adopted instead of posting it again.`,
  };
  moveOutbox(
    ctx.move,
    row.id,
    'posted',
    {
      vismaDocType: doc.kind,
      vismaDocNumber: doc.number,
      postedHash: row.sourceHash,
      postedPayloadJson: row.payloadJson,
      held: doc.hold,
      vismaOrigin: origin,
      uncertainSince: null,
      lookups: 0,
      reasonCode: null,
      reasonText: null,
    },
    {
      action: 'document.adopted',
      outcome: 'success',
      message: why[origin],
      details: { origin, status: doc.status },
    },
  );
  if (!row.vismaDocNumber) ctx.counts[row.sourceKind].posted++;
  if (origin !== 'created') ctx.found[origin]++;
  if (doc.released)
    confirmReleased(ctx, row.id, released('Already released in Visma.', 'alreadyReleased'), true);
}

/**
 * Settles an uncertain create with what Visma holds under its marker (listed after the send): found → adopted;
 * nothing yet → looked up again until the landing grace has passed since the send, then free to be sent again. A
 * document that vanished from Visma (deleted there) goes to the review queue instead of being sent again.
 */
export function settleUncertain(
  ctx: RunContext,
  row: OutboxRow,
  found: PresentDocument | undefined,
  listedAt: string,
): void {
  if (found) {
    adoptFound(ctx, row, found, 'created');
    return;
  }
  const sentAt = Date.parse(row.uncertainSince ?? row.updatedAt);
  const waited = Date.parse(listedAt) - sentAt;
  if (row.reasonCode === 'deleted_in_visma') {
    moveOutbox(
      ctx.move,
      row.id,
      'blocked',
      {
        reasonText: reasonText(
          'deleted_in_visma',
          `It was Visma ${row.vismaDocType ?? ''} ${row.vismaDocNumber ?? ''}.`,
        ),
      },
      {
        action: 'document.vanished',
        outcome: 'blocked',
        message: `${label(row)}: the Visma document was deleted in Visma.`,
      },
    );
    ctx.counts[row.sourceKind].blocked++;
    return;
  }
  if (waited >= ctx.visma.landingGraceMs()) {
    moveOutbox(
      ctx.move,
      row.id,
      'ready',
      { uncertainSince: null, lookups: 0 },
      {
        action: 'document.lookup',
        outcome: 'info',
        message: `Not in Visma ${Math.round(waited / 60000)} minutes after it was sent (looked up ${row.lookups + 1} times): the create did not arrive; it will be sent again.`,
      },
    );
    return;
  }
  moveOutbox(
    ctx.move,
    row.id,
    'uncertain',
    { lookups: row.lookups + 1 },
    {
      action: 'document.lookup',
      outcome: 'info',
      message: `Not in Visma yet; looked up again until ${new Date(sentAt + ctx.visma.landingGraceMs()).toISOString()} before it may be sent again.`,
    },
  );
}

/** Records that Visma released a row; `listed` when a list showed it (the stored presence is then current). */
/** The audit message of a release: the English sentence and its code for the UI. */
interface ReleasedMessage {
  message: string;
  messageCode: string;
  messageParams: Record<string, string>;
}

function released(message: string, messageCode: string, number?: string | null): ReleasedMessage {
  return { message, messageCode, messageParams: number ? { number } : {} };
}

function confirmReleased(ctx: RunContext, rowId: number, message: ReleasedMessage, listed = false): void {
  const row = getOutbox(ctx.db, rowId)!;
  moveOutbox(
    ctx.move,
    rowId,
    'released',
    row.reviewCode === 'release_failed' || row.reviewCode === 'release_incomplete'
      ? { reviewCode: null, reviewText: null, releaseRequestedAt: null }
      : { releaseRequestedAt: null },
    { action: 'document.released', outcome: 'success', ...message },
  );
  if (!listed) ctx.presence.releasedSince.add(row.vismaDocType as VismaDocKind);
  ctx.counts[row.sourceKind].released++;
  crashPoint('post.marked-released');
}

function releaseToReview(
  ctx: RunContext,
  row: OutboxRow,
  code: 'release_failed' | 'release_incomplete',
  detail: string,
): void {
  const text = reasonText(code, detail);
  moveOutbox(
    ctx.move,
    row.id,
    'posted',
    { reviewCode: code, reviewText: text.slice(0, 1900), releaseRequestedAt: null },
    {
      action: 'document.release-failed',
      outcome: 'failure',
      message: `${label(row)}: ${text}`.slice(0, 1900),
    },
  );
}

/**
 * Asks Visma to release a posted document. `Done` → released; `Queued` (or an unclear answer) → `releasing`, followed
 * through the lists until Visma reports it released; a refusal → the review queue with Visma's reason. A document
 * that no longer exists (a duplicate deleted by the installation that kept the other copy) is looked up again.
 */
export async function requestRelease(ctx: RunContext, row: OutboxRow): Promise<void> {
  crashPoint('post.before-release');
  const kind = row.vismaDocType as VismaDocKind;
  const outcome = await ctx.visma.releaseDocument(kind, row.vismaDocNumber!);
  crashPoint('post.after-release-sent');
  if (outcome.status === 'ok' && outcome.value.state === 'done') {
    confirmReleased(ctx, row.id, released(`Released ${row.vismaDocNumber}.`, 'released', row.vismaDocNumber));
    return;
  }
  if (outcome.status === 'ok' && outcome.value.state === 'failed') {
    releaseToReview(ctx, row, 'release_failed', outcome.value.message);
    return;
  }
  if (outcome.status === 'rejected' && outcome.reason === 'not_found') {
    forgetPresence(ctx.db, ctx.profileId, kind, row.vismaDocNumber!);
    moveOutbox(
      ctx.move,
      row.id,
      'uncertain',
      { reasonCode: 'deleted_in_visma', uncertainSince: ctx.now().toISOString(), lookups: 0 },
      {
        action: 'document.vanished',
        outcome: 'info',
        message: `Visma ${row.vismaDocNumber} no longer exists; looking for the document under its marker.`,
      },
    );
    return;
  }
  if (
    outcome.status === 'rejected' &&
    outcome.reason !== 'already_released' &&
    outcome.reason !== 'in_progress'
  ) {
    releaseToReview(ctx, row, 'release_failed', outcome.message);
    return;
  }
  const requestedAt = row.releaseRequestedAt ?? ctx.now().toISOString();
  if (outcome.status === 'uncertain') {
    // Asking again is harmless (a released document answers "already released"); waiting for a lost request is not.
    moveOutbox(
      ctx.move,
      row.id,
      'posted',
      { releaseRequestedAt: requestedAt },
      {
        action: 'document.release-unanswered',
        outcome: 'info',
        message: `The release got no clear answer (${outcome.message}); asked again on the next run unless Visma reports it released.`,
      },
    );
    return;
  }
  moveOutbox(
    ctx.move,
    row.id,
    'releasing',
    { releaseRequestedAt: requestedAt },
    {
      action: 'document.releasing',
      outcome: 'info',
      message: `${outcome.status === 'ok' ? 'Visma queued the release' : outcome.reason === 'in_progress' ? 'Visma is still working on an earlier action on the document' : 'Visma says the document is already released'}; it counts as released once Visma reports it released.`,
      messageCode:
        outcome.status === 'ok'
          ? 'releaseQueued'
          : outcome.reason === 'in_progress'
            ? 'releaseBusy'
            : 'releaseAlready',
    },
  );
}

/**
 * Follows a release with what the latest list says about the document: released → released; failed in the
 * background → review with Visma's reason; still waiting past the follow limit → review.
 */
export function followRelease(ctx: RunContext, row: OutboxRow, doc: PresentDocument | undefined): void {
  if (doc?.released) {
    confirmReleased(
      ctx,
      row.id,
      released(`Visma reports ${row.vismaDocNumber} released.`, 'releasedReported', row.vismaDocNumber),
      true,
    );
    return;
  }
  if (row.state !== 'releasing') return;
  if (doc?.errorInfo) {
    releaseToReview(ctx, row, 'release_failed', doc.errorInfo);
    return;
  }
  const since = Date.parse(row.releaseRequestedAt ?? row.updatedAt);
  if (ctx.now().getTime() - since > RELEASE_FOLLOW_LIMIT_MS) {
    releaseToReview(
      ctx,
      row,
      'release_incomplete',
      `Requested at ${row.releaseRequestedAt ?? row.updatedAt}; Visma still shows it as ${doc?.status ?? 'not released'}.`,
    );
  }
}

/** Compares a released document with ServiceTitan's totals and records the check (a difference goes to review). */
export function verifyReleased(ctx: RunContext, row: OutboxRow, doc: PresentDocument): void {
  const planned = plannedOf(row);
  const tolerance = money(ctx.settings.verifyTolerance);
  const ok =
    money(doc.amount).minus(planned.expected.amount).abs().lte(tolerance) &&
    money(doc.vatTotal).minus(planned.expected.vat).abs().lte(tolerance);
  const figures = {
    servicetitan: { total: planned.expected.amount, vat: planned.expected.vat },
    visma: { total: doc.amount, vat: doc.vatTotal },
  };
  const text = ok
    ? undefined
    : reasonText(
        'tax_difference',
        `ServiceTitan total ${planned.expected.amount}, VAT ${planned.expected.vat}; Visma total ${doc.amount}, VAT ${doc.vatTotal}.`,
      );
  moveOutbox(
    ctx.move,
    row.id,
    'released',
    {
      verified: true,
      ...(text && {
        reviewCode: 'tax_difference',
        reviewText: text,
        reviewDetailsJson: JSON.stringify(figures),
      }),
    },
    {
      action: 'document.checked',
      outcome: ok ? 'success' : 'blocked',
      message: text ?? 'Released in Visma; total and VAT match ServiceTitan.',
      ...(!text && { messageCode: 'checked' }),
      details: figures,
    },
  );
}
