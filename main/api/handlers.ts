import { logger } from '../log/logger';
import { appendAudit } from '../storage/audit';
import type { StoredProfile } from '../storage/types';
import type { Handlers } from './dispatch';
import { summarizeProfile } from './profile-summary';
import { createAdminHandlers } from './admin-handlers';
import { createEngineHandlers } from './engine-handlers';
import { createLedgerHandlers } from './ledger-handlers';
import { createMappingHandlers } from './mapping-handlers';
import { createSettingsHandlers } from './settings-handlers';
import { createSetupHandlers } from './setup-handlers';
import { EngineService } from './engine-service';
import { PRODUCT_NAME } from './product';
import type { AppServices } from './services';
import { refuse } from './refusals';

export { PRODUCT_NAME } from './product';

/** Builds the implementation of every channel over the given services (and the host's engine service). */
export function createHandlers(
  services: AppServices,
  engine: EngineService = new EngineService(services),
): Handlers {
  const { settings, secrets } = services;

  const requireProfile = (profileId: string): StoredProfile => {
    const profile = settings.read().profiles.find((p) => p.id === profileId);
    if (!profile) throw refuse('noProfile', { profile: profileId });
    return profile;
  };

  return {
    ...createEngineHandlers(services, engine),
    ...createSettingsHandlers(services, engine),
    ...createLedgerHandlers(services, engine),
    ...createAdminHandlers(services, engine),
    ...createSetupHandlers(services, engine),
    ...createMappingHandlers(services, engine),
    'app.info': () =>
      Promise.resolve({
        name: PRODUCT_NAME,
        version: services.version,
        host: services.host,
        demo: services.demo,
        dataDir: services.dataDir,
      }),
    'settings.get': () => {
      const s = settings.read();
      return Promise.resolve({ locale: s.locale, activeProfileId: s.activeProfileId });
    },
    'settings.setLocale': ({ locale }) => {
      settings.update((s) => ({ ...s, locale }));
      return Promise.resolve({ locale });
    },
    'profiles.list': () => {
      const s = settings.read();
      return Promise.resolve({
        profiles: s.profiles.map(summarizeProfile),
        activeProfileId: s.activeProfileId,
      });
    },
    'profiles.setActive': ({ profileId }) => {
      requireProfile(profileId);
      settings.update((s) => ({ ...s, activeProfileId: profileId }));
      return Promise.resolve({ activeProfileId: profileId });
    },
    'secrets.status': async ({ profileId }) => {
      requireProfile(profileId);
      return { secrets: await secrets.status(profileId) };
    },
    'secrets.set': async ({ profileId, kind, value }) => {
      requireProfile(profileId);
      const existed = (await secrets.status(profileId))[kind];
      await secrets.set(profileId, kind, value);
      engine.dropConnection(profileId);
      if (kind === 'webhook.hmacKey') await engine.refresh(profileId);
      const message = `${existed ? 'Replaced' : 'Stored'} the ${kind} of profile ${profileId}.`;
      appendAudit(services.ledger, {
        profileId,
        actor: 'user',
        action: existed ? 'secret.rotated' : 'secret.stored',
        outcome: 'success',
        message,
        details: { kind },
      });
      logger.info(message, profileId);
      return { kind, set: true as const };
    },
    'secrets.delete': async ({ profileId, kind }) => {
      requireProfile(profileId);
      const deleted = await secrets.delete(profileId, kind);
      engine.dropConnection(profileId);
      const message = deleted
        ? `Deleted the ${kind} of profile ${profileId}.`
        : `No ${kind} was stored for ${profileId}.`;
      if (deleted) {
        appendAudit(services.ledger, {
          profileId,
          actor: 'user',
          action: 'secret.deleted',
          outcome: 'success',
          message,
          details: { kind },
        });
      }
      logger.info(message, profileId);
      return { kind, deleted };
    },
  };
}
