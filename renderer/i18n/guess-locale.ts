import type { Locale } from '../../shared/contract/schemas';

/** The UI language to use before settings are known: Norwegian for a Norwegian system, otherwise English. */
export function guessLocale(languages: readonly string[]): Locale {
  const first = languages[0]?.toLowerCase() ?? '';
  return /^(nb|nn|no)\b/.test(first) ? 'nb' : 'en';
}
