import { describe, expect, it } from 'vitest';
import en from '../../../../renderer/i18n/en.json';
import nb from '../../../../renderer/i18n/nb.json';

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

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the translation files', () => {
  const english = flatten(en);
  const norwegian = flatten(nb);

  it('have the same keys in English and Norwegian', () => {
    expect([...norwegian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty text', () => {
    for (const [key, text] of [...english, ...norwegian]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english)
      expect(variables(norwegian.get(key) ?? ''), key).toEqual(variables(text));
  });
});
