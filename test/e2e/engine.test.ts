import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './support/chromium';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { appPages, navName, plainSpaces } from './support/pages';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(outputDir, `engine-${name}.png`),
    animations: 'disabled',
    fullPage: true,
  });
}

/** Opens a page through the left navigation and waits for its h1. */
async function visit(page: Page, lang: 'en' | 'nb', key: string): Promise<void> {
  const label = appPages.find((p) => p.key === key)?.label[lang] ?? key;
  await page.getByRole('navigation', { name: navName[lang] }).getByRole('link', { name: label }).click();
  await page.getByRole('heading', { level: 1, name: label }).waitFor();
}

describe('the pages on the real engine and simulators', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startDemoApp();
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('runs a sync from the dashboard and shows what it did', async () => {
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('sync-progress').waitFor();
    await shoot(page, 'en-dashboard-syncing');
    await page.getByText(/^Sync finished:/).waitFor({ timeout: 90_000 });
    await page.getByRole('region', { name: 'Last sync' }).waitFor();
    const posted = Number(await page.getByTestId('count-invoices-posted').textContent());
    expect(posted).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
    await page.getByTestId('volume-chart').waitFor();
    await shoot(page, 'en-dashboard-after-sync');
  });

  it('lists the review queue and previews a document', async () => {
    await visit(page, 'en', 'review');
    const table = page.getByRole('table', { name: 'Items to review' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await shoot(page, 'en-review-queue');
    await page
      .getByRole('button', { name: /^Preview: / })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: /would post/ }).waitFor();
    await dialog
      .getByText(/Ready to post|Still blocked|Corrected in Visma|Cannot be replayed/)
      .first()
      .waitFor();
    await shoot(page, 'en-review-preview');
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('shows audit entries with Visma numbers and GL batch numbers', async () => {
    await visit(page, 'en', 'audit');
    await page.getByRole('table', { name: 'Audit log entries' }).waitFor();
    const vismaNumbers = (await page.getByTestId('audit-visma-number').allTextContents()).filter(
      (t) => t !== '–',
    );
    const batches = (await page.getByTestId('audit-gl-batch').allTextContents()).filter((t) => t !== '–');
    expect(vismaNumbers.length).toBeGreaterThan(0);
    expect(batches.length).toBeGreaterThan(0);
    await shoot(page, 'en-audit');
  });

  it('shows the imported mappings', async () => {
    await visit(page, 'en', 'mappings');
    await page.getByRole('tab', { name: /Cost centre and branch/ }).click();
    const rows = page.getByRole('tabpanel').getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await shoot(page, 'en-mappings');
  });

  it('opens the profile setup on the Visma step', async () => {
    await visit(page, 'en', 'settings');
    await page.getByRole('button', { name: 'Add profile' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a profile' });
    await dialog.getByLabel(/Profile name/).fill('Bergen Rør & Varme AS');
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText('Step 2 of 3: ServiceTitan').waitFor();
    await shoot(page, 'en-settings-setup-servicetitan');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('shows every page in Norwegian', async () => {
    await page.getByRole('radio', { name: 'Norsk (bokmål)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innstillinger' }).waitFor();
    await visit(page, 'nb', 'dashboard');
    await page.getByRole('region', { name: 'Siste synkronisering', exact: true }).waitFor();
    expect(plainSpaces((await page.getByRole('main').textContent()) ?? '')).toContain('Bokført per dag');
    await shoot(page, 'nb-dashboard-after-sync');
    await visit(page, 'nb', 'review');
    await page.getByRole('table', { name: 'Saker til gjennomgang' }).waitFor();
    await shoot(page, 'nb-review-queue');
    await page
      .getByRole('button', { name: /^Forhåndsvis: / })
      .first()
      .click();
    await page
      .getByRole('dialog')
      .getByRole('heading', { name: /Slik vil/ })
      .waitFor();
    await shoot(page, 'nb-review-preview');
    await page.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();
    await visit(page, 'nb', 'audit');
    await page.getByRole('table', { name: 'Hendelser i revisjonsloggen' }).waitFor();
    await shoot(page, 'nb-audit');
    await visit(page, 'nb', 'mappings');
    await shoot(page, 'nb-mappings');
    await visit(page, 'nb', 'reconciliation');
    await shoot(page, 'nb-reconciliation');
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});
