import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPage } from '../../main/api/queries/link-page';
import { offerSuggestion } from '../../main/engine/alignment/store/suggestions';
import { loadLinks, loadRules } from '../../main/engine/mapping/rule-store';
import { refreshMasterData, saveRecords } from '../../main/engine/master-data/cache';
import type { Ledger } from '../../main/storage/types';
import { launchChromium, type Browser } from './support/chromium';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { armPaintClock } from './support/paint-clock';
import { navName } from './support/pages';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');
const CUSTOMERS = 1_200;
const SEEDED_AT = '2026-01-15T08:00:00Z';
const FIRST_NAMES = ['Kari', 'Ola', 'Åse', 'Per', 'Lise', 'Nils', 'Ingrid', 'Bjørn'];
const LAST_NAMES = ['Hansen', 'Nordmann', 'Berg', 'Olsen', 'Dahl', 'Johansen', 'Larsen', 'Haugen'];

/** The confidence (0–1) seeded for customer `i`: spread from 0.60 to 0.99 so a threshold splits them. */
const confidenceOf = (i: number) => Math.round((0.6 + (i % 40) / 100) * 1000) / 1000;

/**
 * A tenant the size of a real one: `CUSTOMERS` ServiceTitan customers and as many Visma customers in the master-data
 * cache, a suggestion (with its evidence) for every one but each sixth, as alignment would leave them.
 */
function seedCustomers(db: Ledger, profileId: string): { suggested: number; atOrAbove90: number } {
  const name = (i: number) => `${FIRST_NAMES[i % 8]} ${LAST_NAMES[Math.floor(i / 8) % 8]} ${i}`;
  const st = Array.from({ length: CUSTOMERS }, (_, i) => ({
    id: String(90_000 + i),
    name: name(i),
    active: true,
  }));
  const visma = Array.from({ length: CUSTOMERS }, (_, i) => ({
    number: String(50_000 + i),
    name: `${name(i)} AS`,
    active: true,
  }));
  saveRecords(db, profileId, 'st', 'customer', st, (r) => r.id, false, SEEDED_AT);
  saveRecords(db, profileId, 'visma', 'customer', visma, (r) => r.number, false, SEEDED_AT);
  let suggested = 0;
  let atOrAbove90 = 0;
  db.transaction(() => {
    for (let i = 0; i < CUSTOMERS; i++) {
      if (i % 6 === 5) continue;
      const confidence = confidenceOf(i);
      offerSuggestion(
        db,
        profileId,
        {
          kind: 'customer',
          stId: st[i]!.id,
          vismaKey: visma[i]!.number,
          confidence,
          reasons: [`similar name (${Math.round(confidence * 100) - 5} %)`, 'same postal code'],
        },
        SEEDED_AT,
      );
      suggested++;
      if (Math.round(confidence * 100) >= 90) atOrAbove90++;
    }
  })();
  return { suggested, atOrAbove90 };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(outputDir, `mappings-${name}.png`),
    animations: 'disabled',
    fullPage: true,
  });
}

describe(`the mapping tabs with ${CUSTOMERS.toLocaleString('en')} customers (issue 13, acceptance 3 and 6)`, () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  let seeded: { suggested: number; atOrAbove90: number };

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startDemoApp({ invoices: 5, bills: 2 });
    const db = app.host.services.ledger;
    const { visma, st } = await app.host.engine.ports(app.profileId);
    await refreshMasterData(db, app.profileId, visma, st, { full: true });
    seeded = seedCustomers(db, app.profileId);
    browser = await launchChromium();
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows the first customer rows soon after navigation, with suggestions and what blocks posting', async () => {
    const clock = await armPaintClock(page, { selector: '[data-testid^="link-row-9"]' });
    const started = performance.now();
    await page.getByRole('navigation', { name: navName.en }).getByRole('link', { name: 'Mappings' }).click();
    await page.locator('[data-testid^="link-row-9"]').first().waitFor();
    const seenByTest = performance.now() - started;
    const firstRows = await clock.read();
    const inDom = await page.locator('[data-testid^="link-row-"]').count();
    const query = performance.now();
    linkPage(app.host.services.ledger, app.profileId, { kind: 'customer', limit: 200 });
    const inMain = performance.now() - query;
    console.log(
      `mappings, ${CUSTOMERS} customers: first rows painted ${firstRows.toFixed(0)} ms after the navigation click (the window's query ${inMain.toFixed(0)} ms in main; ${seenByTest.toFixed(0)} ms as the test saw it, Playwright's round trips included); ${inDom} rows in the DOM`,
    );
    expect(inDom).toBeGreaterThan(5);
    expect(inDom).toBeLessThan(100);
    await page
      .getByTestId('link-counts-customer')
      .filter({ hasText: `${seeded.suggested.toLocaleString('en')} suggested` })
      .waitFor();
    await shoot(page, 'customers-first-rows');
  });

  it('accepts every suggestion at or above 90 % in one click', async () => {
    const db = app.host.services.ledger;
    const before = loadLinks(db, app.profileId, 'customer').size;
    await page.getByRole('textbox', { name: /Accept all suggestions at or above/ }).fill('90');
    const accepted = `${seeded.atOrAbove90.toLocaleString('en')} suggestions accepted`;
    const clock = await armPaintClock(page, { selector: 'body', textOf: 'body', pattern: accepted });
    await page.getByRole('button', { name: 'Accept all ≥ 90 %' }).click();
    await page.getByText(new RegExp(`^${accepted}`)).waitFor();
    console.log(
      `mappings, ${CUSTOMERS} customers: one click accepted ${seeded.atOrAbove90} suggestions at or above 90 %, result painted ${(await clock.read()).toFixed(0)} ms after the click`,
    );
    expect(loadLinks(db, app.profileId, 'customer').size - before).toBe(seeded.atOrAbove90);
    await page
      .getByTestId('link-counts-customer')
      .filter({ hasText: `${(seeded.suggested - seeded.atOrAbove90).toLocaleString('en')} suggested` })
      .waitFor();
    await shoot(page, 'customers-accepted-above-90');
  });

  it('refuses a rule to an account Visma does not have, or has inactive, naming it', async () => {
    await page.getByRole('tab', { name: /Expense by GL account/ }).click();
    await page.getByRole('tabpanel').getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New rule: Expense by GL account' });
    await dialog.getByRole('textbox', { name: /ServiceTitan GL account/ }).fill('6900');
    const account = dialog.getByRole('combobox', { name: /Visma account/ });
    await account.fill('9999');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('Visma has no account 9999.').waitFor();
    await shoot(page, 'account-missing-refused');
    await account.fill('3099');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/^Visma account 3099 “Gammel salgskonto \(inactive\)” is inactive\.$/).waitFor();
    await shoot(page, 'account-inactive-refused');
    await account.fill('inventar');
    await account.press('ArrowDown');
    await page.getByRole('option', { name: /^6540 / }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('The rule for 6900 was saved.', { exact: false }).waitFor();
    const rules = loadRules(app.host.services.ledger, app.profileId).expenseByGlAccount;
    expect(rules['6900']).toEqual({ account: '6540' });
    const row = page.getByRole('tabpanel').getByRole('row').filter({ hasText: '6900' });
    expect(await row.textContent()).toMatch(/6540 \S/);
    await shoot(page, 'account-saved-with-name');
  });
});
