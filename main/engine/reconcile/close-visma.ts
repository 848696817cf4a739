/**
 * The Visma side of the close. The period's documents are read in two parts that never overlap: those last modified
 * before the kind's presence watermark (the period's list, filtered by modification time) and everything changed
 * since then (one changed-list per kind, every period, which also brings the presence lists up to date). So a month
 * just synced is read once, not twice. Beyond the period, the presence lists say where else Visma holds documents
 * under the period's markers (a copy posted into the first open period, a duplicate made by a second installation or
 * by hand); those periods' own lists, read fresh, say what is there, so a document deleted since is not counted.
 */
import type { Ledger } from '../../storage/types';
import type { VismaDocKind } from '../domain';
import { newRunPresence, recordListed, type PresenceContext } from '../lifecycle/presence';
import { presencePlacesOutside, presenceWatermark } from '../lifecycle/presence-store';
import type { FoundDocument, VismaPort } from '../ports';
import { keyOfFound, numberKey } from './keys';
import type { VismaDoc } from './types';
import { DOCUMENT_KINDS, vismaDocOf } from './visma-side';

/** What reading Visma for the close needs. */
export interface CloseVismaDeps {
  db: Ledger;
  profile: { id: string; timeZone: string; servicetitan: { tenantId: string } };
  visma: Pick<VismaPort, 'listChangedDocuments' | 'listDocumentsInPeriod'>;
  now: () => Date;
}

function presenceContext(deps: CloseVismaDeps): Omit<PresenceContext, 'visma'> {
  return {
    db: deps.db,
    profileId: deps.profile.id,
    tenantId: deps.profile.servicetitan.tenantId,
    timeZone: deps.profile.timeZone,
    now: deps.now,
    presence: newRunPresence(),
  };
}

/** One kind's documents of the period: the part older than the watermark, then what changed since (which wins). */
async function periodDocumentsOfKind(
  deps: CloseVismaDeps,
  ctx: Omit<PresenceContext, 'visma'>,
  kind: VismaDocKind,
  financialPeriod: string,
): Promise<FoundDocument[]> {
  const previous = presenceWatermark(deps.db, deps.profile.id, kind);
  const older = previous
    ? await deps.visma.listDocumentsInPeriod(kind, financialPeriod, { modifiedBefore: previous })
    : [];
  const changed = await deps.visma.listChangedDocuments(kind, previous, { details: true });
  recordListed(ctx, kind, previous, changed);
  // A changed document without its period cannot be placed: read the whole period's list instead.
  const complete = changed.every((d) => d.financialPeriod);
  const base = complete ? older : await deps.visma.listDocumentsInPeriod(kind, financialPeriod);
  const byNumber = new Map<string, FoundDocument>();
  // A document that moved between pages while they were read appears twice; the later read is kept.
  for (const doc of base) byNumber.set(numberKey(doc.kind, doc.number), doc);
  for (const doc of changed)
    if (doc.financialPeriod === financialPeriod) byNumber.set(numberKey(doc.kind, doc.number), doc);
  return [...byNumber.values()];
}

/**
 * Every customer invoice, credit note and supplier invoice of a financial period, with the presence lists brought up
 * to date on the way (see the module comment).
 */
export async function readPeriodDocuments(
  deps: CloseVismaDeps,
  financialPeriod: string,
): Promise<FoundDocument[]> {
  const ctx = presenceContext(deps);
  const out: FoundDocument[] = [];
  for (const kind of DOCUMENT_KINDS)
    for (const doc of await periodDocumentsOfKind(deps, ctx, kind, financialPeriod)) out.push(doc);
  return out;
}

/**
 * Every Visma document under each of `keys` in periods other than `financialPeriod`, read from those periods' lists
 * (where to look comes from the presence lists, which `readPeriodDocuments` brought up to date).
 */
export async function documentsElsewhere(
  deps: CloseVismaDeps,
  keys: readonly string[],
  financialPeriod: string,
): Promise<Map<string, VismaDoc[]>> {
  const wanted = new Set(keys);
  const places = presencePlacesOutside(deps.db, deps.profile.id, keys, financialPeriod).sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.financialPeriod.localeCompare(b.financialPeriod),
  );
  const out = new Map<string, VismaDoc[]>();
  for (const place of places) {
    for (const found of await deps.visma.listDocumentsInPeriod(place.kind, place.financialPeriod)) {
      const key = keyOfFound(found);
      if (!key || !wanted.has(key)) continue;
      out.set(key, [...(out.get(key) ?? []), vismaDocOf(found, new Map())]);
    }
  }
  return out;
}
