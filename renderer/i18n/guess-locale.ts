import type { Locale } from '../../shared/contract/schemas';
import { localeFromTag } from '../../shared/locale-tag';

/** The UI language to use before settings are known: the system's first language when we have it, else English. */
export function guessLocale(languages: readonly string[]): Locale {
  return localeFromTag(languages[0] ?? '') ?? 'en';
}
