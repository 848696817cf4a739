import { describe, expect, it } from 'vitest';
import { money, sum, toCents } from '../../../shared/money';

describe('money', () => {
  it('adds decimal strings exactly', () => {
    expect(sum(['0.10', '0.20']).toString()).toBe('0.3');
    expect(toCents(sum(['1234.505', '0']))).toBe('1234.51');
  });
  it('rounds half up to cents', () => {
    expect(toCents(money('2.345'))).toBe('2.35');
    expect(toCents(money('-2.345'))).toBe('-2.35');
  });
  it('refuses what is not an amount', () => {
    expect(() => money('abc')).toThrow();
    expect(() => money(Infinity)).toThrow(/Not an amount/);
  });
});
