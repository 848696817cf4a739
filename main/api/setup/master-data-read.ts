import type { SetupMasterDataView } from '../../../shared/contract/setup-schemas';
import { matchMasterData, type AlignProfile } from '../../engine/alignment/run-alignment';
import { listSuggestions } from '../../engine/alignment/store/suggestions';
import { loadLinks } from '../../engine/mapping/rule-store';
import { FULL_REFRESH_LISTS, loadMasterData, refreshMasterData } from '../../engine/master-data/cache';
import type { EnginePorts } from '../../engine/ports';
import type { Ledger } from '../../storage/types';

/**
 * The steps the wizard's read goes through: the full cache refresh, ServiceTitan's customers and vendors, then the
 * matching.
 */
export const MASTER_DATA_LISTS = FULL_REFRESH_LISTS + 3;

/**
 * Reads master data of both sides for the wizard: a full refresh of the engine's cache (Visma accounts, customers,
 * suppliers, periods, VAT, dimensions, branches, projects; ServiceTitan tax zones and business units), then counts
 * ServiceTitan's customers and vendors, then matches them with the alignment's own code (`matchMasterData`: exact
 * pairs linked, similar ones suggested) so the map step shows what is matched, suggested and left. Nothing is written
 * to either system and no document is planned. `progress` hears `done` of `MASTER_DATA_LISTS` after each step.
 */
export async function readMasterDataForSetup(
  db: Ledger,
  profile: AlignProfile,
  ports: EnginePorts,
  progress: (list: string, done: number) => void,
): Promise<SetupMasterDataView> {
  const profileId = profile.id;
  let done = 0;
  const step = (list: string) => progress(list, ++done);
  await refreshMasterData(db, profileId, ports.visma, ports.st, { full: true, onRead: step });
  const stCustomers = (await ports.st.customerRecords()).length;
  step('st.customer');
  const stVendors = (await ports.st.vendorRecords()).length;
  step('st.vendor');
  await matchMasterData(profile, { db, ports, actor: 'user' });
  step('match');
  const standing = (kind: 'customer' | 'supplier') => ({
    linked: loadLinks(db, profileId, kind).size,
    suggested: listSuggestions(db, profileId, kind).length,
  });
  const md = loadMasterData(db, profileId);
  return {
    customers: { servicetitan: stCustomers, visma: md.customers.size },
    vendors: { servicetitan: stVendors, visma: md.suppliers.size },
    glAccounts: { visma: md.accounts.size },
    taxZones: { servicetitan: md.stTaxZones.size, vatZones: md.vatZones.size, vatCodes: md.vatCodes.size },
    businessUnits: {
      servicetitan: md.stBusinessUnits.size,
      branches: md.branches.size,
      dimensions: md.segments.reduce((n, s) => n + s.values.length, 0),
    },
    projects: { visma: md.projects.size },
    matched: { customers: standing('customer'), vendors: standing('supplier') },
  };
}
