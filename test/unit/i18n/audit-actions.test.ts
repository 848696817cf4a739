import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actionKey } from '../../../renderer/i18n/codes';
import da from '../../../renderer/i18n/da.json';
import en from '../../../renderer/i18n/en.json';
import fi from '../../../renderer/i18n/fi.json';
import nb from '../../../renderer/i18n/nb.json';
import sv from '../../../renderer/i18n/sv.json';
import { Locale } from '../../../shared/contract/schemas';

type Tree = { [key: string]: string | Tree };

const resources = { en, nb, sv, da, fi } as const satisfies Record<Locale, Tree>;

/** True when `path` (dotted) names a text in `tree`. */
function hasText(tree: Tree, path: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string';
}

describe('the audit event names', () => {
  const mainDir = resolve(import.meta.dirname, '../../../main');
  /** The literal actions the product writes: `action: 'x.y'` and `audit(ctx, 'x.y'` (alignment adds `masterdata.`). */
  const written = readdirSync(mainDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) => {
      const source = readFileSync(join(mainDir, file), 'utf8');
      return [
        ...[
          ...source.matchAll(/action: (?:\w+ \? )?'([a-z][\w.-]+\.[\w.-]+)'(?: : '([a-z][\w.-]+)')?/g),
        ].flatMap((m) => [m[1]!, ...(m[2] ? [m[2]] : [])]),
        ...[...source.matchAll(/(?:audit|recordFailure)\(\s*ctx,\s*'([a-z][\w.-]+)'/g)].map(
          (m) => `masterdata.${m[1]}`,
        ),
      ];
    });

  it('finds the actions in the product code', () => {
    expect(written).toEqual(
      expect.arrayContaining(['document.posted', 'sync.completed', 'masterdata.drift.opened']),
    );
  });

  it.each(Locale.options)('names every action the product writes in %s', (locale) => {
    const unnamed = [
      ...new Set([...written, ...AUDIT_ACTIONS, 'link.customer', 'link.supplier.removed']),
    ].filter((action) => {
      const key = actionKey(action);
      return key === null || !hasText(resources[locale], `codes.action.${key}`);
    });
    expect(unnamed).toEqual([]);
  });
});
