/**
 * The ServiceTitan side of the close: the period's documents as ServiceTitan holds them now (read live), each joined
 * with what the ledger knows of it; the ledger stands in for a document the live read did not return.
 */
import { isZeroAmount } from '../../../shared/money';
import type { SyncSettings } from '../../../shared/sync-settings';
import type { Ledger } from '../../storage/types';
import { diffDocuments } from '../diff';
import type { SourceDocument, SourceEnvelope } from '../domain';
import { markerOf } from '../lifecycle/markers';
import { isEligible } from '../source-store';
import type { CloseStDoc } from './close';
import { sourceOfKey } from './keys';
import { localDay } from './local-day';
import {
  documentFields,
  ignoredBy,
  ledgerDocsByKeys,
  stDocOf,
  stDocWith,
  type LedgerDoc,
} from './ledger-side';
import type { StDoc } from './types';

/** The profile fields the ServiceTitan side needs. */
export interface SideProfile {
  id: string;
  timeZone: string;
  servicetitan: { tenantId: string };
}

/** The first and the day after the last local day of the period (`yyyy-MM-dd`). */
export interface DayRange {
  firstDay: string;
  nextFirstDay: string;
}

const POSTED = new Set(['posted', 'releasing', 'released', 'exported']);

/** A document ServiceTitan has that the ledger never took on. */
function unsyncedStDoc(doc: SourceDocument, timeZone: string, tenantId: string): StDoc {
  return stDocWith(documentFields(doc, timeZone), {
    sourceId: 0,
    stId: doc.stId,
    number: doc.number,
    key: markerOf(doc.kind, tenantId, doc.stId),
    outboxId: null,
    state: null,
    reasonCode: null,
    reasonText: null,
    vismaNumber: null,
    plannedPeriod: null,
    glBatchNumber: null,
    ignoredReason: null,
  });
}

/** A live document that may be in scope whatever the ledger says: eligible now, or exported, active and not zero. */
function mayBeInScope(env: SourceEnvelope, settings: SyncSettings): boolean {
  return (
    isEligible(env, settings) || (env.status === 'Exported' && env.doc.active && !isZeroAmount(env.doc.total))
  );
}

/** In scope when read live: eligible now, or taken on by the engine and marked exported since (still active, not zero). */
function liveInScope(env: SourceEnvelope, ledger: LedgerDoc | undefined, settings: SyncSettings): boolean {
  if (isEligible(env, settings)) return true;
  return (
    ledger?.row.outbox_id != null &&
    env.status === 'Exported' &&
    env.doc.active &&
    !isZeroAmount(env.doc.total)
  );
}

/** The fields ServiceTitan changed on a posted document since the ledger's snapshot (lines summed up as `lines`). */
function changedSincePosting(ledger: LedgerDoc, live: SourceDocument): string[] {
  if (!ledger.row.state || !POSTED.has(ledger.row.state)) return [];
  // The snapshot is stored as `JSON.stringify` wrote it: the same text is the same document, with nothing to compare.
  if (JSON.stringify(live) === ledger.row.payload_json) return [];
  const fields = diffDocuments(ledger.snapshot(), live).map((d) =>
    d.field.startsWith('line') ? 'lines' : d.field,
  );
  return [...new Set(fields)];
}

/** The local date of a timestamp, or null when ServiceTitan sent none that can be read (such a document is the review queue's). */
function safeLocalDate(instant: string, timeZone: string): string | null {
  try {
    return localDay(instant, timeZone);
  } catch {
    return null;
  }
}

/** The live documents whose local date is in the range, once each (a bill listed in two views counts once). */
export function liveInRange(
  envelopes: readonly SourceEnvelope[],
  range: DayRange,
  timeZone: string,
  tenantId: string,
) {
  const out = new Map<string, SourceEnvelope>();
  for (const env of envelopes) {
    const date = safeLocalDate(env.doc.documentDate, timeZone);
    if (!date) continue;
    const key = markerOf(env.doc.kind, tenantId, env.doc.stId);
    if (date >= range.firstDay && date < range.nextFirstDay && !out.has(key)) out.set(key, env);
  }
  return out;
}

/**
 * The period's ServiceTitan documents for the close: live ones (null when ServiceTitan could not be read) over the
 * ledger's in-scope documents of the period (`ledgerPeriod`), each with its ledger row, changes and who ignored it.
 */
export function closeStDocs(
  db: Ledger,
  profile: SideProfile,
  settings: SyncSettings,
  live: ReadonlyMap<string, SourceEnvelope> | null,
  ledgerPeriod: ReadonlyMap<string, LedgerDoc>,
): CloseStDoc[] {
  const { timeZone } = profile;
  const tenantId = profile.servicetitan.tenantId;
  // Only live documents the period's rows do not hold are looked up (their ledger date may be in another period),
  // and of those only the ones whose row can bring them into scope: any other is out of scope whatever the ledger says.
  const elsewhere: string[] = [];
  for (const [key, env] of live ?? [])
    if (!ledgerPeriod.has(key) && mayBeInScope(env, settings)) elsewhere.push(key);
  const found = ledgerDocsByKeys(db, profile, elsewhere);
  const out: CloseStDoc[] = [];
  const add = (env: SourceEnvelope | undefined, row: LedgerDoc | undefined) => {
    if (env && !liveInScope(env, row, settings)) return;
    if (!env && !row?.inScope) return;
    const st = row
      ? stDocOf(row.row, timeZone, tenantId, env?.doc ?? row.snapshot())
      : unsyncedStDoc(env!.doc, timeZone, tenantId);
    out.push({
      st,
      inLedger: row !== undefined,
      reviewCode: row?.row.review_code ?? null,
      onHoldingAccount: row?.row.holding === 1,
      changedFields: row && env ? changedSincePosting(row, env.doc) : [],
      ignoredBy: null,
    });
  };
  // Live documents first, then the period's rows the live read did not return (the order the report lists them in).
  for (const [key, env] of live ?? []) add(env, ledgerPeriod.get(key) ?? found.get(key));
  for (const [key, row] of ledgerPeriod) if (!live?.has(key)) add(undefined, row);
  const who = ignoredBy(
    db,
    profile.id,
    out
      .filter((d) => d.st.state === 'ignored' || d.st.ignoredReason)
      .map((d) => ({
        key: d.st.key,
        kind: sourceOfKey(d.st.key)?.kind ?? 'invoice',
        stId: d.st.stId,
      })),
  );
  for (const d of out) d.ignoredBy = who.get(d.st.key) ?? null;
  return out;
}
