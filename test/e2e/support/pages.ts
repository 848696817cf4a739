import type { Page } from 'playwright-core';

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

/** Opens a page through the left navigation (by its key, in `lang`) and waits for its h1. */
export async function visitPage(page: Page, key: string, lang: 'en' | 'nb' = 'en'): Promise<void> {
  const label = appPages.find((p) => p.key === key)?.label[lang] ?? key;
  await page.getByRole('navigation', { name: navName[lang] }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

/** Clicks Sync now on the (English) dashboard and waits until the run has finished and its chart is drawn. */
export async function syncFromDashboard(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.getByText(/^Sync finished:/).waitFor({ timeout: 90_000 });
  await page.getByTestId('volume-chart').waitFor();
}
