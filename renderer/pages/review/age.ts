import type { Locale } from '../../../shared/contract/schemas';
import { intlLocale } from '../../i18n/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How long an item has waited, in the largest whole unit (minutes, hours or days), in the UI language. */
export function ageText(since: string, now: number, locale: Locale): string {
  const waited = Math.max(0, now - Date.parse(since));
  const [unit, size] =
    waited >= DAY
      ? (['day', DAY] as const)
      : waited >= HOUR
        ? (['hour', HOUR] as const)
        : (['minute', MINUTE] as const);
  return new Intl.NumberFormat(intlLocale[locale], { style: 'unit', unit, unitDisplay: 'short' }).format(
    Math.floor(waited / size),
  );
}
