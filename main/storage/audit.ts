import { z } from 'zod';
import { redactor } from '../log/redactor';
import type { Ledger } from './types';

/** Who caused an audited event. */
export const AuditActor = z.enum(['schedule', 'user', 'webhook', 'system', 'cli']);
export type AuditActor = z.infer<typeof AuditActor>;

/** How an audited event ended. */
export const AuditOutcome = z.enum(['success', 'failure', 'blocked', 'skipped', 'info']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

const text = z.string().min(1).max(2000);

/** A message the UI can say in its own language: a code (`document.posted`) and the values its text names. */
export const AuditMessageCode = z.string().regex(/^[a-z][a-zA-Z0-9_.-]{0,79}$/, 'Use a short dotted code.');
export const AuditMessageParams = z.record(z.string(), z.union([z.string().max(2000), z.number()]));
export type AuditMessageParams = z.infer<typeof AuditMessageParams>;

/** Where the message code is kept inside `details_json` (no schema change: the column already holds JSON). */
const MESSAGE_KEY = '$message';

/** One audit event as the caller writes it; never put a secret in it (messages are redacted anyway). */
export const AuditEntry = z
  .object({
    at: z.iso.datetime({ offset: true }).optional(),
    profileId: z.string().max(64).nullable().optional(),
    actor: AuditActor,
    action: z.string().regex(/^[a-z][a-z0-9_.-]{0,79}$/, 'Use a short dotted name such as "invoice.posted".'),
    sourceType: text.optional(),
    sourceId: text.optional(),
    sourceNumber: text.optional(),
    stModifiedOn: text.optional(),
    vismaDocType: text.optional(),
    vismaDocNumber: text.optional(),
    glBatchNumber: text.optional(),
    outcome: AuditOutcome,
    /** The message in English, for the CLI, the logs and the search; the UI says `messageCode` in its language. */
    message: z.string().max(10_000).optional(),
    messageCode: AuditMessageCode.optional(),
    messageParams: AuditMessageParams.optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type AuditEntry = z.input<typeof AuditEntry>;

/** A stored audit event. */
export interface AuditRecord extends Omit<z.output<typeof AuditEntry>, 'at' | 'profileId'> {
  id: number;
  at: string;
  profileId: string | null;
}

/** Which audit events to list; newest first. */
export const AuditFilter = z
  .object({
    profileId: z.string().optional(),
    actor: AuditActor.optional(),
    action: z.string().optional(),
    outcome: AuditOutcome.optional(),
    sourceType: z.string().optional(),
    sourceId: z.string().optional(),
    /** Inclusive lower and exclusive upper bound on `at` (ISO strings compare in time order). */
    from: z.string().optional(),
    to: z.string().optional(),
    /** Substring of the message or a document number. */
    search: z.string().min(1).max(200).optional(),
    /** Only events with an id below this (paging backwards). */
    beforeId: z.number().int().positive().optional(),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export type AuditFilter = z.input<typeof AuditFilter>;

const columns = {
  sourceType: 'source_type',
  sourceId: 'source_id',
  sourceNumber: 'source_number',
  stModifiedOn: 'st_modified_on',
  vismaDocType: 'visma_doc_type',
  vismaDocNumber: 'visma_doc_number',
  glBatchNumber: 'gl_batch_number',
} as const;

/** The details as stored: the caller's details plus, under `$message`, the message code and its values. */
function detailsJson(e: z.output<typeof AuditEntry>): string | null {
  const message = e.messageCode && { [MESSAGE_KEY]: { code: e.messageCode, params: e.messageParams ?? {} } };
  if (e.details === undefined && !message) return null;
  return redactor.redact(JSON.stringify({ ...e.details, ...message }));
}

/** Splits the stored details into the caller's details and the message code (when the event has one). */
function readDetails(json: string): Pick<AuditRecord, 'details' | 'messageCode' | 'messageParams'> {
  const { [MESSAGE_KEY]: stored, ...details } = JSON.parse(json) as Record<string, unknown>;
  const message = z.object({ code: AuditMessageCode, params: AuditMessageParams }).safeParse(stored);
  return {
    ...(Object.keys(details).length > 0 && { details }),
    ...(message.success && { messageCode: message.data.code, messageParams: message.data.params }),
  };
}

/** Validates and appends one audit event (message and details pass the redactor); returns its id. */
export function appendAudit(db: Ledger, entry: AuditEntry, now = () => new Date()): number {
  const e = AuditEntry.parse(entry);
  const row: Record<string, string | null> = {
    at: e.at ?? now().toISOString(),
    profile_id: e.profileId ?? null,
    actor: e.actor,
    action: e.action,
    outcome: e.outcome,
    message: e.message === undefined ? null : redactor.redact(e.message),
    details_json: detailsJson(e),
  };
  for (const [key, column] of Object.entries(columns)) row[column] = e[key as keyof typeof columns] ?? null;
  const names = Object.keys(row);
  const sql = `INSERT INTO audit_log (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`;
  return Number(db.prepare(sql).run(row).lastInsertRowid);
}

type AuditRow = Record<string, string | number | null>;

function toRecord(row: AuditRow): AuditRecord {
  const record: AuditRecord = {
    id: Number(row.id),
    at: String(row.at),
    profileId: row.profile_id === null ? null : String(row.profile_id),
    actor: row.actor as AuditActor,
    action: String(row.action),
    outcome: row.outcome as AuditOutcome,
  };
  for (const [key, column] of Object.entries(columns)) {
    const value = row[column];
    if (value !== null && value !== undefined) record[key as keyof typeof columns] = String(value);
  }
  if (row.message !== null) record.message = String(row.message);
  if (row.details_json !== null) Object.assign(record, readDetails(String(row.details_json)));
  return record;
}

/** Lists audit events matching `filter`, newest first. */
export function listAudit(db: Ledger, filter: AuditFilter = {}): AuditRecord[] {
  const f = AuditFilter.parse(filter);
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: f.limit };
  const add = (condition: string, key: string, value: string | number | undefined) => {
    if (value === undefined) return;
    where.push(condition);
    params[key] = value;
  };
  add('profile_id = @profileId', 'profileId', f.profileId);
  add('actor = @actor', 'actor', f.actor);
  add('action = @action', 'action', f.action);
  add('outcome = @outcome', 'outcome', f.outcome);
  add('source_type = @sourceType', 'sourceType', f.sourceType);
  add('source_id = @sourceId', 'sourceId', f.sourceId);
  add('at >= @from', 'from', f.from);
  add('at < @to', 'to', f.to);
  add('id < @beforeId', 'beforeId', f.beforeId);
  const like = (column: string) => `${column} LIKE @search ESCAPE '\\'`;
  add(
    `(${like('message')} OR ${like('source_number')} OR ${like('visma_doc_number')})`,
    'search',
    f.search === undefined ? undefined : `%${f.search.replace(/[\\%_]/g, (c) => '\\' + c)}%`,
  );
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db.prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT @limit`).all(params);
  return (rows as AuditRow[]).map(toRecord);
}
