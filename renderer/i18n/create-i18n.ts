import { createInstance, type i18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Locale } from '../../shared/contract/schemas';

/**
 * The translations, one resource file per UI language, each its own chunk: the app downloads only the language it
 * shows (and English, the fallback), not every language it has.
 */
export const languageLoaders: Record<Locale, () => Promise<ResourceLanguage>> = {
  en: () => import('./en.json').then((m) => m.default),
  nb: () => import('./nb.json').then((m) => m.default),
  sv: () => import('./sv.json').then((m) => m.default),
  da: () => import('./da.json').then((m) => m.default),
  fi: () => import('./fi.json').then((m) => m.default),
};

/** The texts of `locale`, and English for anything missing. */
async function loadResources(locale: Locale): Promise<Record<string, { translation: ResourceLanguage }>> {
  const wanted: Locale[] = locale === 'en' ? ['en'] : [locale, 'en'];
  const texts = await Promise.all(wanted.map((l) => languageLoaders[l]()));
  return Object.fromEntries(wanted.map((l, i) => [l, { translation: texts[i]! }]));
}

/** A ready i18next instance in `locale`, English as the fallback for any missing text. */
export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    resources: await loadResources(locale),
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: Locale.options,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** Makes sure the texts of `locale` are loaded into `instance` before the UI switches to it. */
export async function loadLanguage(instance: i18n, locale: Locale): Promise<void> {
  if (instance.hasResourceBundle(locale, 'translation')) return;
  instance.addResourceBundle(locale, 'translation', await languageLoaders[locale]());
}
