import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchParties, type MatchParty } from '../../../../main/engine/alignment/matcher';
import { foldText, nameKey, phoneKey } from '../../../../main/engine/alignment/normalize-name';

const party = (key: string, name: string, extra: Partial<MatchParty> = {}): MatchParty => ({
  key,
  name,
  ...extra,
});
const options = { suggestThreshold: 0.6 };

describe('name normalisation', () => {
  it('folds Nordic letters, accents, case, spacing and legal forms', () => {
    expect(nameKey('Brødrene Dahl AS')).toBe('brodrene dahl');
    expect(nameKey('BRØDRENE  DAHL')).toBe('brodrene dahl');
    expect(nameKey('Ærlig Rør & Varme A/S')).toBe('aerlig ror and varme');
    expect(nameKey('Åsane Bygg ASA')).toBe('asane bygg');
    expect(nameKey('Mitsubishi Électrique Nordic AB (publ)')).toBe('mitsubishi electrique nordic');
    expect(nameKey('Kiilto Oy')).toBe('kiilto');
    expect(nameKey('Nordic Parts ApS')).toBe('nordic parts');
    expect(nameKey('Acme, Inc.')).toBe('acme');
    expect(nameKey('Acme LLC')).toBe('acme');
    expect(nameKey('AS')).toBe('as');
  });

  it('is idempotent and ignores case and extra spaces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (name) => {
        const key = nameKey(name);
        expect(nameKey(key)).toBe(key);
        expect(nameKey(`  ${name.toUpperCase()}  `)).toBe(nameKey(name.toLowerCase()));
        expect(foldText(name)).toMatch(/^[a-z0-9 ]*$/);
      }),
    );
  });

  it('compares phone numbers by national digits', () => {
    expect(phoneKey('+47 22 33 44 55')).toBe(phoneKey('22334455'));
    expect(phoneKey('0047 22334455')).toBe('22334455');
  });
});

describe('matchParties', () => {
  it('links exact names automatically, despite Æ/Ø/Å, spacing and legal suffixes', () => {
    const result = matchParties(
      [party('1', 'Brødrene Dahl AS'), party('2', 'Ærlig  Rør og Varme'), party('3', 'Åsane Bygg ASA')],
      [party('A', 'BRØDRENE DAHL'), party('B', 'Ærlig Rør & Varme AS'), party('C', 'Åsane  Bygg')],
      options,
    );
    expect(result.autoLinks.map((p) => [p.stId, p.vismaKey])).toEqual([
      ['1', 'A'],
      ['2', 'B'],
      ['3', 'C'],
    ]);
    expect(result.suggestions).toEqual([]);
  });

  it('never links genuinely different vendors with similar names; at most suggests them', () => {
    const result = matchParties(
      [party('1', 'Nordic Heat AS', { zip: '0150' })],
      [party('A', 'Nordic Heating AS', { zip: '5003' })],
      options,
    );
    expect(result.autoLinks).toEqual([]);
    expect(result.suggestions.every((s) => s.confidence < 0.85)).toBe(true);
  });

  it('does not link an exact name used twice, or one whose postal code contradicts it', () => {
    const twice = matchParties(
      [party('1', 'Hansen Rør')],
      [party('A', 'Hansen Rør AS'), party('B', 'Hansen Rør')],
      options,
    );
    expect(twice.autoLinks).toEqual([]);
    expect(twice.suggestions.map((s) => s.vismaKey).sort()).toEqual(['A', 'B']);
    const elsewhere = matchParties(
      [party('1', 'Hansen Rør', { zip: '0150' })],
      [party('A', 'Hansen Rør AS', { zip: '9008' })],
      options,
    );
    expect(elsewhere.autoLinks).toEqual([]);
    expect(elsewhere.suggestions).toHaveLength(1);
  });

  it('requires corroboration when asked (people share names)', () => {
    const st = [party('1', 'Kari Hansen', { zip: '0150' })];
    expect(
      matchParties(st, [party('A', 'Kari Hansen')], { ...options, requireCorroboration: true }).autoLinks,
    ).toEqual([]);
    expect(
      matchParties(st, [party('A', 'Kari Hansen', { zip: '0150' })], {
        ...options,
        requireCorroboration: true,
      }).autoLinks,
    ).toHaveLength(1);
  });

  it('links each Visma party to at most one ServiceTitan party', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Dahl AS', 'Dahl', 'Ahlsell', 'Onninen AS', 'Onninen Oy', 'Würth'), {
          maxLength: 8,
        }),
        fc.array(fc.constantFrom('DAHL', 'Ahlsell Norge', 'Onninen', 'Wurth AS'), { maxLength: 6 }),
        (a, b) => {
          const result = matchParties(
            a.map((n, i) => party(`s${i}`, n)),
            b.map((n, i) => party(`v${i}`, n)),
            options,
          );
          const visma = result.autoLinks.map((p) => p.vismaKey);
          expect(new Set(visma).size).toBe(visma.length);
        },
      ),
    );
  });
});
