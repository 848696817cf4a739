import Decimal from 'decimal.js';

/** Decimal configured for money: 2-decimal amounts, banker-free half-up rounding as accountants expect. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** A money value. */
export type Money = Decimal;

/** Parses a decimal string such as ServiceTitan's `"1234.50"`; throws on anything that is not a finite number. */
export function money(value: string | number | Decimal): Decimal {
  const d = new Money(value);
  if (!d.isFinite()) throw new Error(`Not an amount: ${String(value)}`);
  return d;
}

/** Rounds to cents and renders with exactly two decimals. */
export function toCents(value: Decimal): string {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Sums decimal strings exactly. */
export function sum(values: Iterable<string | Decimal>): Decimal {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}
