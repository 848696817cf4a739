import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './support/chromium';
import { productionProfile, sandboxProfile, startApp, type AppUnderTest } from './support/app-under-test';
import { appPages, navName, plainSpaces } from './support/pages';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');

/** Opens a page through the left navigation and waits for its h1. */
async function visit(page: Page, lang: 'en' | 'nb', label: string): Promise<void> {
  await page.getByRole('navigation', { name: navName[lang] }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outputDir, `${name}.png`), animations: 'disabled' });
}

/** Collects console errors, page errors and CSP violations so a test can insist there were none. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

describe('the app frame in Chromium', () => {
  let app: AppUnderTest;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startApp(
      [productionProfile, sandboxProfile],
      ['servicetitan.clientSecret', 'visma.clientSecret'],
    );
    browser = await launchChromium();
    page = await browser.context.newPage();
    problems = watchProblems(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens on the dashboard and takes the token out of the visible URL', async () => {
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await page.getByRole('banner').textContent()).toContain('ServiceTitan → Visma Connector');
  });

  it('shows both environments of the active profile in the header', async () => {
    const badge = page.getByRole('banner').getByTestId('environment-badge');
    expect(plainSpaces((await badge.textContent()) ?? '')).toBe(
      'ServiceTitan: Integration · Visma: PRODUCTION',
    );
    expect(await badge.getAttribute('data-visma-environment')).toBe('production');
    expect(await page.title()).toContain('Visma: PRODUCTION');
  });

  it('lets a keyboard user skip to the content, with focus always visible', async () => {
    // A fresh load (the token comes from sessionStorage now), so focus starts at the top of the document.
    await page.goto(`${app.host.origin}/#/review`);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('button', { name: 'Skip to content' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await shoot(page, 'en-keyboard-skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    await page.keyboard.press('Shift+Tab');
    await shoot(page, 'en-keyboard-focus');
    const focused = page.locator(':focus');
    const outline = await focused.evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      const own = getComputedStyle(el);
      return own.outlineStyle !== 'none' || after.borderStyle !== 'none' || own.boxShadow !== 'none';
    });
    expect(outline).toBe(true);
  });

  it('visits every page in English', async () => {
    for (const { key, label } of appPages) {
      await visit(page, 'en', label.en);
      await shoot(page, `en-${key}`);
    }
  });

  it('replaces a secret without ever showing it', async () => {
    await page.getByRole('button', { name: 'Replace… Visma client secret' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New value').fill('s3cret-value-never-shown');
    await shoot(page, 'en-settings-replace-secret');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Visma client secret was saved.').waitFor();
    expect(await page.content()).not.toContain('s3cret-value-never-shown');
  });

  it('switches to Norwegian in Settings and keeps it after a reload', async () => {
    await page.getByRole('radio', { name: 'Norsk (bokmål)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innstillinger' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Innstillinger' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nb');
  });

  it('formats numbers, amounts and dates the Norwegian way', async () => {
    const preview = plainSpaces((await page.getByTestId('format-preview').textContent()) ?? '');
    expect(preview).toContain('1 234 567');
    expect(preview).toContain('1 234,50 kr');
    expect(preview).toContain('31.01.2026');
  });

  it('visits every page in Norwegian', async () => {
    for (const { key, label } of appPages) {
      await visit(page, 'nb', label.nb);
      await shoot(page, `nb-${key}`);
    }
    const badge = page.getByRole('banner').getByTestId('environment-badge');
    expect(plainSpaces((await badge.textContent()) ?? '')).toBe(
      'ServiceTitan: Integrasjon · Visma: PRODUKSJON',
    );
  });

  it('switches profile from the header', async () => {
    await page
      .getByRole('banner')
      .getByRole('button', { name: /Aktiv profil: Nordic HVAC AS/ })
      .click();
    await shoot(page, 'nb-profile-menu');
    await page.getByRole('menuitemradio', { name: /Test company/ }).click();
    const badge = page.getByRole('banner').getByTestId('environment-badge');
    await page.getByRole('banner').getByText('Visma: Testfirma').waitFor();
    expect(await badge.getAttribute('data-visma-environment')).toBe('sandbox');
  });

  it('logged no errors, warnings or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});

describe('a fresh installation without profiles', () => {
  it('opens the setup wizard and says what to do next in the header', async () => {
    const app = await startApp();
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(app.host.url);
      await page.getByRole('heading', { level: 1, name: 'Set up a company' }).waitFor();
      await page.getByRole('banner').getByRole('link', { name: 'No profile yet' }).waitFor();
      await shoot(page, 'en-first-run-wizard');
    } finally {
      await browser.close();
      await app.close();
    }
  });
});
