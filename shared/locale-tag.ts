import type { Locale } from './contract/schemas';

/** Language tags (by their first subtag) that map to each UI language; Nynorsk and plain "no" read bokmål. */
const PREFIXES: readonly (readonly [RegExp, Locale])[] = [
  [/^(nb|nn|no)\b/i, 'nb'],
  [/^sv\b/i, 'sv'],
  [/^da\b/i, 'da'],
  [/^fi\b/i, 'fi'],
  [/^en\b/i, 'en'],
];

/** The UI language a BCP 47 tag ("sv-SE", "no", "fi") asks for, or `null` when we have no such language. */
export function localeFromTag(tag: string): Locale | null {
  return PREFIXES.find(([pattern]) => pattern.test(tag.trim()))?.[1] ?? null;
}
