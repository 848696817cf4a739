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

/** Shoots the whole of a long page: the window grows until the main landmark needs no scrolling, then shrinks back. */
async function shootWhole(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  const hidden = await page.getByRole('main').evaluate((main) => main.scrollHeight - main.clientHeight);
  await page.setViewportSize({ width: viewport.width, height: viewport.height + Math.max(0, hidden) });
  await shoot(page, name);
  await page.setViewportSize(viewport);
}

/** The reconciliation period `months` months before this one, `YYYY-MM` (the picker's option value). */
function monthsBack(months: number): string {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() - months, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** The buckets of the month-end close as the page names them, in its order. */
const bucketLabels = {
  en: [
    'Matched',
    'Not booked yet',
    'Waiting in the review queue',
    'Never synced',
    'Changed in ServiceTitan',
    'Different amount or VAT',
    'Duplicated in Visma',
    'Posted by hand',
    'Deleted or reversed in Visma',
    'Ignored',
    'Outside the period',
  ],
  nb: [
    'Stemmer',
    'Ikke bokført ennå',
    'Venter til gjennomgang',
    'Aldri synkronisert',
    'Endret i ServiceTitan',
    'Annet beløp eller MVA',
    'Dobbelt i Visma',
    'Registrert manuelt',
    'Slettet eller reversert i Visma',
    'Ignorert',
    'Utenfor perioden',
  ],
} as const;

/** The names of the checklist and the bucket tabs per language. */
const closeNames = {
  en: { checks: 'Checks before closing the period', buckets: 'Documents by bucket', gl: 'General ledger' },
  nb: { checks: 'Kontroller før perioden lukkes', buckets: 'Dokumenter etter utfall', gl: 'Hovedbok' },
} as const;

/**
 * The month-end close as the page shows it: the checklist with its five checks, then every bucket tab, in order and
 * each named with its count; returns the counts by bucket label.
 */
async function closeShown(page: Page, lang: 'en' | 'nb'): Promise<Map<string, number>> {
  const checks = page.getByRole('list', { name: closeNames[lang].checks });
  await checks.waitFor();
  expect(await checks.getByRole('listitem').count()).toBe(5);
  const tablist = page.getByRole('tablist', { name: closeNames[lang].buckets });
  const tabs = tablist.getByRole('tab');
  expect(await tabs.count()).toBe(bucketLabels[lang].length);
  const counts = new Map<string, number>();
  for (const [index, label] of bucketLabels[lang].entries()) {
    const tab = tabs.nth(index);
    const name = plainSpaces((await tab.getAttribute('aria-label')) ?? (await tab.innerText()));
    const shown = new RegExp(`^${label}\\s*(\\d+)$`).exec(name);
    expect(shown, `tab ${index}: "${name}"`).not.toBeNull();
    counts.set(label, Number(shown?.[1]));
  }
  await page.getByRole('region', { name: closeNames[lang].gl, exact: true }).waitFor();
  return counts;
}

/** Shows a period on the reconciliation page (picking it unless it is already shown) and waits for the comparison. */
async function reconcile(page: Page, period: string, periodLabel: string): Promise<void> {
  const picker = page.getByRole('combobox', { name: periodLabel });
  await picker.waitFor();
  if ((await picker.inputValue()) !== period) {
    await picker.selectOption(period);
    await page.waitForURL(new RegExp(`period=${period}$`));
  }
  // The verdict of this very period, not the one still shown from the period before.
  await page.locator(`[data-testid="recon-status"][data-period="${period}"]`).waitFor({ timeout: 30_000 });
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
    await table.locator('[data-testid^="review-row-doc:"]').first().waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await shoot(page, 'en-review-queue');
    await table
      .locator('[data-testid^="review-row-doc:"]')
      .first()
      .getByRole('button', { name: /^Open / })
      .click();
    const panel = page.getByTestId('review-detail');
    await panel.getByRole('table', { name: 'The document in ServiceTitan and in Visma' }).waitFor();
    await panel.getByRole('button', { name: 'Preview' }).click();
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

  it('opens the reconciliation on the month being closed, with the checklist and every bucket', async () => {
    await visit(page, 'en', 'reconciliation');
    await page.getByTestId('recon-status').waitFor({ timeout: 30_000 });
    // The page opens on the month being closed; the seeded documents are dated last month.
    const opened = await page.getByRole('combobox', { name: 'Period' }).inputValue();
    expect([monthsBack(0), monthsBack(1)]).toContain(opened);
    await reconcile(page, monthsBack(1), 'Period');
    expect(await page.getByTestId('recon-status').textContent()).toMatch(
      /^(Ready to close|Not ready to close) /,
    );
    const counts = await closeShown(page, 'en');
    await page.getByRole('region', { name: 'Invoices' }).waitFor();
    const units = page.getByRole('table', { name: 'Totals by document type and business unit' });
    expect(await units.getByTestId('recon-unit-row').count()).toBeGreaterThan(0);
    await shootWhole(page, 'reconciliation-en');
    const matched = counts.get('Matched') ?? 0;
    if (matched > 0) {
      await page.getByRole('tab', { name: /^Matched/ }).click();
      await page.getByRole('button', { name: /^Show the \d+ matched document/ }).click();
      const rows = page.getByRole('tabpanel').getByTestId('recon-row');
      expect(await rows.count()).toBe(matched);
      const link = rows.first().getByRole('link', { name: /^Audit log for / });
      expect(await link.getAttribute('href')).toMatch(/^#\/audit\?search=/);
      await shoot(page, 'reconciliation-en-matched');
    }
  });

  it('shows the close of the month that is closed in Visma', async () => {
    // The Visma seed closes the month two months back in the customer ledger.
    await reconcile(page, monthsBack(2), 'Period');
    await closeShown(page, 'en');
    await shootWhole(page, 'reconciliation-en-closed-month');
  });

  it('shows the imported mappings', async () => {
    await visit(page, 'en', 'mappings');
    await page.getByRole('tab', { name: /Cost centre and branch/ }).click();
    const rows = page.getByRole('tabpanel').getByRole('row');
    expect(await rows.count()).toBeGreaterThan(1);
    await shoot(page, 'en-mappings');
  });

  it('opens the setup wizard from Add profile', async () => {
    await visit(page, 'en', 'settings');
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Set up a company' }).waitFor();
    await page.getByText('Step 1 of 7: Start').waitFor();
    await shoot(page, 'en-settings-add-wizard');
    await visit(page, 'en', 'settings');
  });

  it('edits the demo profile with its stored settings filled in', async () => {
    await page.getByRole('button', { name: /^Edit Demo/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Edit Demo/ });
    await dialog.getByLabel(/Profile id/).waitFor();
    expect(await dialog.getByLabel(/Profile id/).inputValue()).toBe(app.profileId);
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText('Step 2 of 3: ServiceTitan').waitFor();
    expect(await dialog.getByLabel(/Client id/).inputValue()).not.toBe('');
    expect(await dialog.getByLabel(/ServiceTitan client secret/).inputValue()).toBe('');
    // The simulators' addresses are custom ones: shown, in the open advanced section.
    expect(await dialog.getByLabel(/API base URL/).inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await shoot(page, 'en-settings-edit-servicetitan');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves the holding account and schedule, and keeps them after a reload', async () => {
    const sync = page.getByRole('region', { name: 'Sync settings' });
    await sync.getByRole('textbox', { name: 'Holding account' }).fill('2900');
    await sync.getByRole('radio', { name: 'Custom (cron expression)' }).check();
    await sync.getByRole('textbox', { name: /^Cron expression/ }).fill('30 5 * * 6');
    expect(await sync.getByTestId('schedule-words').textContent()).toBe('Runs on Saturday at 05:30.');
    await sync.getByRole('button', { name: 'Save sync settings' }).click();
    await sync.getByText(/^The sync settings of Demo: .* were saved\.$/).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const reloaded = page.getByRole('region', { name: 'Sync settings' });
    await reloaded.getByRole('textbox', { name: 'Holding account' }).waitFor();
    expect(await reloaded.getByRole('textbox', { name: 'Holding account' }).inputValue()).toBe('2900');
    expect(await reloaded.getByRole('radio', { name: 'Custom (cron expression)' }).isChecked()).toBe(true);
    expect(await reloaded.getByRole('textbox', { name: /^Cron expression/ }).inputValue()).toBe('30 5 * * 6');
    await shootWhole(page, 'en-settings-sync');
  });

  it('shows every page in Norwegian', async () => {
    await page.getByRole('radio', { name: 'Norsk (bokmål)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Innstillinger' }).waitFor();
    await visit(page, 'nb', 'dashboard');
    await page.getByRole('region', { name: 'Siste synkronisering', exact: true }).waitFor();
    expect(plainSpaces((await page.getByRole('main').textContent()) ?? '')).toContain('Bokført per dag');
    await shoot(page, 'nb-dashboard-after-sync');
    await visit(page, 'nb', 'review');
    const nbTable = page.getByRole('table', { name: 'Saker til gjennomgang' });
    await nbTable.locator('[data-testid^="review-row-doc:"]').first().waitFor();
    await shoot(page, 'nb-review-queue');
    await nbTable
      .locator('[data-testid^="review-row-doc:"]')
      .first()
      .getByRole('button', { name: /^Åpne / })
      .click();
    const nbPanel = page.getByTestId('review-detail');
    await nbPanel.getByRole('table', { name: 'Dokumentet i ServiceTitan og i Visma' }).waitFor();
    await nbPanel.getByRole('button', { name: 'Forhåndsvis' }).click();
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
    await reconcile(page, monthsBack(1), 'Periode');
    expect(await page.getByTestId('recon-status').textContent()).toMatch(
      /^(Klar til å lukke|Ikke klar til å lukke) /,
    );
    await closeShown(page, 'nb');
    expect(plainSpaces((await page.getByRole('main').textContent()) ?? '')).toContain('Per forretningsenhet');
    await shootWhole(page, 'reconciliation-nb');
    await visit(page, 'nb', 'settings');
    const sync = page.getByRole('region', { name: 'Synkroniseringsinnstillinger' });
    expect(await sync.getByRole('textbox', { name: 'Oppsamlingskonto' }).inputValue()).toBe('2900');
    expect(await sync.getByTestId('schedule-words').textContent()).toBe('Kjører lørdag kl. 05:30.');
    await shootWhole(page, 'nb-settings-sync');
  });

  it('logged no page errors', () => {
    expect(problems).toEqual([]);
  });
});
