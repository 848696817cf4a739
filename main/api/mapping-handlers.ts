import type { MappingRuleView } from '../../shared/contract';
import { localDate } from '../../shared/dates';
import { SyncSettings } from '../../shared/sync-settings';
import { acceptSuggestionsAbove } from '../engine/alignment/accept-above';
import { retireLinkedSuggestions } from '../engine/alignment/store/suggestions';
import { checkLink, checkRule, targetKindOf, type CheckContext } from '../engine/mapping/check-targets';
import { parseMappingFile, planImport } from '../engine/mapping/import-plan';
import { mappingsFromCsv, mappingsToCsv } from '../engine/mapping/mapping-csv';
import {
  exportMappings,
  importMappings,
  loadLinks,
  loadRules,
  markMappingsChanged,
  removeLink,
  setLink,
  setRule,
} from '../engine/mapping/rule-store';
import { MAPPING_TABLES, type MappingTable } from '../engine/mapping/rules';
import { loadMasterData, refreshMasterData } from '../engine/master-data/cache';
import type { StoredProfile } from '../storage/types';
import { ApiError, type Handlers } from './dispatch';
import type { EngineService } from './engine-service';
import { linkPage } from './queries/link-page';
import { pickerRecords, recordNames } from './queries/mapping-records';
import type { AppServices } from './services';
import { refuse, refuseTargets } from './refusals';

type MappingChannels =
  | 'mappings.list'
  | 'mappings.set'
  | 'mappings.links'
  | 'mappings.link'
  | 'mappings.acceptAbove'
  | 'mappings.records'
  | 'mappings.export'
  | 'mappings.import';

/** How the handlers bring the master-data cache up to date before an import is checked (the engine by default). */
export type RefreshMasterData = (profileId: string) => Promise<void>;

/** Which ServiceTitan record kind a table's key names, for its name. */
const SOURCE_KIND: Partial<Record<MappingTable, 'stBusinessUnit' | 'stTaxZone' | 'vatCode'>> = {
  revenueByBusinessUnit: 'stBusinessUnit',
  businessUnitDimensions: 'stBusinessUnit',
  vatByTaxZone: 'stTaxZone',
  accountByVatCode: 'vatCode',
};

function isTable(name: string): name is MappingTable {
  return (MAPPING_TABLES as string[]).includes(name);
}

/** Handlers of the mappings page: rules, links, suggestions, pickers, import and export. */
export function createMappingHandlers(
  services: AppServices,
  engine: EngineService,
  refresh: RefreshMasterData = async (profileId) => {
    const { visma, st } = await engine.ports(profileId);
    await refreshMasterData(services.ledger, profileId, visma, st);
  },
): Pick<Handlers, MappingChannels> {
  const db = services.ledger;
  const stored = (profileId: string): StoredProfile => {
    const profile = services.settings.read().profiles.find((p) => p.id === profileId);
    if (!profile) throw refuse('noProfile', { profile: profileId });
    return profile;
  };
  const settingsOf = (profileId: string) => SyncSettings.parse(stored(profileId).sync ?? {});
  const today = (profileId: string) => localDate(new Date(), stored(profileId).timeZone);
  const checkContext = (profileId: string): CheckContext => ({
    master: loadMasterData(db, profileId),
    settings: settingsOf(profileId),
    today: today(profileId),
  });

  const rulesView = (profileId: string): MappingRuleView[] => {
    const rules = loadRules(db, profileId) as Record<string, Record<string, Record<string, string>>>;
    const settings = settingsOf(profileId);
    const names = new Map<string, Map<string, string>>();
    const namesOf = (kind: Parameters<typeof recordNames>[2]) => {
      if (!names.has(kind)) names.set(kind, recordNames(db, profileId, kind));
      return names.get(kind)!;
    };
    const segmentNames = (kind: 'costCenter' | 'segmentValue') =>
      new Map(
        pickerRecords(db, profileId, kind, { limit: 10_000, today: today(profileId), settings }).records.map(
          (r) => [r.key, r.name],
        ),
      );
    const segments = { costCenter: segmentNames('costCenter'), segmentValue: segmentNames('segmentValue') };
    return Object.entries(rules).flatMap(([table, entries]) =>
      Object.entries(entries).map(([sourceKey, target]) => {
        const targetNames: Record<string, string> = {};
        for (const [field, value] of Object.entries(target)) {
          const what = targetKindOf(table, field);
          const name =
            what === 'costCenter' || what === 'segmentValue'
              ? segments[what].get(value)
              : what && what !== 'customer' && what !== 'supplier'
                ? namesOf(what).get(value)
                : undefined;
          if (name) targetNames[field] = name;
        }
        const sourceKind = SOURCE_KIND[table as MappingTable];
        const sourceName = sourceKind ? namesOf(sourceKind).get(sourceKey) : undefined;
        return { table, sourceKey, target, names: targetNames, ...(sourceName && { sourceName }) };
      }),
    );
  };

  const parseFile = (format: 'json' | 'csv', content: string) => {
    try {
      return parseMappingFile(format === 'json' ? JSON.parse(content) : mappingsFromCsv(content));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (format === 'json' && err instanceof SyntaxError) throw refuse('notJson', { detail: message });
      throw new ApiError('invalid_input', message);
    }
  };

  return {
    'mappings.list': ({ profileId }) => Promise.resolve({ rules: rulesView(profileId) }),
    'mappings.set': ({ profileId, table, sourceKey, target }) => {
      if (!isTable(table)) throw refuse('noMappingTable', { table });
      stored(profileId);
      if (target) {
        const refusals = checkRule(checkContext(profileId), table, sourceKey, target);
        if (refusals.length > 0) throw refuseTargets(refusals);
      }
      try {
        setRule(db, profileId, table, sourceKey, target, 'user');
      } catch (err) {
        throw new ApiError('invalid_input', err instanceof Error ? err.message : String(err));
      }
      return Promise.resolve({ rules: rulesView(profileId) });
    },
    'mappings.links': ({ profileId, ...query }) => {
      stored(profileId);
      return Promise.resolve(linkPage(db, profileId, query));
    },
    'mappings.link': ({ profileId, kind, stId, vismaKey }) => {
      stored(profileId);
      if (vismaKey === null) {
        removeLink(db, profileId, kind, stId, 'user');
        return Promise.resolve({ stId, vismaKey: null });
      }
      const refusal = checkLink(checkContext(profileId), kind, stId, vismaKey);
      if (refusal) throw refuseTargets([refusal]);
      const links = loadLinks(db, profileId, kind);
      const holder = [...links].find(([id, key]) => key === vismaKey && id !== stId)?.[0];
      if (holder)
        throw new ApiError(
          'conflict',
          `Visma ${kind} ${vismaKey} is already linked to ServiceTitan ${kind === 'customer' ? 'customer' : 'vendor'} ${holder}.`,
        );
      db.transaction(() => {
        setLink(db, profileId, kind, stId, vismaKey, 'user', 'user');
        retireLinkedSuggestions(db, profileId, kind, new Date().toISOString());
        markMappingsChanged(db, profileId);
      })();
      return Promise.resolve({ stId, vismaKey });
    },
    'mappings.acceptAbove': ({ profileId, kind, threshold }) => {
      stored(profileId);
      return Promise.resolve(
        acceptSuggestionsAbove(db, profileId, kind, threshold, loadMasterData(db, profileId), 'user'),
      );
    },
    'mappings.records': ({ profileId, kind, search, limit }) =>
      Promise.resolve(
        pickerRecords(db, profileId, kind, {
          search,
          limit,
          today: today(profileId),
          settings: settingsOf(profileId),
        }),
      ),
    'mappings.export': ({ profileId, format }) => {
      stored(profileId);
      const file = exportMappings(db, profileId);
      if (format === 'json')
        return Promise.resolve({
          filename: `mappings-${profileId}.json`,
          content: JSON.stringify(file, null, 2) + '\n',
        });
      const views = rulesView(profileId);
      const customers = recordNames(db, profileId, 'customer');
      const suppliers = recordNames(db, profileId, 'supplier');
      const content = mappingsToCsv(file, (table, field, value) => {
        if (table === 'links.customers') return customers.get(value);
        if (table === 'links.suppliers') return suppliers.get(value);
        return views.find((v) => v.table === table && v.target[field] === value)?.names?.[field];
      });
      return Promise.resolve({ filename: `mappings-${profileId}.csv`, content });
    },
    'mappings.import': async ({ profileId, format, content, apply }) => {
      stored(profileId);
      const file = parseFile(format, content);
      try {
        await refresh(profileId);
      } catch (err) {
        throw new ApiError(
          'service_failed',
          `Visma's accounts, customers and suppliers could not be read to check the file: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
      const plan = planImport(exportMappings(db, profileId), file, checkContext(profileId));
      const applied = apply && plan.refusals.length === 0;
      if (applied) importMappings(db, profileId, file, 'user');
      return { ...plan, applied };
    },
  };
}
