/** Finds text a reader should never see in a translated page: English sources that were not translated, and codes. */

type Tree = { [key: string]: string | Tree };

/** Every `key → text` of a translation file. */
export function flattenTexts(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenTexts(value, path)) out.set(k, v);
  }
  return out;
}

const plain = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
const words = (text: string) => text.split(' ').filter((w) => /\p{L}/u.test(w)).length;

/**
 * The English phrases that must not show up in `target`'s pages: the literal pieces (between placeholders) of every
 * English text that the target translates differently, at least three words long, leaving out any piece that the
 * target's own texts also contain (product names, menu paths in Visma, …).
 */
export function englishSources(english: Map<string, string>, target: Map<string, string>): string[] {
  const targetText = plain([...target.values()].join('\n'));
  const pieces = new Set<string>();
  for (const [key, text] of english) {
    if (target.get(key) === text) continue;
    for (const piece of text.split(/\{\{[^}]*\}\}/)) {
      const phrase = plain(piece).replace(/^[\s,.:;()–-]+|[\s,.:;()–-]+$/g, '');
      if (words(phrase) >= 3 && !targetText.includes(phrase)) pieces.add(phrase);
    }
  }
  return [...pieces];
}

/** What looks like an internal code rather than words: `{{`, dotted codes, snake_case codes, translation keys. */
export function rawCodes(text: string): string[] {
  // Addresses are not codes (a host name has dots); take them out first.
  const withoutAddresses = text.replace(/\bhttps?:\/\/\S+/g, ' ').replace(/\S+@\S+\.\S+/g, ' ');
  const patterns = [
    /\{\{|\}\}/g,
    /\b[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z-]*){2,}\b/g,
    /\b[a-z]+(?:_[a-z]+)+\b/g,
    /\b(?:pages|settings|codes|recon|setup|common|errors)\.[a-zA-Z.]+\b/g,
  ];
  return patterns.flatMap((p) => withoutAddresses.match(p) ?? []);
}

/** The English phrases of `sources` that occur in the visible `text`. */
export function untranslated(text: string, sources: readonly string[]): string[] {
  const shown = plain(text);
  return sources.filter((phrase) => shown.includes(phrase));
}
