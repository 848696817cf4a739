/**
 * Visma is the source of truth for "is it already there": once per need in a run, each document kind is listed in
 * bulk (every page, modified since the kind's watermark; everything when the ledger never listed it), the documents
 * carrying one of our markers are stored in `visma_presence`, and the lifecycle asks that table before it creates,
 * when it settles an uncertain create, and when it follows a release.
 */
import type { VismaDocKind } from '../domain';
import type { FoundDocument } from '../ports';
import type { RunContext } from '../pipeline/context';
import { findMarker, formatMarker, parseMarker, type Marker } from './markers';
import {
  presenceOf,
  presenceWatermark,
  savePresence,
  type PresenceRow,
  type PresentDocument,
} from './presence-store';
import { IN_RUN_MARGIN_MS, earlierBy, newestTimestamp, nextWatermark } from './visma-time';

/** The marker a listed Visma document carries for this tenant, or null (not ours). */
export function markerOfFound(doc: FoundDocument, tenantId: string): string | null {
  let m: Marker | null;
  if (doc.kind === 'supplierInvoice') m = findMarker(doc.note) ?? findMarker(doc.description);
  else m = parseMarker(doc.externalReference);
  return m && m.tenantId === tenantId ? formatMarker(m) : null;
}

/** What a presence refresh needs: a run's context, or the month-end close's. */
export type PresenceContext = Pick<
  RunContext,
  'db' | 'profileId' | 'tenantId' | 'timeZone' | 'now' | 'presence'
> & { visma: Pick<RunContext['visma'], 'listChangedDocuments'>; breathe?: RunContext['breathe'] };

/** Lists each kind once more (modified since its watermark) and stores what carries our markers. */
export async function refreshPresence(ctx: PresenceContext, kinds: Iterable<VismaDocKind>): Promise<void> {
  for (const kind of new Set(kinds)) {
    const previous = presenceWatermark(ctx.db, ctx.profileId, kind);
    // Listed before in this run: only what changed since then (everything older is stored already).
    const listed = await ctx.visma.listChangedDocuments(kind, ctx.presence.inRunSince.get(kind) ?? previous);
    await ctx.breathe?.();
    recordListed(ctx, kind, previous, listed);
  }
}

/**
 * Stores a changed-list of `kind` read since `previous` (the kind's watermark before the list): the documents that
 * carry our markers, the next watermark and this run's bookkeeping.
 */
export function recordListed(
  ctx: Omit<PresenceContext, 'visma'>,
  kind: VismaDocKind,
  previous: string | undefined,
  listed: readonly FoundDocument[],
): void {
  const ours: PresentDocument[] = [];
  for (const doc of listed) {
    const marker = markerOfFound(doc, ctx.tenantId);
    if (marker) ours.push({ ...doc, marker });
  }
  const newest = newestTimestamp(listed.map((d) => d.lastModified));
  const watermark = nextWatermark(previous, newest, ctx.now(), ctx.timeZone);
  if (!ctx.presence.inRunSince.has(kind)) {
    const since = earlierBy(newest, IN_RUN_MARGIN_MS) ?? watermark;
    ctx.presence.inRunSince.set(kind, previous && since < previous ? previous : since);
  }
  savePresence(ctx.db, ctx.profileId, kind, ours, watermark, ctx.now().toISOString());
  if (previous === undefined) ctx.presence.rebuilt.add(kind);
  ctx.presence.listedAt.set(kind, ctx.now().toISOString());
  ctx.presence.releasedSince.delete(kind);
}

/** True when `kind` was listed in this run (so the stored presence is current). */
export function listedThisRun(ctx: RunContext, kind: VismaDocKind): boolean {
  return ctx.presence.listedAt.has(kind);
}

/** The documents Visma holds under each marker, as last listed. */
export function presentUnder(ctx: RunContext, markers: readonly string[]): Map<string, PresenceRow[]> {
  return presenceOf(ctx.db, ctx.profileId, markers);
}

/** Bookkeeping of the presence lists in one run. */
export interface RunPresence {
  /** When each kind was last listed in this run (ISO, our clock). */
  listedAt: Map<VismaDocKind, string>;
  /** Kinds this ledger had never listed before this run: their documents are a rebuild, not another installation. */
  rebuilt: Set<VismaDocKind>;
  /** Kinds with documents released after they were last listed (their stored presence shows them unreleased). */
  releasedSince: Set<VismaDocKind>;
  /** Per kind listed in this run: the Visma timestamp later lists in the same run start from. */
  inRunSince: Map<VismaDocKind, string>;
}

/** Empty presence bookkeeping for a new run. */
export function newRunPresence(): RunPresence {
  return { listedAt: new Map(), rebuilt: new Set(), releasedSince: new Set(), inRunSince: new Map() };
}
