import { describe, expect, it } from 'vitest';
import { languageLoaders } from '../../../../renderer/i18n/create-i18n';
import { Locale } from '../../../../shared/contract/schemas';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();
/** Braces that are not a well-formed `{{name}}` placeholder: a typo such as `{name}` or `{{name}`. */
const strayBraces = (text: string) => text.replace(/\{\{\s*[\w.]+\s*\}\}/g, '').match(/[{}]/g) ?? [];
/** The plural suffixes i18next picks from Intl.PluralRules for a language (`one`, `other`, …). */
const pluralForms = (locale: string) => new Intl.PluralRules(locale).resolvedOptions().pluralCategories;

/** Every language's texts, loaded the way the app loads them (each its own chunk). */
const resources = Object.fromEntries(
  await Promise.all(
    Locale.options.map(async (l) => [l, { translation: await languageLoaders[l]() }] as const),
  ),
) as Record<Locale, { translation: Tree }>;
const english = flatten(resources.en.translation);
const languages = Locale.options.filter((l) => l !== 'en');

describe('the translation files', () => {
  it('exist for every UI language', () => {
    expect(Object.keys(resources).sort()).toEqual([...Locale.options].sort());
    expect(languages).toEqual(['nb', 'sv', 'da', 'fi']);
  });

  it('have no empty text and no malformed placeholder in English', () => {
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(strayBraces(text), key).toEqual([]);
    }
  });

  describe.each(languages)('%s', (locale) => {
    const translated = flatten(resources[locale].translation);

    it('has exactly the English keys: none missing, none extra', () => {
      const missing = [...english.keys()].filter((k) => !translated.has(k));
      const extra = [...translated.keys()].filter((k) => !english.has(k));
      expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    });

    it('has no empty text', () => {
      for (const [key, text] of translated) expect(text.trim(), key).not.toBe('');
    });

    it('uses exactly the placeholders of the English source, and no malformed one', () => {
      for (const [key, text] of english) {
        const target = translated.get(key) ?? '';
        expect(variables(target), key).toEqual(variables(text));
        expect(strayBraces(target), key).toEqual([]);
      }
    });

    it('has every plural form the language needs wherever English has a plural', () => {
      const forms = pluralForms(locale);
      const plurals = new Set(
        [...english.keys()].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_\w+$/, '')),
      );
      for (const base of plurals)
        for (const form of forms) expect(translated.has(`${base}_${form}`), `${base}_${form}`).toBe(true);
    });

    it('translates the texts a reader sees (not a copy of the English file)', () => {
      const differing = [...english].filter(([key, text]) => translated.get(key) !== text).length;
      expect(differing / english.size).toBeGreaterThan(0.85);
    });
  });
});
