import type { ChannelOutput, ChannelParsedInput } from '../../../../shared/contract/channels';
import type { ConnectionReport } from '../../../../shared/contract/engine-schemas';
import type { ProfileSummary, SecretKind } from '../../../../shared/contract/schemas';
import type {
  SetupDraft,
  SetupMasterDataView,
  SetupPreviewView,
  SetupStatusView,
} from '../../../../shared/contract/setup-schemas';

/** What the fake wizard engine answers; every part has a plain default. */
export interface SetupSeed {
  drafts?: SetupDraft[];
  /** `connection.testUnsaved`: passes unless this says otherwise for the values given. */
  testUnsaved?: (input: ChannelParsedInput<'connection.testUnsaved'>) => ConnectionReport;
  masterData?: SetupMasterDataView;
  status?: SetupStatusView;
  preview?: SetupPreviewView;
}

/** The fake's shared state the wizard channels read and change. */
export interface SetupState {
  profiles: ProfileSummary[];
  secrets: Map<string, Set<SecretKind>>;
  /** Makes a new profile the active one when none is (as saving the first profile does in main). */
  activate(profileId: string): void;
  emit(event: string, payload: unknown): void;
}

type SetupChannel =
  | 'connection.testUnsaved'
  | 'setup.drafts'
  | 'setup.saveDraft'
  | 'setup.deleteDraft'
  | 'setup.storeSecrets'
  | 'setup.startDemo'
  | 'setup.readMasterData'
  | 'setup.status'
  | 'setup.preview';

/** Counts a small seeded pair of companies would read. */
export const sampleMasterData: SetupMasterDataView = {
  customers: { servicetitan: 25, visma: 3 },
  vendors: { servicetitan: 6, visma: 4 },
  glAccounts: { visma: 42 },
  taxZones: { servicetitan: 3, vatZones: 2, vatCodes: 8 },
  businessUnits: { servicetitan: 6, branches: 1, dimensions: 3 },
  projects: { visma: 2 },
};

/** The wizard channels of the memory bridge. */
export function setupHandlers(
  seed: SetupSeed,
  state: SetupState,
): { [N in SetupChannel]: (input: ChannelParsedInput<N>) => ChannelOutput<N> } {
  const drafts = new Map((seed.drafts ?? []).map((d) => [d.profileId, d]));
  return {
    'connection.testUnsaved': (input) => seed.testUnsaved?.(input) ?? { ok: true, checks: [] },
    'setup.drafts': () => ({ drafts: [...drafts.values()] }),
    'setup.saveDraft': ({ draft }) => {
      drafts.set(draft.profileId, draft);
      return { draft };
    },
    'setup.deleteDraft': ({ profileId }) => ({ deleted: drafts.delete(profileId) }),
    'setup.storeSecrets': ({ profileId, secrets }) => {
      const kinds = Object.keys(secrets) as SecretKind[];
      const set = state.secrets.get(profileId) ?? new Set<SecretKind>();
      for (const kind of kinds) set.add(kind);
      state.secrets.set(profileId, set);
      return { stored: kinds };
    },
    'setup.startDemo': () => {
      const profile: ProfileSummary = {
        id: 'demo',
        name: 'Demo: Nordic Comfort Heating & Plumbing',
        timeZone: 'Europe/Oslo',
        servicetitan: { environment: 'integration', tenantId: '1000001' },
        visma: { environment: 'sandbox', companyId: '1', companyName: 'Nordic Comfort (demo)' },
        crossEnvironment: 'none',
        demo: true,
      };
      state.profiles.push(profile);
      state.activate(profile.id);
      return { profile };
    },
    'setup.readMasterData': ({ profileId }) => {
      state.emit('setup.progress', { profileId, list: 'st.vendor', done: 14, total: 14 });
      return seed.masterData ?? sampleMasterData;
    },
    'setup.status': () => seed.status ?? { reviewItems: 0, rules: 0, waiting: [] },
    'setup.preview': () => seed.preview ?? { documents: [], wouldPost: 0, wouldWait: 0 },
  };
}
