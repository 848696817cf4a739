import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../main/api/dispatch';
import { createHandlers } from '../../main/api/handlers';
import { languageLoaders } from '../../renderer/i18n/create-i18n';
import { Locale } from '../../shared/contract/schemas';
import { launchChromium, type Browser } from './support/chromium';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { englishSources, flattenTexts, rawCodes, untranslated } from './support/untranslated';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');
/** Languages whose pages are also saved as screenshots (acceptance 4). */
const SHOT = new Set<Locale>(['nb', 'sv']);
/** A first sync of the demo company on a loaded 2-core machine. */
const LONG = 180_000;

/** Every language's texts by key, loaded the way the app loads them. */
const byLocale = new Map(
  await Promise.all(Locale.options.map(async (l) => [l, flattenTexts(await languageLoaders[l]())] as const)),
);
const english = texts('en');

/** The texts of a language by key. */
function texts(locale: Locale): Map<string, string> {
  return byLocale.get(locale) ?? new Map();
}

/** One page of the app: how to reach it and what shows that its data has arrived. */
interface PageVisit {
  name: string;
  /** The nav key (`nav.<key>`), or null for a page opened by its address. */
  nav: string | null;
  hash: string;
  ready(page: Page, t: Map<string, string>): Promise<void>;
}

const byName = (t: Map<string, string>, key: string) => t.get(key) ?? key;

const PAGES: readonly PageVisit[] = [
  {
    name: 'dashboard',
    nav: 'dashboard',
    hash: '#/',
    ready: (page, t) =>
      page.getByRole('region', { name: byName(t, 'pages.dashboard.lastRun.title'), exact: true }).waitFor(),
  },
  {
    name: 'review',
    nav: 'review',
    hash: '#/review',
    ready: (page) => page.locator('[data-testid^="review-row-"]').first().waitFor(),
  },
  {
    name: 'reconciliation',
    nav: 'reconciliation',
    hash: '#/reconciliation',
    ready: (page) => page.getByTestId('recon-status').waitFor({ timeout: 60_000 }),
  },
  {
    name: 'mappings',
    nav: 'mappings',
    hash: '#/mappings',
    ready: (page, t) =>
      page.getByRole('tablist', { name: byName(t, 'pages.mappings.tabsLabel'), exact: true }).waitFor(),
  },
  {
    name: 'audit',
    nav: 'audit',
    hash: '#/audit',
    ready: (page) => page.getByTestId('audit-visma-number').first().waitFor(),
  },
  {
    name: 'settings',
    nav: 'settings',
    hash: '#/settings',
    ready: (page, t) =>
      page.getByRole('heading', { name: byName(t, 'settings.sync.heading'), exact: true }).waitFor(),
  },
  {
    name: 'setup',
    nav: null,
    hash: '#/setup',
    ready: (page, t) =>
      page.getByRole('radio', { name: byName(t, 'setup.start.demo'), exact: true }).waitFor(),
  },
];

/** A channel called the way the UI calls it. */
async function call(app: DemoApp, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(createHandlers(app.host.services, app.host.engine), channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** Shoots the whole page: the window grows until the main landmark needs no scrolling, then shrinks back. */
async function shootWhole(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const hidden = await page.getByRole('main').evaluate((main) => main.scrollHeight - main.clientHeight);
  await page.setViewportSize({ width: viewport.width, height: viewport.height + Math.max(0, hidden) });
  await page.screenshot({ path: join(outputDir, `languages-${name}.png`), animations: 'disabled' });
  await page.setViewportSize(viewport);
}

/** Opens a page (through the navigation when it has an entry there) and waits for its data. */
async function open(page: Page, visit: PageVisit, t: Map<string, string>): Promise<void> {
  if (visit.nav) {
    const label = byName(t, `nav.${visit.nav}`);
    await page
      .getByRole('navigation', { name: byName(t, 'nav.label') })
      .getByRole('link', { name: label, exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: label, exact: true }).waitFor();
  } else {
    await page.evaluate((hash) => (window.location.hash = hash), visit.hash);
    await page.getByRole('heading', { level: 1, name: byName(t, 'setup.title'), exact: true }).waitFor();
  }
  await visit.ready(page, t);
  // Every query of the page has answered: nothing is still loading.
  await page.waitForFunction(
    (loading) => !document.body.innerText.includes(loading) && !document.querySelector('[aria-busy="true"]'),
    byName(t, 'app.loading'),
  );
}

describe('every page in each of the five languages (issue 14, acceptance 4)', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startDemoApp();
    // Something on every page: a first sync fills the dashboard, the review queue, the audit log and the close.
    await call(app, 'sync.run', { profileId: app.profileId });
    browser = await launchChromium();
    page = await browser.context.newPage();
  }, LONG);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('builds the English phrases to look for from the translation files', () => {
    const sv = englishSources(english, texts('sv'));
    expect(sv).toContain('in the review queue');
    expect(sv).not.toContain('ServiceTitan → Visma Connector');
    expect(
      rawCodes('Event masterdata.suggestion.accepted for period_closed {{n}} at https://a.b.c/x'),
    ).toEqual(['{{', '}}', 'masterdata.suggestion.accepted', 'period_closed']);
  });

  it.each(Locale.options)(
    'shows %s on every page with no English source left and no raw code',
    async (locale) => {
      const t = texts(locale);
      const sources = englishSources(english, t);
      await call(app, 'settings.setLocale', { locale });
      // A fresh load: the app reads the saved language when it starts.
      await page.goto('about:blank');
      await page.goto(app.host.url);
      await page.getByRole('navigation', { name: byName(t, 'nav.label') }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
      const found: string[] = [];
      for (const visit of PAGES) {
        await open(page, visit, t);
        const text = await page.evaluate(() => document.body.innerText);
        for (const phrase of untranslated(text, sources)) found.push(`${visit.name}: English "${phrase}"`);
        for (const code of rawCodes(text)) found.push(`${visit.name}: code "${code}"`);
        if (SHOT.has(locale)) await shootWhole(page, `${locale}-${visit.name}`);
      }
      expect(found).toEqual([]);
    },
    LONG,
  );
});
