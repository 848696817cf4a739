import { loadLinks, setLink } from '../mapping/rule-store';
import { listOutbox } from '../outbox/store';
import { getCursor, parseSource, setCursor } from '../source-store';
import {
  audit,
  emptyPartyCounts,
  recordFailure,
  type AlignContext,
  type PartyCounts,
  saveCreatedPair,
} from './context';
import { FIELD_LABELS, PARTY_FIELDS, sameValue, type PartyField, type PartyFields } from './fields';
import { matchParties, type MatchParty } from './matcher';
import type { StCustomerRecord, VismaPartyRecord } from '../master-data/records';
import { saveRecords } from '../master-data/cache';
import type { StCustomerInfo } from '../master-data/types';
import { FatalSyncError } from '../ports';
import { loadSnapshot, saveSnapshot } from './store/snapshots';
import { listSuggestions, offerSuggestion, retireLinkedSuggestions } from './store/suggestions';
import { loadRegister } from './store/tax-zones';

/** Only these customer fields flow (ServiceTitan → Visma); the e-mail is the customer's primary e-mail contact. */
const FLOWING: PartyField[] = ['name', 'street', 'zip', 'city', 'country', 'email'];
const SKEW_MS = 5 * 60 * 1000;

const asMatch = (key: string, f: PartyFields): MatchParty => ({
  key,
  name: f.name,
  street: f.street,
  zip: f.zip,
  phone: f.phone,
  email: f.email,
});

/** ServiceTitan customer ids of waiting invoices that have no Visma customer yet. */
function neededCustomers(ctx: AlignContext): Set<string> {
  const links = loadLinks(ctx.db, ctx.profileId, 'customer');
  const out = new Set<string>();
  for (const row of listOutbox(ctx.db, ctx.profileId, ['pending', 'ready', 'blocked'])) {
    if (row.sourceKind !== 'invoice') continue;
    const id = parseSource(row.payloadJson).partyId;
    if (id && !links.has(id)) out.add(id);
  }
  return out;
}

function matchUnlinked(
  ctx: AlignContext,
  customers: StCustomerRecord[],
  visma: VismaPartyRecord[],
  counts: PartyCounts,
): void {
  const links = loadLinks(ctx.db, ctx.profileId, 'customer');
  const taken = new Set(links.values());
  const free = visma.filter((v) => !taken.has(v.number)).map((v) => asMatch(v.number, v.fields));
  const at = ctx.now().toISOString();
  for (const residential of [false, true]) {
    const group = customers.filter((c) => !links.has(c.id) && (c.type === 'Residential') === residential);
    const result = matchParties(
      group.map((c) => asMatch(c.id, c.fields)),
      free,
      { suggestThreshold: ctx.settings.masterData.suggestThreshold, requireCorroboration: residential },
    );
    for (const pair of result.autoLinks) {
      if (taken.has(pair.vismaKey)) continue;
      setLink(ctx.db, ctx.profileId, 'customer', pair.stId, pair.vismaKey, 'matched', ctx.actor);
      taken.add(pair.vismaKey);
      counts.linked++;
    }
    for (const pair of result.suggestions) {
      if (!offerSuggestion(ctx.db, ctx.profileId, { kind: 'customer', ...pair }, at)) continue;
      counts.suggested++;
      audit(
        ctx,
        'suggestion.offered',
        'info',
        `ServiceTitan customer ${pair.stId} may be Visma customer ${pair.vismaKey} (${pair.reasons.join(', ')}); waiting for a decision.`,
        { kind: 'customer', ...pair },
      );
    }
  }
}

async function createNeeded(
  ctx: AlignContext,
  customers: Map<string, StCustomerRecord>,
  needed: Set<string>,
  counts: PartyCounts,
): Promise<void> {
  if (!ctx.settings.createCustomers) return;
  const links = loadLinks(ctx.db, ctx.profileId, 'customer');
  const waiting = new Set(listSuggestions(ctx.db, ctx.profileId, 'customer').map((s) => s.stId));
  const register = loadRegister(ctx.db, ctx.profileId);
  for (const id of needed) {
    const c = customers.get(id);
    if (!c || links.has(id) || waiting.has(id)) continue;
    try {
      const zone = await ctx.ports.st.customerTaxZone(id);
      const vatZoneId = zone ? (register.get(zone)?.vatZoneId ?? undefined) : undefined;
      const customerClassId = ctx.settings.masterData.customerClassByType[c.type];
      setCursor(ctx.db, ctx.profileId, `intent:customer:${id}`, ctx.now().toISOString());
      const number = await ctx.ports.visma.createCustomerRecord({
        fields: c.fields,
        vatZoneId,
        customerClassId,
      });
      setLink(ctx.db, ctx.profileId, 'customer', id, number, 'created', ctx.actor);
      counts.createdInVisma++;
      counts.linked++;
      audit(
        ctx,
        'customer.created',
        'success',
        `Customer ${number} "${c.fields.name}" created in Visma from ServiceTitan customer ${id}${vatZoneId ? ` (VAT zone ${vatZoneId})` : ''}.`,
        { stId: id, vismaKey: number, vatZoneId, customerClassId },
      );
      saveCreatedPair(ctx, 'customer', id, number, c.fields, { st: c.modifiedOn });
    } catch (err) {
      if (err instanceof FatalSyncError) throw err;
      counts.failed++;
      recordFailure(
        ctx,
        'customer.failed',
        `ServiceTitan customer ${id} "${c.fields.name}" could not be created in Visma`,
        err,
        { stId: id },
      );
    }
  }
}

/** Name and address changes of a linked ServiceTitan customer flow to its Visma customer (one way). */
async function flowChanges(
  ctx: AlignContext,
  c: StCustomerRecord,
  number: string,
  counts: PartyCounts,
): Promise<void> {
  const snapshot = loadSnapshot(ctx.db, ctx.profileId, 'customer', c.id);
  const at = ctx.now().toISOString();
  const base = snapshot && snapshot.vismaKey === number ? snapshot : null;
  const changes: Partial<PartyFields> = {};
  if (base) for (const f of FLOWING) if (!sameValue(f, base.st[f], c.fields[f])) changes[f] = c.fields[f];
  try {
    if (Object.keys(changes).length > 0 && ctx.settings.masterData.updateCustomers) {
      await ctx.ports.visma.updateCustomer(number, changes);
      counts.updatedInVisma++;
      const what = (Object.keys(changes) as PartyField[]).map((f) => FIELD_LABELS[f]).join(', ');
      audit(
        ctx,
        'customer.updated',
        'success',
        `Customer ${number} "${c.fields.name}": ${what} updated from ServiceTitan customer ${c.id}.`,
        { stId: c.id, vismaKey: number, changes },
      );
    }
    const fields = Object.fromEntries(PARTY_FIELDS.map((f) => [f, c.fields[f]])) as PartyFields;
    saveSnapshot(
      ctx.db,
      ctx.profileId,
      'customer',
      c.id,
      {
        vismaKey: number,
        st: fields,
        visma: base?.visma ?? fields,
        stModifiedOn: c.modifiedOn,
        vismaModifiedOn: null,
      },
      at,
    );
  } catch (err) {
    if (err instanceof FatalSyncError) throw err;
    counts.failed++;
    recordFailure(
      ctx,
      'customer.failed',
      `Visma customer ${number} could not be updated from ServiceTitan customer ${c.id}`,
      err,
      { stId: c.id, vismaKey: number },
    );
  }
}

/** Reads the customers alignment looks at this run, with their primary e-mail filled in. */
async function readCustomers(
  ctx: AlignContext,
  since: string | undefined,
  needed: Set<string>,
): Promise<Map<string, StCustomerRecord>> {
  const [changed, contactChanged] = await Promise.all([
    ctx.ports.st.customerRecords(since),
    since ? ctx.ports.st.customersWithChangedContacts(since) : Promise.resolve([]),
  ]);
  const have = new Set(changed.map((c) => c.id));
  const missing = [...new Set([...needed, ...contactChanged])].filter((id) => !have.has(id));
  const extra = missing.length > 0 ? await ctx.ports.st.customerRecordsByIds(missing) : [];
  const customers = new Map([...changed, ...extra].map((c) => [c.id, c]));
  const emails = await ctx.ports.st.customerEmails([...customers.keys()]);
  for (const c of customers.values()) c.fields = { ...c.fields, email: emails.get(c.id) ?? '' };
  return customers;
}

/** Keeps the customers read in the master-data cache, so the mapping view can name them (number and name). */
function cacheCustomers(ctx: AlignContext, customers: Map<string, StCustomerRecord>): void {
  const infos: StCustomerInfo[] = [...customers.values()].map((c) => ({
    id: c.id,
    name: c.fields.name,
    type: c.type,
    tagTypeIds: c.tagTypeIds,
    active: c.fields.active === 'active',
    ...(c.fields.street && { street: c.fields.street }),
    ...(c.fields.city && { city: c.fields.city }),
    ...(c.fields.zip && { zip: c.fields.zip }),
    ...(c.fields.country && { country: c.fields.country }),
  }));
  saveRecords(ctx.db, ctx.profileId, 'st', 'customer', infos, (r) => r.id, false, ctx.now().toISOString());
}

/**
 * Customers: match ServiceTitan customers (all on the first run, then those changed since, or whose contacts
 * changed) to Visma customers,
 * create the Visma customers that waiting invoices need (type → customer class, tax zone → VAT zone), and let
 * name and address changes flow to linked Visma customers.
 */
export async function alignCustomers(
  ctx: AlignContext,
  onRead?: (customers: StCustomerRecord[]) => void,
): Promise<PartyCounts> {
  const counts = emptyPartyCounts();
  if (!ctx.settings.masterData.matchCustomers && !ctx.settings.createCustomers) return counts;
  const last = getCursor(ctx.db, ctx.profileId, 'md:customers');
  const started = ctx.now().toISOString();
  const since = last ? new Date(Date.parse(last) - SKEW_MS).toISOString() : undefined;
  const needed = neededCustomers(ctx);
  const [customers, visma] = await Promise.all([
    readCustomers(ctx, since, needed),
    ctx.ports.visma.customerRecords(),
  ]);
  onRead?.([...customers.values()]);
  cacheCustomers(ctx, customers);
  if (ctx.settings.masterData.matchCustomers) matchUnlinked(ctx, [...customers.values()], visma, counts);
  // Matching only (the setup wizard): no creation, no changes flow, and the cursor stays so the first sync reads all.
  if (ctx.matchOnly) {
    retireLinkedSuggestions(ctx.db, ctx.profileId, 'customer', started);
    return counts;
  }
  await createNeeded(ctx, customers, needed, counts);
  retireLinkedSuggestions(ctx.db, ctx.profileId, 'customer', started);
  const links = loadLinks(ctx.db, ctx.profileId, 'customer');
  for (const c of customers.values()) {
    const number = links.get(c.id);
    if (number) await flowChanges(ctx, c, number, counts);
  }
  setCursor(ctx.db, ctx.profileId, 'md:customers', started);
  return counts;
}
