import { describe, expect, it } from 'vitest';
import {
  AmountSum,
  centsOf,
  centsToUnits,
  fitsDouble,
  isNegativeAmount,
  isZeroAmount,
  money,
  readDecimal,
  readMoney,
  sum,
  toCents,
  unitsToCents,
  VISMA_AMOUNT_LIMIT,
} from '../../../shared/money';

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

describe('reading amounts strictly', () => {
  it('reads plain decimals, with white space around them ignored', () => {
    for (const [raw, cents] of [
      ['1250.00', '1250.00'],
      ['-12.5', '-12.50'],
      ['0', '0.00'],
      ['-0.00', '0.00'],
      [' 12.50 ', '12.50'],
      ['\t7\n', '7.00'],
      ['12.500', '12.50'],
      [0.1, '0.10'],
    ] as const) {
      const read = readMoney(raw);
      expect(read.ok, JSON.stringify(raw)).toBe(true);
      if (read.ok) expect(toCents(read.value)).toBe(cents);
    }
  });

  it('refuses what would be a guess, saying why', () => {
    for (const [raw, fault] of [
      ['', 'empty'],
      ['   ', 'empty'],
      ['1e3', 'exponent'],
      ['1.5E-7', 'exponent'],
      ['1,250.00', 'not_decimal'],
      ['1250,00', 'not_decimal'],
      ['+5', 'not_decimal'],
      ['.5', 'not_decimal'],
      ['5.', 'not_decimal'],
      ['NaN', 'not_decimal'],
      ['Infinity', 'not_decimal'],
      ['0x10', 'not_decimal'],
      ['١٢٣', 'not_decimal'],
      ['12.505', 'sub_cent'],
      [1e21, 'exponent'],
    ] as const) {
      expect(readMoney(raw), JSON.stringify(raw)).toEqual({ ok: false, fault });
    }
  });

  it('reads quantities and prices of any scale', () => {
    const read = readDecimal('0.3333333');
    expect(read.ok && read.value.toString()).toBe('0.3333333');
  });

  it('knows which decimals survive a JSON double and where Visma’s range ends', () => {
    expect(fitsDouble(money('9999999999999.99'))).toBe(true);
    expect(fitsDouble(money('0.1'))).toBe(true);
    expect(fitsDouble(money('1e20'))).toBe(true);
    expect(fitsDouble(money('12345678901234567'))).toBe(false);
    expect(fitsDouble(money('0.3333333333333333333'))).toBe(false);
    expect(money('9999999999999.99').lt(VISMA_AMOUNT_LIMIT)).toBe(true);
    expect(money('10000000000000.00').lt(VISMA_AMOUNT_LIMIT)).toBe(false);
    // Every cent amount below the limit comes back from a double unchanged.
    for (const text of ['9999999999999.99', '-9999999999999.99', '1234567890123.45', '0.01'])
      expect(money(Number(text)).toFixed(2)).toBe(text);
  });
});

describe('centsOf', () => {
  const values = [
    '0',
    '-0',
    '0.00',
    '12',
    '12.5',
    '-3.10',
    '007.5',
    '1e3',
    '0.5',
    '-0.05',
    '100.999',
    '.5',
    12.5,
  ];
  it.each(values)('writes %s exactly as toCents(money(…)) does, negated or not', (value) => {
    expect(centsOf(value)).toBe(toCents(money(value)));
    expect(centsOf(value, true)).toBe(toCents(money(value).times(-1)));
  });

  it('refuses what is not a number, as money() does', () => {
    expect(() => centsOf('abc')).toThrow();
  });
});

describe('whole cents', () => {
  it.each(['0.00', '12.50', '-12.50', '-0.05', '123456789012345678.99'])('round-trips %s', (cents) => {
    expect(unitsToCents(centsToUnits(cents))).toBe(cents);
  });

  it('sums exactly where floats would not', () => {
    const sum = ['0.10', '0.20', '-0.05'].reduce((a, c) => a + centsToUnits(c), 0n);
    expect(unitsToCents(sum)).toBe('0.25');
    expect(unitsToCents(-5n)).toBe('-0.05');
  });

  it('refuses an amount that is not in cents', () => {
    expect(() => centsToUnits('12.5')).toThrow(/cents/);
  });
});

describe('amount tests without a Decimal', () => {
  const values = [
    '0',
    '-0',
    '0.00',
    '-0.00',
    '000.000',
    '12',
    '-12.50',
    '0.001',
    '-0.001',
    '1e3',
    '-1e-3',
    '.5',
    '-.0',
  ];
  it.each(values)('reads %s as money() does: zero, negative', (value) => {
    expect(isZeroAmount(value)).toBe(money(value).isZero());
    expect(isNegativeAmount(value)).toBe(money(value).isNegative());
  });

  it('refuses what is not a number, as money() does', () => {
    expect(() => isZeroAmount('abc')).toThrow();
    expect(() => isNegativeAmount('')).toThrow();
  });
});

describe('AmountSum', () => {
  const values = [
    '12.50',
    '-3.1',
    '0',
    '007',
    '100.999',
    '1e2',
    '-0.005',
    '0.10',
    '0.20',
    '-1234567890123.45',
  ];

  it('sums exactly what sum() sums, plain amounts and the rest alike', () => {
    const total = new AmountSum();
    for (const v of values) total.add(v);
    expect(total.toDecimal().equals(sum(values))).toBe(true);
    expect(total.toDecimal().toFixed(3)).toBe(sum(values).toFixed(3));
  });

  it('subtracts when asked, and adds whole sums', () => {
    const a = new AmountSum().add('10.00').add('2.5', true).add('0.125', true);
    expect(a.toDecimal().toString()).toBe('7.375');
    const b = new AmountSum().add('1.00').addSum(a, true);
    expect(b.toDecimal().toString()).toBe('-6.375');
    expect(new AmountSum().add('0.10').add('0.1', true).isZero()).toBe(true);
    expect(new AmountSum().add('0.001').isZero()).toBe(false);
    expect(new AmountSum().add('0.005').add('0.005', true).isZero()).toBe(true);
  });

  it('refuses what is not a number, as money() does', () => {
    expect(() => new AmountSum().add('12,50')).toThrow();
  });
});
