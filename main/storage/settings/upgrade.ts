import { z } from 'zod';
import type { Locale } from '../../../shared/contract/schemas';
import { localeFromTag } from '../../../shared/locale-tag';
import type { AppSettings } from '../types';
import { AppSettingsSchema, CURRENT_SETTINGS_VERSION } from './schema';

/** The settings could not be understood; `message` says why in plain words. */
export class SettingsError extends Error {
  constructor(
    readonly reason: 'not_an_object' | 'too_new' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'SettingsError';
  }
}

type RawSettings = Record<string, unknown>;

/** Maps a v0 `language` value ("no", "nb-NO", "sv-SE", "en-GB", …) to a supported locale, English otherwise. */
function localeFromLanguage(language: unknown): Locale {
  return typeof language === 'string' ? (localeFromTag(language) ?? 'en') : 'en';
}

/** v0 (no `version`, `language` instead of `locale`) → v1. */
export function upgradeV0ToV1(v0: RawSettings): RawSettings {
  const { language, ...rest } = v0;
  return { ...rest, version: 1, locale: rest.locale ?? localeFromLanguage(language) };
}

/** `upgrades[n]` turns a version-n object into version n+1. Each one is pure. */
const upgrades: Record<number, (raw: RawSettings) => RawSettings> = {
  0: upgradeV0ToV1,
};

function isObject(value: unknown): value is RawSettings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns whatever was read from a settings file into current, validated settings, applying each upgrade in turn.
 * Pure: it never touches the file. Throws `SettingsError` with a plain-language message when it cannot.
 */
export function upgradeSettings(raw: unknown): AppSettings {
  if (!isObject(raw))
    throw new SettingsError('not_an_object', 'The settings file does not contain a settings object.');
  const version = raw.version === undefined ? 0 : raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new SettingsError(
      'invalid',
      `The settings file has an invalid version (${JSON.stringify(version)}).`,
    );
  }
  if (version > CURRENT_SETTINGS_VERSION) {
    throw new SettingsError(
      'too_new',
      `The settings file was written by a newer version of the app (format ${version}; this version reads up to ${CURRENT_SETTINGS_VERSION}).`,
    );
  }
  let current = raw;
  for (let v = version; v < CURRENT_SETTINGS_VERSION; v++) {
    const step = upgrades[v];
    if (!step) throw new Error(`No settings upgrade from version ${v}.`);
    current = step(current);
  }
  const parsed = AppSettingsSchema.safeParse(current);
  if (!parsed.success) {
    throw new SettingsError(
      'invalid',
      `The settings file is not valid: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
    );
  }
  return parsed.data;
}
