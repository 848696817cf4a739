import { crashPoint } from '../crash-point';
import { loadLinks, setLink, type LinkKind } from '../mapping/rule-store';
import { saveRecords } from '../master-data/cache';
import type { StCustomerInfo, StVendorInfo, VParty } from '../master-data/types';
import { getCursor, setCursor } from '../source-store';
import type { RunContext } from './context';

const norm = (s: string) => s.trim().toLowerCase();

/**
 * ServiceTitan party ids (and names) of waiting documents that have no link yet, oldest document first. SQL picks
 * them out of the snapshots: the waiting documents' payloads are not loaded.
 */
function unlinkedParties(ctx: RunContext, kind: LinkKind): Map<string, string> {
  const rows = ctx.db
    .prepare(
      `SELECT party_id, party_name FROM (
         SELECT o.id, json_extract(s.payload_json, '$.partyId') AS party_id,
           json_extract(s.payload_json, '$.partyName') AS party_name
         FROM outbox o JOIN source_documents s ON s.id = o.source_id
         WHERE o.profile_id = ? AND o.state IN ('pending', 'ready', 'blocked') AND s.kind = ?) w
       WHERE w.party_id IS NOT NULL AND w.party_id <> ''
         AND NOT EXISTS (SELECT 1 FROM links l WHERE l.profile_id = ? AND l.kind = ? AND l.st_id = w.party_id)
       ORDER BY w.id`,
    )
    .all(ctx.profileId, kind === 'customer' ? 'invoice' : 'ap-bill', ctx.profileId, kind) as {
    party_id: string | number;
    party_name: string | null;
  }[];
  const wanted = new Map<string, string>();
  for (const r of rows) wanted.set(String(r.party_id), r.party_name ?? '');
  return wanted;
}

/**
 * A create that may have landed before a crash left an intent: adopt a Visma party of the same name instead of
 * creating a second one.
 */
function cachedParties(ctx: RunContext, kind: LinkKind): VParty[] {
  const md = ctx.db
    .prepare(`SELECT payload_json FROM master_data WHERE profile_id = ? AND side = 'visma' AND kind = ?`)
    .all(ctx.profileId, kind) as { payload_json: string }[];
  return md.map((r) => JSON.parse(r.payload_json) as VParty);
}

function adoptAfterCrash(ctx: RunContext, kind: LinkKind, stId: string, name: string): VParty | undefined {
  if (!getCursor(ctx.db, ctx.profileId, `intent:${kind}:${stId}`)) return undefined;
  const taken = new Set(loadLinks(ctx.db, ctx.profileId, kind).values());
  return cachedParties(ctx, kind).find((p) => !taken.has(p.number) && norm(p.name) === norm(name));
}

/** An existing, active Visma supplier with exactly this name (vendors are companies: names identify them). */
function uniqueByName(ctx: RunContext, kind: LinkKind, name: string): VParty | undefined {
  const hits = cachedParties(ctx, kind).filter((p) => p.active && norm(p.name) === norm(name));
  return hits.length === 1 ? hits[0] : undefined;
}

/** After a create without an answer: re-read recent parties and adopt the one that landed, if it did. */
async function adoptAfterUncertain(
  ctx: RunContext,
  kind: LinkKind,
  info: StCustomerInfo | StVendorInfo,
): Promise<void> {
  const since = new Date(ctx.now().getTime() - 10 * 60 * 1000).toISOString();
  const recent = kind === 'customer' ? await ctx.visma.customers(since) : await ctx.visma.suppliers(since);
  saveRecords(ctx.db, ctx.profileId, 'visma', kind, recent, (r) => r.number, false, ctx.now().toISOString());
  const adopted = adoptAfterCrash(ctx, kind, info.id, info.name);
  if (adopted) setLink(ctx.db, ctx.profileId, kind, info.id, adopted.number, 'matched', ctx.actor);
}

async function ensure<T extends StCustomerInfo | StVendorInfo>(
  ctx: RunContext,
  kind: LinkKind,
  fetch: (ids: string[]) => Promise<T[]>,
  create: (info: T) => ReturnType<RunContext['visma']['createCustomer']>,
): Promise<void> {
  const wanted = unlinkedParties(ctx, kind);
  if (wanted.size === 0) return;
  const infos = await fetch([...wanted.keys()]);
  if (kind === 'customer')
    saveRecords(ctx.db, ctx.profileId, 'st', 'customer', infos, (r) => r.id, false, ctx.now().toISOString());
  for (const info of infos) {
    await ctx.breathe();
    const adopted =
      adoptAfterCrash(ctx, kind, info.id, info.name) ??
      (kind === 'supplier' ? uniqueByName(ctx, kind, info.name) : undefined);
    if (adopted) {
      setLink(ctx.db, ctx.profileId, kind, info.id, adopted.number, 'matched', ctx.actor);
      continue;
    }
    setCursor(ctx.db, ctx.profileId, `intent:${kind}:${info.id}`, ctx.now().toISOString());
    crashPoint('party.before-create');
    const outcome = await create(info);
    crashPoint('party.after-create');
    if (outcome.status === 'uncertain') await adoptAfterUncertain(ctx, kind, info);
    if (outcome.status !== 'ok') continue; // unlinked unless adopted; the document is blocked with the reason
    ctx.db.transaction(() => {
      saveRecords(
        ctx.db,
        ctx.profileId,
        'visma',
        kind,
        [outcome.value],
        (r) => r.number,
        false,
        ctx.now().toISOString(),
      );
      setLink(ctx.db, ctx.profileId, kind, info.id, outcome.value.number, 'created', ctx.actor);
    })();
    crashPoint('party.linked');
  }
}

/** Links or creates the Visma customers and suppliers that waiting documents need (per settings). */
export async function ensureParties(ctx: RunContext): Promise<void> {
  if (ctx.settings.createCustomers) {
    await ensure(
      ctx,
      'customer',
      (ids) => ctx.st.customersByIds(ids),
      (c) => ctx.visma.createCustomer(c),
    );
  }
  if (ctx.settings.createSuppliers) {
    await ensure(
      ctx,
      'supplier',
      (ids) => ctx.st.vendorsByIds(ids),
      (v) => ctx.visma.createSupplier(v),
    );
  }
}
