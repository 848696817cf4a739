/** Number and time formatting of the auditor's exports (exact decimal text, never floats). */
import { localDateTime } from '../../../shared/dates';
import { money, toCents } from '../../../shared/money';
import type { ReportLocale } from './report-text';

/** Two decimals, exactly; a negative zero (`-0.004` rounded) is plain zero. */
function cents(value: string): string {
  const fixed = toCents(money(value));
  return fixed === '-0.00' ? '0.00' : fixed;
}

/** An amount with two decimals and a decimal comma, no thousands separator (`-1234,50`): Nordic Excel's number. */
export function csvAmount(value: string): string {
  return cents(value).replace('.', ',');
}

const GROUP: Record<ReportLocale, { thousands: string; decimal: string }> = {
  en: { thousands: ',', decimal: '.' },
  // The Nordic languages group thousands with a (no-break) space and use a decimal comma (Danish: a dot).
  nb: { thousands: '\u00A0', decimal: ',' },
  sv: { thousands: '\u00A0', decimal: ',' },
  da: { thousands: '.', decimal: ',' },
  fi: { thousands: '\u00A0', decimal: ',' },
};

/** An amount for reading: two decimals, grouped thousands, the language's decimal mark (`1 234,50`, `1,234.50`). */
export function displayAmount(value: string, locale: ReportLocale): string {
  const fixed = cents(value);
  const negative = fixed.startsWith('-');
  const [whole = '0', fraction = '00'] = (negative ? fixed.slice(1) : fixed).split('.');
  const { thousands, decimal } = GROUP[locale];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, thousands);
  return `${negative ? '-' : ''}${grouped}${decimal}${fraction}`;
}

/** When the report was made, as wall-clock time in the profile's time zone (`yyyy-MM-dd HH:mm:ss`). */
export function generatedAtText(generatedAt: string, timeZone: string): string {
  return localDateTime(new Date(generatedAt), timeZone).replace('T', ' ');
}
