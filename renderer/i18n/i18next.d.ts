import type en from './en.json';

/** English is the source language: translation keys are type-checked against it. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
