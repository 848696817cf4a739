import { z } from 'zod';
import type { SecretKind } from '../../shared/contract/schemas';
import { ProfileConfig } from '../../shared/profile-config';
import { redactor } from '../log/redactor';
import { SECRET_KINDS } from './secrets/keys';
import { StoredProfileSchema } from './settings/schema';
import type { SecretStore, SettingsStore, StoredProfile } from './types';

/** A profile could not be saved; the message names the problem, never a secret. */
export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** The secret field of a full profile that belongs to `kind`, if present. */
export function profileSecret(profile: ProfileConfig, kind: SecretKind): string | undefined {
  switch (kind) {
    case 'servicetitan.clientSecret':
      return profile.servicetitan.clientSecret;
    case 'servicetitan.appKey':
      return profile.servicetitan.appKey;
    case 'visma.clientSecret':
      return profile.visma.clientSecret;
    case 'webhook.hmacKey':
      return profile.webhook?.hmacKey;
  }
}

/** The profile without any secret field: what may go into settings. */
export function stripSecrets(profile: ProfileConfig): StoredProfile {
  return StoredProfileSchema.parse(profile);
}

/**
 * Saves a full profile: its secrets go to the keychain (a missing secret leaves the stored one alone), the rest to
 * settings (replacing a profile with the same id). The first profile becomes the active one.
 */
export async function upsertProfile(
  settings: SettingsStore,
  profile: ProfileConfig,
  secrets: SecretStore,
): Promise<StoredProfile> {
  for (const kind of SECRET_KINDS) redactor.add(profileSecret(profile, kind));
  const parsed = ProfileConfig.safeParse(profile);
  if (!parsed.success) {
    throw new ProfileError(`The profile is not valid: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
  }
  const full = parsed.data;
  for (const kind of SECRET_KINDS) {
    const value = profileSecret(full, kind);
    if (value !== undefined) await secrets.set(full.id, kind, value);
  }
  const stored = stripSecrets(full);
  settings.update((s) => {
    const exists = s.profiles.some((p) => p.id === stored.id);
    return {
      ...s,
      profiles: exists ? s.profiles.map((p) => (p.id === stored.id ? stored : p)) : [...s.profiles, stored],
      activeProfileId: s.activeProfileId ?? stored.id,
    };
  });
  return stored;
}

/** Joins a stored profile with its keychain secrets into a full `ProfileConfig`; null when there is no such profile. */
export async function loadProfileConfig(
  settings: SettingsStore,
  secrets: SecretStore,
  profileId: string,
): Promise<ProfileConfig | null> {
  const stored = settings.read().profiles.find((p) => p.id === profileId);
  if (!stored) return null;
  const found: Partial<Record<SecretKind, string>> = {};
  for (const kind of SECRET_KINDS) found[kind] = (await secrets.get(profileId, kind)) ?? undefined;
  const full: ProfileConfig = {
    ...stored,
    servicetitan: {
      ...stored.servicetitan,
      clientSecret: found['servicetitan.clientSecret'],
      appKey: found['servicetitan.appKey'],
    },
    visma: { ...stored.visma, clientSecret: found['visma.clientSecret'] },
  };
  if (stored.webhook) full.webhook = { ...stored.webhook, hmacKey: found['webhook.hmacKey'] };
  return dropUndefined(full);
}

function isLoopback(url: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * True for a demo profile: one marked `demo: true`, or one made the way `st-visma demo` makes it (id `demo`, both
 * APIs on this computer's simulators). A profile that reaches a real API is never taken for a demo.
 */
export function isDemoProfile(p: Pick<StoredProfile, 'id' | 'servicetitan' | 'visma'>): boolean {
  const local =
    isLoopback(p.servicetitan.apiBaseUrl) &&
    isLoopback(p.servicetitan.authUrl) &&
    isLoopback(p.visma.apiBaseUrl) &&
    isLoopback(p.visma.tokenUrl);
  const marked = (p as { demo?: unknown }).demo === true;
  return local && (marked || p.id === 'demo');
}

/** The profile to make active when the active one goes: the first real one left, else the first demo, else none. */
export function nextActiveProfile(remaining: readonly StoredProfile[]): string | null {
  return (remaining.find((p) => !isDemoProfile(p)) ?? remaining[0])?.id ?? null;
}

/**
 * Removes a profile and all its keychain entries (every kind); true when it existed. When it was the active profile,
 * the first real profile left becomes active (a demo only when no real one is left).
 */
export async function removeProfile(
  settings: SettingsStore,
  secrets: SecretStore,
  profileId: string,
): Promise<boolean> {
  if (!settings.read().profiles.some((p) => p.id === profileId)) return false;
  for (const kind of SECRET_KINDS) await secrets.delete(profileId, kind);
  settings.update((s) => {
    const profiles = s.profiles.filter((p) => p.id !== profileId);
    const activeProfileId = s.activeProfileId === profileId ? nextActiveProfile(profiles) : s.activeProfileId;
    return { ...s, profiles, activeProfileId };
  });
  return true;
}

function dropUndefined<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
