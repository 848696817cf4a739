/** A page of the app as the e2e tests visit it: its nav label and h1 in each language. */
export interface PageUnderTest {
  key: string;
  label: { en: string; nb: string };
}

/** Every page, in navigation order; on every page the nav label is also the h1. */
export const appPages: readonly PageUnderTest[] = [
  { key: 'dashboard', label: { en: 'Dashboard', nb: 'Oversikt' } },
  { key: 'review', label: { en: 'Review queue', nb: 'Til gjennomgang' } },
  { key: 'reconciliation', label: { en: 'Reconciliation', nb: 'Avstemming' } },
  { key: 'audit', label: { en: 'Audit log', nb: 'Revisjonslogg' } },
  { key: 'mappings', label: { en: 'Mappings', nb: 'Koblinger' } },
  { key: 'settings', label: { en: 'Settings', nb: 'Innstillinger' } },
];

/** The navigation landmark's name per language. */
export const navName = { en: 'Main navigation', nb: 'Hovednavigasjon' } as const;

/** Collapses every kind of space (Intl uses no-break and narrow no-break spaces) to a plain one. */
export function plainSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}
