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

const PLAIN_AMOUNT = /^(-?)0*(\d+?)(?:\.(\d{1,2}))?$/;

/**
 * `toCents(money(value))`, negated when asked, without building a Decimal for the common case of a plain amount
 * with at most two decimals (the close formats tens of thousands of them); anything else goes through Decimal.
 */
export function centsOf(value: string | number, negate = false): string {
  const m = typeof value === 'string' ? PLAIN_AMOUNT.exec(value) : null;
  if (!m) {
    const exact = money(value);
    return toCents(negate ? exact.times(-1) : exact);
  }
  const [, minus, whole, fraction = ''] = m;
  const cents = `${whole}.${fraction.padEnd(2, '0')}`;
  if (/^0\.00$/.test(cents)) return '0.00';
  return (minus === '-') !== negate ? `-${cents}` : cents;
}

/** A plain amount: optional minus, digits, optional fraction (what ServiceTitan and Visma send). */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const PLAIN_ZERO = /^-?0+(?:\.0+)?$/;

/** `money(value).isZero()` without a Decimal for a plain amount. */
export function isZeroAmount(value: string): boolean {
  return PLAIN_NUMBER.test(value) ? PLAIN_ZERO.test(value) : money(value).isZero();
}

/** `money(value).isNegative()` (so `-0` counts, as it does for Decimal) without a Decimal for a plain amount. */
export function isNegativeAmount(value: string): boolean {
  return PLAIN_NUMBER.test(value) ? value.startsWith('-') : money(value).isNegative();
}

const CENTS_TEXT = /^-?\d+\.\d{2}$/;

/** A two-decimal amount (`"-12.50"`, as `toCents` writes it) as a whole number of cents, for fast exact sums. */
export function centsToUnits(cents: string): bigint {
  if (!CENTS_TEXT.test(cents)) throw new Error(`Not an amount in cents: ${cents}`);
  return BigInt(cents.replace('.', ''));
}

/** A whole number of cents written back as a two-decimal amount (`-1250n` → `"-12.50"`). */
export function unitsToCents(units: bigint): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * An exact running sum of amounts for sums over tens of thousands of values: a plain amount with at most two decimals
 * (nearly all of them) is added as whole cents, anything else as a Decimal beside them.
 */
export class AmountSum {
  private cents = 0n;
  private rest: Decimal | null = null;

  /** Adds an amount (subtracts it when `negate`). */
  add(value: string, negate = false): this {
    const m = PLAIN_AMOUNT.exec(value);
    if (!m) {
      const exact = money(value);
      this.rest = (this.rest ?? new Money(0)).plus(negate ? exact.negated() : exact);
      return this;
    }
    const [, minus, whole, fraction = ''] = m;
    const cents = BigInt(`${whole}${fraction.padEnd(2, '0')}`);
    this.cents += (minus === '-') !== negate ? -cents : cents;
    return this;
  }

  /** Adds another sum (subtracts it when `negate`). */
  addSum(other: AmountSum, negate = false): this {
    this.cents += negate ? -other.cents : other.cents;
    if (other.rest) this.rest = (this.rest ?? new Money(0)).plus(negate ? other.rest.negated() : other.rest);
    return this;
  }

  /** The sum as a Decimal. */
  toDecimal(): Decimal {
    const cents = new Money(unitsToCents(this.cents));
    return this.rest ? cents.plus(this.rest) : cents;
  }

  /** True when the sum is exactly zero. */
  isZero(): boolean {
    return this.rest ? this.toDecimal().isZero() : this.cents === 0n;
  }
}

/** Sums decimal strings exactly. */
export function sum(values: Iterable<string | Decimal>): Decimal {
  let total = new Money(0);
  for (const v of values) total = total.plus(v);
  return total;
}

/** Why a value is not a readable decimal. */
export type DecimalFault = 'empty' | 'exponent' | 'not_decimal' | 'sub_cent';

/** A strictly read decimal: its canonical text, or why it could not be read. */
export type ReadDecimal = { ok: true; value: Decimal } | { ok: false; fault: DecimalFault };

/** A plain decimal: optional minus, ASCII digits, optional fraction. No plus sign, no exponent, no separators. */
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Reads a decimal the strict way: a plain decimal (`1250`, `-12.5`, `0.125`), with surrounding white space
 * ignored (the digits are unambiguous). Refused, because reading them would be a guess: the empty string, exponent
 * forms (`1e3`: a float that was printed, not an amount anyone typed), thousands or decimal-comma separators
 * (`1,250` is 1.25 in Norway and 1250 in the US), a leading `+` or `.`, non-ASCII digits, `NaN`, `Infinity`.
 * JSON numbers are read through their shortest decimal text, so `0.1` is exactly 0.1.
 */
export function readDecimal(raw: string | number): ReadDecimal {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  if (text === '') return { ok: false, fault: 'empty' };
  if (PLAIN_DECIMAL.test(text)) return { ok: true, value: new Money(text) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(text)) return { ok: false, fault: 'exponent' };
  return { ok: false, fault: 'not_decimal' };
}

/** Reads a money amount strictly (see `readDecimal`); more than 2 significant decimals cannot post to the cent. */
export function readMoney(raw: string | number): ReadDecimal {
  const read = readDecimal(raw);
  if (!read.ok) return read;
  return read.value.decimalPlaces() > 2 ? { ok: false, fault: 'sub_cent' } : read;
}

/**
 * The largest amount magnitude (exclusive) that is sent to Visma: 10^13. Visma's API carries amounts as JSON
 * numbers (IEEE-754 doubles), and a double keeps 15 significant decimal digits exactly (DBL_DIG = 15); 13 integer
 * digits plus 2 decimals is 15 digits, so every cent amount below this bound arrives in Visma unchanged.
 */
export const VISMA_AMOUNT_LIMIT = new Money('1e13');

/** Significant digits a double keeps exactly: a decimal with more may arrive in Visma as a different number. */
export const DOUBLE_SAFE_DIGITS = 15;

/** True when a decimal survives the trip through a JSON number (a double) unchanged: at most 15 significant digits. */
export function fitsDouble(value: Decimal): boolean {
  return (
    value.isZero() ||
    (value.precision() <= DOUBLE_SAFE_DIGITS && value.abs().gte('1e-300') && value.abs().lt('1e300'))
  );
}
