import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFindings, seriousViolations } from './support/axe';
import { launchChromium, type Browser } from './support/chromium';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { appPages, syncFromDashboard, visitPage } from './support/pages';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');

/** The page background the Fluent provider paints, as the browser computed it. */
async function background(page: Page): Promise<string> {
  return page
    .locator('.fui-FluentProvider')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
}

describe('the OS dark and contrast themes (issue 14)', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startDemoApp();
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // With data on every page: the chart, the queue's rows, the close's buckets carry the colours to check.
    await syncFromDashboard(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('follows a switch to dark while open, with 0 serious axe findings on every page', async () => {
    const light = await background(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction((before) => {
      const el = document.querySelector('.fui-FluentProvider');
      return el !== null && getComputedStyle(el).backgroundColor !== before;
    }, light);
    expect(await page.evaluate(() => document.documentElement.style.colorScheme)).toBe('dark');
    const findings: string[] = [];
    for (const { key } of appPages) {
      await visitPage(page, key);
      await page.getByRole('main').waitFor();
      if (key === 'review') await page.locator('[data-testid^="review-row-doc:"]').first().waitFor();
      if (key === 'reconciliation') await page.getByTestId('recon-status').waitFor({ timeout: 30_000 });
      findings.push(...describeFindings(`dark-${key}`, await seriousViolations(page)));
      await page.screenshot({ path: join(outputDir, `theme-dark-${key}.png`), animations: 'disabled' });
    }
    for (const line of findings) console.log(`axe: ${line}`);
    expect(findings).toEqual([]);
  });

  it('uses the contrast theme when Windows forces colours, and light again when both are off', async () => {
    const dark = await background(page);
    await page.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
    await page.waitForFunction((before) => {
      const el = document.querySelector('.fui-FluentProvider');
      return el !== null && getComputedStyle(el).backgroundColor !== before;
    }, dark);
    await visitPage(page, 'dashboard');
    await page.screenshot({ path: join(outputDir, 'theme-contrast-dashboard.png'), animations: 'disabled' });
    await visitPage(page, 'review');
    await page.screenshot({ path: join(outputDir, 'theme-contrast-review.png'), animations: 'disabled' });
    await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none' });
    await page.waitForFunction(() => document.documentElement.style.colorScheme === 'light');
    expect(await background(page)).toBe('rgb(255, 255, 255)');
  });
});
