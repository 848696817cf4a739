import { join } from 'node:path';
import type { SecretKind } from '../../shared/contract';
import { appendAudit } from '../storage/audit';
import { SetupDraftStore } from '../storage/setup-drafts';
import { ApiError, type Handlers } from './dispatch';
import type { EngineService } from './engine-service';
import type { AppServices } from './services';
import { testUnsavedConnection } from './setup/connection';
import { startDemoProfile } from './setup/demo';
import { MASTER_DATA_LISTS, readMasterDataForSetup } from './setup/master-data-read';
import { previewFirstSync } from './setup/preview';
import { setupStatus } from './setup/status';
import { refuse } from './refusals';

type SetupChannels =
  | 'connection.testUnsaved'
  | 'setup.drafts'
  | 'setup.saveDraft'
  | 'setup.deleteDraft'
  | 'setup.storeSecrets'
  | 'setup.startDemo'
  | 'setup.readMasterData'
  | 'setup.status'
  | 'setup.preview';

function failed(err: unknown): never {
  if (err instanceof ApiError) throw err;
  throw new ApiError('service_failed', err instanceof Error ? err.message : String(err));
}

/** Handlers of the first-run / "Add company" wizard: drafts, tests of unsaved values, the demo, reads and previews. */
export function createSetupHandlers(
  services: AppServices,
  engine: EngineService,
): Pick<Handlers, SetupChannels> {
  const drafts = new SetupDraftStore(join(services.dataDir, 'setup-drafts.json'));
  const saved = (profileId: string) => services.settings.read().profiles.some((p) => p.id === profileId);
  const requireProfile = async (profileId: string) => engine.profile(profileId);

  return {
    'connection.testUnsaved': (input) => testUnsavedConnection(input),
    'setup.drafts': () => Promise.resolve({ drafts: drafts.list() }),
    'setup.saveDraft': ({ draft }) => Promise.resolve({ draft: drafts.save(draft) }),
    'setup.deleteDraft': ({ profileId }) => Promise.resolve({ deleted: drafts.delete(profileId) }),
    'setup.storeSecrets': async ({ profileId, secrets }) => {
      if (!drafts.get(profileId) && !saved(profileId))
        throw refuse('noProfileOrDraft', { profile: profileId });
      const stored: SecretKind[] = [];
      for (const [kind, value] of Object.entries(secrets) as [SecretKind, string | undefined][]) {
        if (!value) continue;
        await services.secrets.set(profileId, kind, value);
        stored.push(kind);
      }
      engine.dropConnection(profileId);
      if (stored.length > 0)
        appendAudit(services.ledger, {
          profileId,
          actor: 'user',
          action: 'secret.stored',
          outcome: 'success',
          message: `Stored ${stored.join(', ')} of ${profileId} from the setup wizard.`,
          details: { kinds: stored },
        });
      return { stored };
    },
    'setup.startDemo': async () => ({ profile: await startDemoProfile(services, engine).catch(failed) }),
    'setup.readMasterData': async ({ profileId }) => {
      const profile = await requireProfile(profileId);
      const emit = (list: string, done: number) =>
        services.events.emit('setup.progress', { profileId, list, done, total: MASTER_DATA_LISTS });
      emit('start', 0);
      try {
        return await readMasterDataForSetup(services.ledger, profile, await engine.ports(profileId), emit);
      } catch (err) {
        engine.dropConnection(profileId);
        return failed(err);
      }
    },
    'setup.status': async ({ profileId }) => {
      await requireProfile(profileId);
      return setupStatus(services.ledger, profileId);
    },
    'setup.preview': async ({ profileId }) => {
      const profile = await requireProfile(profileId);
      if (engine.running(profileId)) throw refuse('previewWhileSyncing');
      try {
        return await previewFirstSync(profile, services.ledger, await engine.ports(profileId));
      } catch (err) {
        engine.dropConnection(profileId);
        return failed(err);
      }
    },
  };
}
