import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { Locale } from '../../shared/contract/schemas';
import en from './en.json';
import nb from './nb.json';
import sv from './sv.json';
import da from './da.json';
import fi from './fi.json';

/** The bundled translations, one resource file per UI language. */
export const resources = {
  en: { translation: en },
  nb: { translation: nb },
  sv: { translation: sv },
  da: { translation: da },
  fi: { translation: fi },
} as const;

/** A ready i18next instance in `locale`, English as the fallback for any missing text. */
export async function createI18n(locale: Locale): Promise<i18n> {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    supportedLngs: Locale.options,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
