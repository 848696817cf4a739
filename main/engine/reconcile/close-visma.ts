/**
 * The Visma side of the close beyond the period's own lists: where else Visma holds documents under the period's
 * markers (a copy posted into the first open period, a duplicate made by a second installation or by hand). The
 * presence lists say where to look (brought up to date with one delta list per kind); the other periods' own lists,
 * read fresh, say what is there, so a document deleted since it was last seen is not counted.
 */
import type { Ledger } from '../../storage/types';
import type { VismaDocKind } from '../domain';
import { newRunPresence, refreshPresence } from '../lifecycle/presence';
import { presenceOf } from '../lifecycle/presence-store';
import type { VismaPort } from '../ports';
import { keyOfFound } from './keys';
import type { VismaDoc } from './types';
import { DOCUMENT_KINDS, vismaDocOf } from './visma-side';

/** What looking beyond the period needs. */
export interface ElsewhereDeps {
  db: Ledger;
  profile: { id: string; timeZone: string; servicetitan: { tenantId: string } };
  visma: Pick<VismaPort, 'listChangedDocuments' | 'listDocumentsInPeriod'>;
  now: () => Date;
}

/**
 * Every Visma document under each of `keys` in periods other than `financialPeriod`, read from those periods' lists.
 * The presence lists are refreshed first (one delta list per document kind).
 */
export async function documentsElsewhere(
  deps: ElsewhereDeps,
  keys: readonly string[],
  financialPeriod: string,
): Promise<Map<string, VismaDoc[]>> {
  await refreshPresence(
    {
      db: deps.db,
      profileId: deps.profile.id,
      tenantId: deps.profile.servicetitan.tenantId,
      timeZone: deps.profile.timeZone,
      now: deps.now,
      presence: newRunPresence(),
      visma: deps.visma,
    },
    DOCUMENT_KINDS,
  );
  const wanted = new Set(keys);
  const where = new Set<string>();
  for (const rows of presenceOf(deps.db, deps.profile.id, keys).values())
    for (const { doc } of rows)
      if (doc.financialPeriod && doc.financialPeriod !== financialPeriod)
        where.add(`${doc.kind}|${doc.financialPeriod}`);
  const out = new Map<string, VismaDoc[]>();
  for (const place of [...where].sort()) {
    const [kind, period] = place.split('|') as [VismaDocKind, string];
    for (const found of await deps.visma.listDocumentsInPeriod(kind, period)) {
      const key = keyOfFound(found);
      if (!key || !wanted.has(key)) continue;
      out.set(key, [...(out.get(key) ?? []), vismaDocOf(found, new Map())]);
    }
  }
  return out;
}
