import type { ProfileRemovalView, SecretKind } from '../../shared/contract';
import { logger } from '../log/logger';
import { appendAudit } from '../storage/audit';
import { createBackup, type LedgerBackup } from '../storage/backups';
import { isDemoProfile, removeProfile } from '../storage/profiles';
import { SECRET_KINDS } from '../storage/secrets/keys';
import type { StoredProfile } from '../storage/types';
import type { EngineService } from './engine-service';
import type { AppServices } from './services';
import { refuse } from './refusals';

/** True when `typed` is the profile's id or its name (spaces around and letter case do not matter). */
export function confirmsRemoval(
  profile: Pick<StoredProfile, 'id' | 'name'>,
  typed: string | undefined,
): boolean {
  const said = (typed ?? '').trim().toLowerCase();
  return said !== '' && (said === profile.id.toLowerCase() || said === profile.name.trim().toLowerCase());
}

/** The ledger as it is now, kept as a `profile-removed` backup (never pruned); null when the ledger is not a file. */
async function keepLedger(
  services: AppServices,
  profile: StoredProfile,
  demo: boolean,
): Promise<LedgerBackup | null> {
  const file = services.ledgerStore?.file ?? services.ledger.name;
  if (!file || file === ':memory:') return null;
  const state = services.ledgerStore?.state.state ?? 'open';
  if (state !== 'open') {
    if (demo) return null;
    throw refuse('removalLedgerUnreadable', { state, name: profile.name });
  }
  return (await createBackup(services.ledger, { reason: 'profile-removed', now: new Date() })).backup;
}

/**
 * Removes a profile: refuses while it syncs or without the typed confirmation (a demo needs none), keeps the ledger
 * as a backup, stops its schedule and webhook receiver, deletes every kind of secret of it from the keychain (and
 * checks none is left), removes it from settings and audits the removal. Its rows stay in the ledger, so a profile
 * added again under the same id knows what was already posted.
 */
export async function removeProfileWithBackup(
  services: AppServices,
  engine: EngineService,
  profileId: string,
  confirmation: string | undefined,
): Promise<ProfileRemovalView> {
  const profile = services.settings.read().profiles.find((p) => p.id === profileId);
  if (!profile) throw refuse('noProfile', { profile: profileId });
  const demo = isDemoProfile(profile);
  if (!demo && !confirmsRemoval(profile, confirmation))
    throw refuse('removalConfirm', { name: profile.name, id: profile.id });
  if (engine.running(profileId)) throw refuse('removalWhileSyncing', { name: profile.name });
  const backup = await keepLedger(services, profile, demo);
  const before = await services.secrets.status(profileId);
  await removeProfile(services.settings, services.secrets, profileId);
  engine.dropConnection(profileId);
  await engine.refresh(profileId);
  const after = await services.secrets.status(profileId);
  const left = SECRET_KINDS.filter((k) => after[k]);
  if (left.length > 0) throw refuse('removalSecretsLeft', { name: profile.name, kinds: left.join(', ') });
  const secretsDeleted: SecretKind[] = SECRET_KINDS.filter((k) => before[k]);
  const where = backup ? ` The ledger was kept as ${backup.file}.` : '';
  const message = `Removed ${demo ? 'the demo profile' : 'profile'} ${profileId} ("${profile.name}") and ${secretsDeleted.length} secret(s) of it from the keychain.${where}`;
  appendAudit(services.ledger, {
    profileId,
    actor: 'user',
    action: 'profile.removed',
    outcome: 'success',
    message,
    details: { demo, secretsDeleted, backup: backup?.file ?? null },
  });
  logger.info(message, profileId);
  const active = services.settings.read().activeProfileId;
  return {
    profileId,
    demo,
    secretsDeleted,
    backup: backup
      ? { name: backup.name, createdAt: backup.createdAt, sizeBytes: backup.sizeBytes, reason: backup.reason }
      : null,
    backupFile: backup?.file ?? null,
    activeProfileId: active,
  };
}
