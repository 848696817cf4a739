import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Locale } from '../../shared/contract/schemas';
import { createFormatters, type Formatters } from './format';

/** The UI language as a contract `Locale` (English when i18next reports something else). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const parsed = Locale.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : 'en';
}

// Building Intl formatters is slow (tens of milliseconds on a busy machine), so each language builds them once.
const formattersByLocale = new Map<Locale, Formatters>();

/** Number, money and date formatters for the current UI language; they change when the language does. */
export function useFormat(): Formatters {
  const locale = useLocale();
  return useMemo(() => {
    const cached = formattersByLocale.get(locale);
    if (cached) return cached;
    const made = createFormatters(locale);
    formattersByLocale.set(locale, made);
    return made;
  }, [locale]);
}
