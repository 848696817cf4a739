import { z } from 'zod';
import { centsOf, isNegativeAmount, isZeroAmount } from '../../../shared/money';
import type { Ledger } from '../../storage/types';
import type { SourceDocument } from '../domain';
import { markerOf } from '../lifecycle/markers';
import { parseSource } from '../source-store';
import { numberKey, sourceOfKey } from './keys';
import { localDay } from './local-day';
import { addDays, type ReconPeriod } from './period';
import { rowChecker } from './row-check';
import type { LedgerRef, ReconDocType, StDoc } from './types';

const text = z.string().nullable();

/** A source document joined with its posting outbox row, as SQLite returns it (the `doc_*` fields read from its JSON). */
const LedgerRow = z.object({
  source_id: z.number(),
  kind: z.enum(['invoice', 'ap-bill']),
  st_id: z.string(),
  number: z.string(),
  eligible: z.number(),
  st_status: text,
  payload_json: z.string(),
  doc_date: z.string(),
  doc_active: z.number().nullable(),
  doc_total: text,
  outbox_id: z.number().nullable(),
  state: text,
  reason_code: text,
  reason_text: text,
  review_code: text,
  external_reference: text,
  visma_doc_number: text,
  holding: z.number().nullable(),
  planned_period: text,
  gl_batch_number: text,
  ignored_reason: text,
});
/** A source document joined with its posting outbox row. */
export type LedgerRow = z.infer<typeof LedgerRow>;

const checkRows = rowChecker(LedgerRow);

// Every column read is TEXT or INTEGER in the schema (TEXT affinity stores numbers as text); the values read out of
// JSON are cast, so the row schema needs no unions. Of the stored snapshot, SQLite's JSON reader gives what every row
// needs (the document date; activity and total where eligibility does not settle the scope): parsing every whole
// snapshot in code cost more than the rest of the close's ledger side, and the close mostly shows the live document.
// A planned line's holding flag is a JSON boolean: a plan without the text `true` has none set, and its lines are not
// walked one by one.
const SELECT = `SELECT s.id AS source_id, s.kind, s.st_id, s.number, s.eligible, s.st_status, s.payload_json,
  CAST(json_extract(s.payload_json, '$.documentDate') AS TEXT) AS doc_date,
  CASE WHEN s.eligible = 1 THEN NULL WHEN json_extract(s.payload_json, '$.active') = 1 THEN 1 ELSE 0 END AS doc_active,
  CASE WHEN s.eligible = 1 THEN NULL ELSE CAST(json_extract(s.payload_json, '$.total') AS TEXT) END AS doc_total,
  o.id AS outbox_id, o.state, o.reason_code, o.reason_text, o.review_code, o.external_reference, o.visma_doc_number,
  CAST(json_extract(o.planned_json, '$.financialPeriod') AS TEXT) AS planned_period, o.gl_batch_number,
  CASE WHEN instr(o.planned_json, 'true') = 0 THEN 0 ELSE
    EXISTS (SELECT 1 FROM json_each(o.planned_json, '$.lines') WHERE json_extract(value, '$.holding') = 1) END AS holding,
  o.ignored_reason
  FROM source_documents s LEFT JOIN outbox o ON o.source_id = s.id AND o.action = 'post'`;

/** SQLite caps bound parameters; look-ups by Visma number go in chunks of this size. */
const CHUNK = 400;

/** What a ServiceTitan document says that the close shows: its kind, date, amounts, business unit and party. */
export type DocumentFacts = Pick<
  SourceDocument,
  'kind' | 'documentDate' | 'total' | 'tax' | 'businessUnitId' | 'businessUnitName' | 'partyId' | 'partyName'
>;

/**
 * The reconciliation's document type of a ServiceTitan document: a bill is an AP bill, an invoice with a negative
 * total a credit note (the rule of `vismaKindOf`, read from the facts alone).
 */
export function docTypeOf(doc: Pick<SourceDocument, 'kind' | 'total'>): ReconDocType {
  if (doc.kind === 'ap-bill') return 'apBill';
  return isNegativeAmount(doc.total) ? 'creditNote' : 'invoice';
}

/**
 * Whether a ServiceTitan document belongs on the ServiceTitan side: eligible now, or taken on by the engine and
 * marked exported since (marking flips ServiceTitan's status, and with it `eligible`) while still active and
 * non-zero. A document voided after posting drops out, so its Visma document shows up as not eligible.
 */
export function inScope(row: LedgerRow): boolean {
  if (row.eligible === 1) return true;
  return (
    row.outbox_id !== null &&
    row.st_status === 'Exported' &&
    row.doc_active === 1 &&
    row.doc_total !== null &&
    !isZeroAmount(row.doc_total)
  );
}

/** What a ServiceTitan document itself says, in Visma's sign convention and as a local date. */
export function documentFields(
  doc: DocumentFacts,
  timeZone: string,
): Pick<
  StDoc,
  'documentType' | 'date' | 'businessUnitId' | 'businessUnitName' | 'amount' | 'vat' | 'partyId' | 'partyName'
> {
  const documentType = docTypeOf(doc);
  const negate = documentType === 'creditNote';
  return {
    documentType,
    date: localDay(doc.documentDate, timeZone),
    businessUnitId: doc.businessUnitId ?? null,
    businessUnitName: doc.businessUnitName ?? null,
    amount: centsOf(doc.total, negate),
    vat: centsOf(doc.tax, negate),
    partyId: doc.partyId || null,
    partyName: doc.partyName || null,
  };
}

/**
 * A ledger row as the reconciliation sees it: amounts in Visma's sign convention, the local document date. `doc` is
 * the document as ServiceTitan holds it now (read live), or the stored snapshot.
 */
export function stDocOf(row: LedgerRow, timeZone: string, tenantId: string, doc: DocumentFacts): StDoc {
  return stDocWith(documentFields(doc, timeZone), {
    sourceId: row.source_id,
    stId: row.st_id,
    number: row.number,
    key: row.external_reference ?? markerOf(row.kind, tenantId, row.st_id),
    outboxId: row.outbox_id,
    state: row.state,
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    vismaNumber: row.visma_doc_number,
    // Read by SQLite's JSON reader: parsing the whole planned document here cost more than the rest of the row.
    plannedPeriod: row.planned_period,
    glBatchNumber: row.gl_batch_number,
    ignoredReason: row.ignored_reason,
  });
}

/** The ledger's part of a `StDoc`: who the document is and what the outbox did with it. */
export type LedgerFields = Omit<StDoc, keyof ReturnType<typeof documentFields>>;

/**
 * A `StDoc` of a document's own fields and the ledger's, written out field by field: spreading one into an object
 * literal with a dozen more fields leaves V8 a slow dictionary-mode object, and the close holds tens of thousands.
 */
export function stDocWith(own: ReturnType<typeof documentFields>, ledger: LedgerFields): StDoc {
  return {
    documentType: own.documentType,
    date: own.date,
    businessUnitId: own.businessUnitId,
    businessUnitName: own.businessUnitName,
    amount: own.amount,
    vat: own.vat,
    partyId: own.partyId,
    partyName: own.partyName,
    sourceId: ledger.sourceId,
    stId: ledger.stId,
    number: ledger.number,
    key: ledger.key,
    outboxId: ledger.outboxId,
    state: ledger.state,
    reasonCode: ledger.reasonCode,
    reasonText: ledger.reasonText,
    vismaNumber: ledger.vismaNumber,
    plannedPeriod: ledger.plannedPeriod,
    glBatchNumber: ledger.glBatchNumber,
    ignoredReason: ledger.ignoredReason,
  };
}

function rows(db: Ledger, sql: string, params: unknown[]): LedgerRow[] {
  return checkRows(db.prepare(sql).all(...params));
}

/** A ledger document found by key: its row, whether it is in scope, and its stored snapshot (parsed on first use). */
export interface LedgerDoc {
  row: LedgerRow;
  inScope: boolean;
  snapshot(): SourceDocument;
}

function ledgerDoc(row: LedgerRow): LedgerDoc {
  let parsed: SourceDocument | undefined;
  return { row, inScope: inScope(row), snapshot: () => (parsed ??= parseSource(row.payload_json)) };
}

/**
 * The ledger rows of the given engine keys (any date). One query per document kind with the ids as a JSON array, so
 * SQLite looks each one up in the unique (profile, kind, id) index; an OR of (kind, id) pairs would scan every
 * document of the profile once per chunk of keys.
 */
function rowsByKeys(
  db: Ledger,
  profile: { id: string; servicetitan: { tenantId: string } },
  keys: readonly string[],
): { key: string; row: LedgerRow }[] {
  const idsByKind = new Map<string, string[]>();
  for (const source of keys.map(sourceOfKey)) {
    if (!source) continue;
    const ids = idsByKind.get(source.kind) ?? [];
    ids.push(source.stId);
    idsByKind.set(source.kind, ids);
  }
  const out: { key: string; row: LedgerRow }[] = [];
  for (const [kind, ids] of idsByKind) {
    const found = rows(
      db,
      `${SELECT} WHERE s.profile_id = ? AND s.kind = ? AND s.st_id IN (SELECT value FROM json_each(?))`,
      [profile.id, kind, JSON.stringify(ids)],
    );
    for (const row of found)
      out.push({ key: markerOf(row.kind, profile.servicetitan.tenantId, row.st_id), row });
  }
  return out;
}

/** The ledger documents of ServiceTitan documents (any date), by key. */
export function ledgerDocsByKeys(
  db: Ledger,
  profile: { id: string; servicetitan: { tenantId: string } },
  keys: readonly string[],
): Map<string, LedgerDoc> {
  const out = new Map<string, LedgerDoc>();
  for (const { key, row } of rowsByKeys(db, profile, keys)) out.set(key, ledgerDoc(row));
  return out;
}

/** Every in-scope ServiceTitan document (see `inScope`) whose local document date falls in the period, by key. */
export function periodLedgerDocs(
  db: Ledger,
  profile: { id: string; timeZone: string; servicetitan: { tenantId: string } },
  period: ReconPeriod,
): Map<string, LedgerDoc> {
  // A coarse UTC window in SQL (no time zone is more than a day off), then the exact local date in code. The date
  // expression is the one `source_documents_by_document_date` indexes (migration 0006).
  const found = rows(
    db,
    `${SELECT} WHERE s.profile_id = ? AND json_extract(s.payload_json, '$.documentDate') >= ?
       AND json_extract(s.payload_json, '$.documentDate') < ? AND (s.eligible = 1 OR o.id IS NOT NULL)`,
    [profile.id, addDays(period.firstDay, -2), addDays(period.nextFirstDay, 2)],
  );
  const out = new Map<string, LedgerDoc>();
  for (const row of found) {
    if (!inScope(row)) continue;
    const date = localDay(row.doc_date, profile.timeZone);
    if (date < period.firstDay || date >= period.nextFirstDay) continue;
    out.set(markerOf(row.kind, profile.servicetitan.tenantId, row.st_id), ledgerDoc(row));
  }
  return out;
}

/** Who ignored each of the given documents, as the audit log recorded it (by key). */
export function ignoredBy(
  db: Ledger,
  profileId: string,
  docs: readonly { key: string; kind: string; stId: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  const query = db.prepare(
    `SELECT actor FROM audit_log WHERE profile_id = ? AND action = 'document.ignored' AND source_type = ?
     AND source_id = ? ORDER BY id DESC LIMIT 1`,
  );
  for (const d of docs) {
    const found = query.get(profileId, d.kind, d.stId) as { actor: string } | undefined;
    if (found) out.set(d.key, found.actor);
  }
  return out;
}

/** The ledger documents behind engine keys (any period, eligible or not), by key. */
export function ledgerRefs(
  db: Ledger,
  profile: { id: string; timeZone: string; servicetitan: { tenantId: string } },
  keys: readonly string[],
): Map<string, LedgerRef> {
  const out = new Map<string, LedgerRef>();
  for (const { key, row } of rowsByKeys(db, profile, keys)) {
    const doc = stDocOf(row, profile.timeZone, profile.servicetitan.tenantId, parseSource(row.payload_json));
    out.set(key, {
      key,
      stId: doc.stId,
      number: doc.number,
      date: doc.date,
      eligible: inScope(row),
      businessUnitId: doc.businessUnitId,
      businessUnitName: doc.businessUnitName,
    });
  }
  return out;
}

const NumberRow = z.object({
  visma_doc_type: z.string(),
  visma_doc_number: z.string(),
  external_reference: z.string(),
});

/** Engine keys of Visma documents the outbox recorded by type and number (for documents whose key was edited away). */
export function keysByVismaNumber(
  db: Ledger,
  profileId: string,
  docs: readonly { kind: string; number: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < docs.length; i += CHUNK) {
    const chunk = docs.slice(i, i + CHUNK);
    const found = z.array(NumberRow).parse(
      db
        .prepare(
          `SELECT visma_doc_type, visma_doc_number, external_reference FROM outbox
           WHERE profile_id = ? AND visma_doc_type IS NOT NULL AND visma_doc_number IN (${chunk.map(() => '?').join(', ')})`,
        )
        .all(profileId, ...chunk.map((d) => d.number)),
    );
    for (const r of found) out.set(numberKey(r.visma_doc_type, r.visma_doc_number), r.external_reference);
  }
  return out;
}
