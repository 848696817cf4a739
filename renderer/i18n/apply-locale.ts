import type { i18n } from 'i18next';
import type { Locale } from '../../shared/contract/schemas';
import { loadLanguage } from './create-i18n';

/** Switches the UI to `locale` and tells the document (screen readers, spell-check) which language it is in. */
export async function applyLocale(instance: i18n, locale: Locale): Promise<void> {
  await loadLanguage(instance, locale);
  await instance.changeLanguage(locale);
  document.documentElement.lang = locale;
}
