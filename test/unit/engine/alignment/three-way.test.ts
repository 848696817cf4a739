import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PARTY_FIELDS,
  partyFields,
  sameValue,
  type PartyFields,
} from '../../../../main/engine/alignment/fields';
import { planPair } from '../../../../main/engine/alignment/three-way';

const base = partyFields({
  name: 'Dahl AS',
  active: true,
  street: 'Storgata 1',
  zip: '0150',
  city: 'Oslo',
  country: 'NO',
  email: 'a@dahl.no',
  phone: '22 33 44 55',
});
const with_ = (changes: Partial<PartyFields>): PartyFields => ({ ...base, ...changes });

describe('planPair', () => {
  it('lets a field changed on one side flow to the other', () => {
    const plan = planPair(
      { st: base, visma: base },
      with_({ city: 'Bergen' }),
      with_({ phone: '99 88 77 66' }),
    );
    expect(plan.toVisma).toEqual({ city: 'Bergen' });
    expect(plan.toSt).toEqual({ phone: '99 88 77 66' });
    expect(plan.conflicts).toEqual([]);
    expect(plan.next.st.city).toBe('Bergen');
    expect(plan.next.visma.phone).toBe('99 88 77 66');
  });

  it('turns the same field changed on both sides into a conflict and writes neither side', () => {
    const plan = planPair({ st: base, visma: base }, with_({ zip: '0151' }), with_({ zip: '0152' }));
    expect(plan.conflicts).toEqual([{ field: 'zip', base: '0150', st: '0151', visma: '0152' }]);
    expect(plan.toVisma).toEqual({});
    expect(plan.toSt).toEqual({});
    expect(plan.next.st.zip).toBe('0150');
  });

  it('accepts the same change made on both sides', () => {
    const plan = planPair({ st: base, visma: base }, with_({ zip: '0151' }), with_({ zip: '0151' }));
    expect(plan.conflicts).toEqual([]);
    expect(plan.next.visma.zip).toBe('0151');
  });

  it('flows deactivation both ways', () => {
    expect(planPair({ st: base, visma: base }, with_({ active: 'inactive' }), base).toVisma).toEqual({
      active: 'inactive',
    });
    expect(planPair({ st: base, visma: base }, base, with_({ active: 'inactive' })).toSt).toEqual({
      active: 'inactive',
    });
  });

  it('on a new link fills empty fields and reports real differences, but not name spellings', () => {
    const plan = planPair(
      null,
      with_({ name: 'Brødrene Dahl AS', email: '' }),
      with_({ name: 'BRØDRENE DAHL', city: 'Bergen' }),
    );
    expect(plan.toSt).toEqual({ email: 'a@dahl.no' });
    expect(plan.conflicts.map((c) => c.field)).toEqual(['city']);
  });

  it('leaves fields with an open conflict alone', () => {
    const plan = planPair({ st: base, visma: base }, with_({ zip: '0151' }), base, new Set(['zip']));
    expect(plan.toVisma).toEqual({});
  });

  it('never writes a field both sides changed, and never loses a one-sided change', () => {
    const value = fc.constantFrom('', 'x', 'y', 'Z');
    fc.assert(
      fc.property(fc.constantFrom(...PARTY_FIELDS), value, value, (field, s, v) => {
        const plan = planPair({ st: base, visma: base }, with_({ [field]: s }), with_({ [field]: v }));
        const stChanged = s !== base[field];
        const vismaChanged = v !== base[field];
        if (sameValue(field, s, v)) {
          expect(plan.conflicts).toEqual([]);
        } else if (stChanged && vismaChanged) {
          expect(plan.conflicts).toHaveLength(1);
          expect({ ...plan.toSt, ...plan.toVisma }).toEqual({});
        } else if (stChanged && !vismaChanged) {
          expect(plan.toVisma[field]).toBe(s);
        } else if (vismaChanged && !stChanged) {
          expect(plan.toSt[field]).toBe(v);
        }
      }),
    );
  });
});
