import type Database from 'better-sqlite3';
import type { Locale, SecretKind } from '../../shared/contract';
import type { ProfileConfig } from '../../shared/profile-config';

/** A profile as stored in settings: the config without any secret. */
export type StoredProfile = Omit<ProfileConfig, 'servicetitan' | 'visma' | 'webhook'> & {
  servicetitan: Omit<ProfileConfig['servicetitan'], 'clientSecret' | 'appKey'>;
  visma: Omit<ProfileConfig['visma'], 'clientSecret'>;
  webhook?: Omit<NonNullable<ProfileConfig['webhook']>, 'hmacKey'>;
};

/** The app's settings file (current version). */
export interface AppSettings {
  version: number;
  locale: Locale;
  activeProfileId: string | null;
  profiles: StoredProfile[];
}

/** Settings persistence; Electron uses electron-store, the CLI and tests a JSON file. Both validate with one schema. */
export interface SettingsStore {
  /** Where the settings live (shown in the UI and logs). */
  readonly location: string;
  /** The current settings (validated, upgraded). */
  read(): AppSettings;
  /** Applies a change atomically and returns the result. */
  update(change: (current: AppSettings) => AppSettings): AppSettings;
}

/** Secret persistence in the OS keychain: one entry per profile and kind. Values never leave except through `get`. */
export interface SecretStore {
  /** The secret, or null when none is stored. */
  get(profileId: string, kind: SecretKind): Promise<string | null>;
  /** Stores (or replaces) a secret. */
  set(profileId: string, kind: SecretKind, value: string): Promise<void>;
  /** Removes a secret; true when one existed. */
  delete(profileId: string, kind: SecretKind): Promise<boolean>;
  /** Replaces an existing secret; fails when none exists (use `set` for a first value). */
  rotate(profileId: string, kind: SecretKind, value: string): Promise<void>;
  /** Which kinds are set for a profile. */
  status(profileId: string): Promise<Record<SecretKind, boolean>>;
}

/** The SQLite ledger connection. */
export type Ledger = Database.Database;
