import type { SetupPreviewView } from '../../../shared/contract/setup-schemas';
import { SyncSettings } from '../../../shared/sync-settings';
import type { EngineProfile } from '../../engine/run-sync';
import type { EnginePorts } from '../../engine/ports';
import { createRunContext } from '../../engine/pipeline/context';
import { intake } from '../../engine/pipeline/intake';
import { describeProblems, loadResolveContext, planDocument } from '../../engine/pipeline/resolve-phase';
import type { ResolveContext } from '../../engine/mapping/resolve';
import { listOutbox } from '../../engine/outbox/store';
import type { Problem } from '../../engine/reasons';
import { parseSource } from '../../engine/source-store';
import type { SourceDocument } from '../../engine/domain';
import type { Ledger } from '../../storage/types';

/** How many documents the preview lists in full (the counts cover all of them). */
export const PREVIEW_LIMIT = 200;

/** The problems that only say the customer or supplier is not in Visma yet. */
const PARTY_CODES: ReadonlySet<string> = new Set([
  'customer_missing',
  'vendor_not_linked',
  'supplier_missing',
]);

/** The number a party created by the first sync is shown under in the preview (Visma assigns the real one). */
const NEW_PARTY = '(new)';

function onlyPartyMissing(problems: readonly Problem[]): boolean {
  return problems.length > 0 && problems.every((p) => PARTY_CODES.has(p.code));
}

/** The resolve context with the document's party present, as it will be once the first sync created it. */
function withCreatedParty(rc: ResolveContext, doc: SourceDocument): ResolveContext {
  const sales = doc.kind === 'invoice';
  const links = new Map(sales ? rc.customerLinks : rc.supplierLinks).set(doc.partyId, NEW_PARTY);
  const parties = new Map(sales ? rc.master.customers : rc.master.suppliers).set(NEW_PARTY, {
    number: NEW_PARTY,
    name: NEW_PARTY,
    active: true,
  });
  return sales
    ? { ...rc, customerLinks: links, master: { ...rc.master, customers: parties } }
    : { ...rc, supplierLinks: links, master: { ...rc.master, suppliers: parties } };
}

/**
 * Plans the next documents as the first sync would, without posting: reads new and changed documents from
 * ServiceTitan into the ledger (as a sync's intake does: nothing is written to Visma or ServiceTitan), then resolves
 * and validates every waiting one with the current mappings and cached master data. A document that only lacks a
 * customer or supplier the settings let the sync create is planned as if it existed.
 */
export async function previewFirstSync(
  profile: EngineProfile,
  db: Ledger,
  ports: EnginePorts,
): Promise<SetupPreviewView> {
  const settings = SyncSettings.parse(profile.sync ?? {});
  const ctx = createRunContext({ db, profile, settings, ...ports, actor: 'user', now: () => new Date() });
  await intake(ctx, 'all');
  const rc = loadResolveContext(ctx);
  const rows = listOutbox(db, profile.id, ['pending', 'ready', 'blocked']);
  const documents: SetupPreviewView['documents'] = [];
  let wouldPost = 0;
  for (const row of rows) {
    const doc = parseSource(row.payloadJson);
    let outcome = planDocument(doc, rc);
    let createsParty = false;
    const creates = doc.kind === 'invoice' ? settings.createCustomers : settings.createSuppliers;
    if (!outcome.ok && !outcome.nothingToPost && creates && onlyPartyMissing(outcome.problems)) {
      outcome = planDocument(doc, withCreatedParty(rc, doc));
      createsParty = true;
    }
    if (outcome.ok) wouldPost++;
    if (documents.length >= PREVIEW_LIMIT) continue;
    const base = { id: row.id, sourceNumber: row.sourceNumber, state: row.state, createsParty };
    documents.push(
      outcome.ok
        ? { ...base, outcome: 'ready', planned: outcome.planned, text: outcome.notes.join(' ') }
        : {
            ...base,
            outcome: 'blocked',
            problems: outcome.problems,
            text: describeProblems(outcome.problems),
          },
    );
  }
  return { documents, wouldPost, wouldWait: rows.length - wouldPost, names: namesOf(documents, rc) };
}

/** Visma's names of the accounts and VAT codes the listed documents' lines use, so the preview shows both. */
function namesOf(documents: SetupPreviewView['documents'], rc: ResolveContext): SetupPreviewView['names'] {
  const accounts: Record<string, string> = {};
  const vatCodes: Record<string, string> = {};
  for (const doc of documents)
    for (const line of doc.planned?.lines ?? []) {
      const account = rc.master.accounts.get(line.accountNumber)?.description;
      if (account) accounts[line.accountNumber] = account;
      const vat = line.vatCodeId ? rc.master.vatCodes.get(line.vatCodeId)?.description : undefined;
      if (line.vatCodeId && vat) vatCodes[line.vatCodeId] = vat;
    }
  return { accounts, vatCodes };
}
