import { Cron } from 'croner';
import type { ProfileSettingsView } from '../../shared/contract';
import { WebhookConfig } from '../../shared/profile-config';
import { SyncSettings } from '../../shared/sync-settings';
import { appendAudit } from '../storage/audit';
import type { StoredProfile } from '../storage/types';
import type { Handlers } from './dispatch';
import type { EngineService } from './engine-service';
import type { AppServices } from './services';
import { refuse } from './refusals';

/** Refuses a schedule croner cannot read, in plain words. */
function checkSchedule(expression: string | null | undefined): void {
  if (!expression) return;
  try {
    new Cron(expression, { paused: true }).stop();
  } catch {
    throw refuse('scheduleInvalid', { expression });
  }
}

async function view(
  p: StoredProfile,
  services: AppServices,
  engine: EngineService,
): Promise<ProfileSettingsView> {
  const sync = SyncSettings.parse(p.sync ?? {});
  const hook = WebhookConfig.parse(p.webhook ?? {});
  return {
    holdingAccount: sync.holdingAccount,
    releaseHoldingDocuments: sync.releaseHoldingDocuments,
    postIntoFirstOpenPeriod: sync.postIntoFirstOpenPeriod,
    markExported: sync.markExported,
    createCustomers: sync.createCustomers,
    createSuppliers: sync.createSuppliers,
    eligibleInvoiceStatuses: sync.eligibleInvoiceStatuses,
    schedule: sync.schedule,
    suppliersToServiceTitan: sync.masterData.suppliersToServiceTitan,
    webhook: {
      enabled: hook.enabled,
      port: hook.port,
      signatureHeader: hook.signatureHeader,
      signatureEncoding: hook.signatureEncoding,
      hmacKeySet: (await services.secrets.status(p.id))['webhook.hmacKey'],
      listeningOn: await engine.webhookUrl(p.id),
    },
  };
}

/** Handlers of the per-profile sync settings (holding account, schedule, webhooks…). */
export function createSettingsHandlers(
  services: AppServices,
  engine: EngineService,
): Pick<Handlers, 'profiles.getSettings' | 'profiles.setSettings'> {
  const stored = (profileId: string): StoredProfile => {
    const p = services.settings.read().profiles.find((x) => x.id === profileId);
    if (!p) throw refuse('noProfile', { profile: profileId });
    return p;
  };
  return {
    'profiles.getSettings': ({ profileId }) => view(stored(profileId), services, engine),
    'profiles.setSettings': async ({ profileId, settings: change }) => {
      const current = stored(profileId);
      checkSchedule(change.schedule);
      const { webhook, suppliersToServiceTitan, ...syncChange } = change;
      const sync = SyncSettings.parse(current.sync ?? {});
      const next: StoredProfile = {
        ...current,
        sync: {
          ...sync,
          ...syncChange,
          masterData: { ...sync.masterData, ...(suppliersToServiceTitan ? { suppliersToServiceTitan } : {}) },
        },
        webhook: { ...WebhookConfig.parse(current.webhook ?? {}), ...webhook },
      };
      const before = await view(current, services, engine);
      services.settings.update((s) => ({
        ...s,
        profiles: s.profiles.map((p) => (p.id === profileId ? next : p)),
      }));
      const after = await view(next, services, engine);
      const changed = (Object.keys(after) as (keyof ProfileSettingsView)[]).filter(
        (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
      );
      if (changed.length > 0) {
        appendAudit(services.ledger, {
          profileId,
          actor: 'user',
          action: 'profile.settings-changed',
          outcome: 'success',
          message: `Sync settings of ${profileId} changed: ${changed.join(', ')}.`,
          details: { change },
        });
        engine.dropConnection(profileId);
        await engine.refresh(profileId);
      }
      return view(stored(profileId), services, engine);
    },
  };
}
