/** Reads the GL level of the close from Visma: the balances of the accounts the mappings use, against the documents. */
import type { SyncSettings } from '../../../shared/sync-settings';
import type { Ledger } from '../../storage/types';
import { loadRules } from '../mapping/rule-store';
import { loadMasterData } from '../master-data/cache';
import type { FoundDocument, VismaPort } from '../ports';
import { glAccountsOfProfile, glLevel } from './gl-level';
import type { GlLevel } from './types';

/** What the GL level needs: the ledger's rules and master data, and Visma's balances. */
export interface GlReadDeps {
  db: Ledger;
  profileId: string;
  visma: Pick<VismaPort, 'glBalances'>;
  settings: SyncSettings;
  /** Wraps the wait for Visma (the close times it apart from its own work). */
  waitFor?: <T>(work: Promise<T>) => Promise<T>;
}

/**
 * The period's movement on every account the mappings, the holding account and the close settings name, against
 * what the period's released documents explain (one balances read); null with the plain reason when Visma's
 * balances could not be read — the checklist then cannot call the GL explained.
 */
export async function readGlLevel(
  deps: GlReadDeps,
  financialPeriod: string,
  documents: FoundDocument[],
): Promise<{ level: GlLevel | null; error: string | null }> {
  const master = loadMasterData(deps.db, deps.profileId);
  const accounts = glAccountsOfProfile({
    rules: loadRules(deps.db, deps.profileId),
    settings: deps.settings,
    master: { accounts: master.accounts.values(), vatCodes: master.vatCodes.values() },
    documents,
  });
  try {
    const read = deps.visma.glBalances(financialPeriod);
    const balances = await (deps.waitFor ? deps.waitFor(read) : read);
    return {
      level: glLevel({ balances, documents, accounts, vatCodes: [...master.vatCodes.values()] }),
      error: null,
    };
  } catch (err) {
    return {
      level: null,
      error: `Visma's general ledger balances could not be read: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
