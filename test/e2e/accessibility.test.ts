import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeFindings, seriousViolations } from './support/axe';
import { upsertProfile } from '../../main/storage/profiles';
import { productionProfile } from './support/app-under-test';
import { launchChromium, type Browser } from './support/chromium';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { syncFromDashboard, visitPage } from './support/pages';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outputDir, `a11y-${name}.png`), animations: 'disabled' });
}

/** Whether the element a locator points at has the keyboard focus. */
async function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement);
}

/** The open dialog, a plain one or an alert dialog (confirmations). */
const openDialog = (page: Page) => page.locator('[role="dialog"], [role="alertdialog"]');

/** Waits until no dialog is open any more (Fluent keeps a closing dialog in the DOM for its exit animation). */
async function dialogGone(page: Page): Promise<void> {
  await openDialog(page).waitFor({ state: 'detached' });
}

describe('axe-core on every page and dialog (issue 14, acceptance 5)', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  const findings: string[] = [];

  /** Runs axe on the page as it is now; every serious or critical violation is kept, named by `where`. */
  async function check(where: string): Promise<void> {
    const found = describeFindings(where, await seriousViolations(page));
    for (const line of found) console.log(`axe: ${line}`);
    findings.push(...found);
  }

  /** Opens a dialog with `opener`, checks it, closes it with `closeName` and checks focus went back to the opener. */
  async function checkDialog(where: string, opener: Locator, closeName: RegExp | string): Promise<boolean> {
    await opener.click();
    const dialog = openDialog(page);
    await dialog.waitFor();
    await dialog.getByRole('button', { name: closeName }).first().waitFor();
    await check(where);
    await shoot(page, where);
    await dialog.getByRole('button', { name: closeName }).first().click();
    await dialogGone(page);
    return hasFocus(opener);
  }

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startDemoApp();
    // A second, real (not demo) profile: its removal asks first, and its test tenant → production company must be
    // confirmed, so both dialogs can be opened.
    await upsertProfile(app.host.services.settings, productionProfile, app.host.services.secrets);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await syncFromDashboard(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('checks the dashboard after a sync, chart included', async () => {
    await check('dashboard');
  });

  it('checks the profile menu in the header', async () => {
    const switcher = page.getByRole('banner').getByRole('button', { name: /Active profile/ });
    await switcher.click();
    await page.getByRole('menu').waitFor();
    await check('profile-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'detached' });
    expect(await hasFocus(switcher)).toBe(true);
  });

  it('checks the review queue, its detail panel and its dialogs, focus returning to the opener', async () => {
    await visitPage(page, 'review');
    const table = page.getByRole('table', { name: 'Items to review' });
    await table.locator('[data-testid^="review-row-doc:"]').first().waitFor();
    await check('review');
    await table
      .locator('[data-testid^="review-row-doc:"]')
      .first()
      .getByRole('button', { name: /^Open / })
      .click();
    const panel = page.getByTestId('review-detail');
    await panel.getByRole('table', { name: 'The document in ServiceTitan and in Visma' }).waitFor();
    await check('review-detail');
    const preview = panel.getByRole('button', { name: 'Preview' });
    expect.soft(await checkDialog('review-preview', preview, 'Close')).toBe(true);
    const ignore = panel.getByRole('button', { name: 'Ignore…' });
    expect.soft(await checkDialog('review-ignore', ignore, 'Cancel')).toBe(true);
    // Approve is offered for held documents; the bulk action opens the same dialog for the whole selection.
    await page.getByRole('checkbox', { name: 'Select every document that can be replayed' }).check();
    const approve = page.getByRole('toolbar').getByRole('button', { name: /^Approve… \(/ });
    if (await approve.isEnabled()) {
      expect.soft(await checkDialog('review-approve', approve, 'Cancel')).toBe(true);
    } else {
      console.log('axe: no approvable document in the demo queue; the approve dialog was not opened');
    }
    const bulkIgnore = page.getByRole('toolbar').getByRole('button', { name: /^Ignore… \(/ });
    expect.soft(await checkDialog('review-bulk-ignore', bulkIgnore, 'Cancel')).toBe(true);
    await page.getByRole('button', { name: 'Clear the selection' }).click();
  });

  it('checks the reconciliation page and a bucket', async () => {
    await visitPage(page, 'reconciliation');
    await page.getByTestId('recon-status').waitFor({ timeout: 30_000 });
    await check('reconciliation');
    const matched = page.getByRole('tab', { name: /^Matched/ });
    await matched.click();
    await check('reconciliation-matched');
  });

  it('checks the audit log', async () => {
    await visitPage(page, 'audit');
    await page.getByRole('table', { name: 'Audit log entries' }).waitFor();
    await check('audit');
    // The date range's calendar (in the app's language, weeks from Monday, week numbers).
    const from = page.getByRole('combobox', { name: 'From' });
    await from.click();
    await page.getByRole('button', { name: 'Go to today' }).waitFor();
    await check('audit-calendar');
    await shoot(page, 'audit-calendar');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Go to today' }).waitFor({ state: 'detached' });
  });

  it('checks every mapping tab and the rule dialogs', async () => {
    await visitPage(page, 'mappings');
    const tabs = page.getByRole('tablist', { name: 'What to map' }).getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await page.getByRole('tabpanel').waitFor();
      await check(`mappings-tab-${i + 1}`);
    }
    await page.getByRole('tab', { name: /Cost centre and branch/ }).click();
    const panel = page.getByRole('tabpanel');
    expect
      .soft(await checkDialog('mappings-add', panel.getByRole('button', { name: 'Add rule' }), 'Cancel'))
      .toBe(true);
    const edit = panel.getByRole('button', { name: /^Edit / }).first();
    expect.soft(await checkDialog('mappings-edit', edit, 'Cancel')).toBe(true);
    const remove = panel.getByRole('button', { name: /^Delete / }).first();
    expect.soft(await checkDialog('mappings-delete', remove, 'Cancel')).toBe(true);
  });

  it('checks the customer link dialog', async () => {
    await page.getByRole('tab', { name: /^Customers/ }).click();
    const link = page
      .getByRole('tabpanel')
      .getByRole('button', { name: /^Link .* to a Visma record$/ })
      .first();
    await link.waitFor();
    expect.soft(await checkDialog('mappings-link', link, 'Cancel')).toBe(true);
  });

  it('checks the settings page and its dialogs', async () => {
    await visitPage(page, 'settings');
    await check('settings');
    const secret = page.getByRole('button', { name: /^(Replace|Set)… Visma client secret/ });
    expect.soft(await checkDialog('settings-secret', secret, 'Cancel')).toBe(true);
    const edit = page.getByRole('button', { name: /^Edit Demo/ });
    expect.soft(await checkDialog('settings-edit-profile', edit, 'Cancel')).toBe(true);
    const windowsTask = page.getByRole('button', { name: /^Schedule in Windows: Demo/ });
    expect.soft(await checkDialog('settings-windows-task', windowsTask, /Close|Cancel/)).toBe(true);
    const remove = page.getByRole('button', { name: 'Remove Nordic HVAC AS' });
    expect.soft(await checkDialog('settings-remove-profile', remove, 'Cancel')).toBe(true);
    const confirm = page.getByRole('button', {
      name: /^Confirm test tenant → production company for Nordic/,
    });
    expect.soft(await checkDialog('settings-confirm-environments', confirm, 'Cancel')).toBe(true);
    await page.getByRole('button', { name: 'Back up now' }).click();
    const restore = page.getByRole('button', { name: /^Restore the backup from / }).first();
    await restore.waitFor();
    expect.soft(await checkDialog('settings-restore-backup', restore, 'Cancel')).toBe(true);
  });

  it('checks the setup wizard steps it can reach', async () => {
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Set up a company' }).waitFor();
    await check('setup-start');
    await page.getByRole('radio', { name: 'Connect my systems' }).check();
    await page.getByLabel(/^Profile name/).fill('Nordic Comfort AS');
    await check('setup-start-connect');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { level: 2, name: 'Step 2 of 7: ServiceTitan' }).waitFor();
    await page.getByRole('button', { name: 'Advanced: custom addresses' }).click();
    await check('setup-servicetitan');
  });

  it('found no serious or critical violations', () => {
    expect(findings).toEqual([]);
  });
});
