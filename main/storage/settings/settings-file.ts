import { copyFileSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import type { AppSettings } from '../types';
import { AppSettingsSchema, defaultSettings } from './schema';
import { localeFromTag } from '../../../shared/locale-tag';
import { SettingsError, upgradeSettings } from './upgrade';

/** What start-up made of a settings file. */
export interface LoadedSettings {
  settings: AppSettings;
  /** A plain-language explanation when the file could not be used and defaults were taken instead. */
  problem: string | null;
  /** True when the file should be (re)written: it was upgraded, cleaned up, or replaced by defaults. */
  needsWrite: boolean;
}

/** `settings.json.broken-2026-11-25T08-30-00-000Z`: colons are not allowed in Windows file names. */
export function brokenCopyPath(file: string, now: Date): string {
  return `${file}.broken-${now.toISOString().replace(/[:.]/g, '-')}`;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Reads, upgrades and validates a settings file. Never throws for bad content: a corrupt, invalid or too-new file
 * is copied to `<file>.broken-<time>` (nothing is lost) and defaults are returned with a `problem` message.
 */
export function loadSettingsFile(
  file: string,
  now: () => Date = () => new Date(),
  systemTag: string = Intl.DateTimeFormat().resolvedOptions().locale,
): LoadedSettings {
  const text = readText(file);
  // A first start speaks the system's language (Windows' user locale, LANG elsewhere) when we have it.
  const firstStart = defaultSettings(localeFromTag(systemTag) ?? 'en');
  if (text === null) return { settings: firstStart, problem: null, needsWrite: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
    const settings = upgradeSettings(raw);
    return { settings, problem: null, needsWrite: JSON.stringify(settings) !== JSON.stringify(raw) };
  } catch (err) {
    const why = err instanceof SettingsError ? err.message : 'The settings file is not valid JSON.';
    const copy = brokenCopyPath(file, now());
    copyFileSync(file, copy);
    return {
      settings: firstStart,
      problem: `${why} A copy was kept as "${copy}" and the app started with default settings.`,
      needsWrite: true,
    };
  }
}

/** Validates settings about to be saved; throws `SettingsError` (nothing is written) when they are not valid. */
export function validateSettings(next: AppSettings): AppSettings {
  const parsed = AppSettingsSchema.safeParse(next);
  if (!parsed.success) {
    throw new SettingsError(
      'invalid',
      `These settings cannot be saved: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`,
    );
  }
  return parsed.data;
}

/** Settings as the file holds them: pretty JSON with a trailing newline. */
export function serializeSettings(settings: AppSettings): string {
  return JSON.stringify(settings, null, 2) + '\n';
}
