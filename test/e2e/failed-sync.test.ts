import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from './support/chromium';
import { startDemoApp, type DemoApp } from './support/demo-app';
import { plainSpaces, visitPage } from './support/pages';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');

/** What the page's Notifications API was asked to show (recorded by the init script below). */
interface Notice {
  title: string;
  body: string;
}

/**
 * Wraps the browser's own Notifications API (permission granted to the app's origin) so every notification the app
 * raises is also recorded, with a way to click it as the person would.
 */
const recordNotifications = () => {
  const Real = window.Notification;
  const shown: Notification[] = [];
  class Recorded extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      shown.push(this);
    }
  }
  Object.defineProperty(window, 'Notification', { value: Recorded, configurable: true });
  Object.assign(window, {
    __notices: () => shown.map((n) => ({ title: n.title, body: n.body })),
    __clickNotice: (index: number) => shown[index]?.onclick?.(new Event('click')),
  });
};

const notices = (page: Page) =>
  page.evaluate(() => (window as unknown as { __notices(): Notice[] }).__notices());

/** Waits for the profile's `sync.run` to end and the dashboard to show that run. */
async function syncNow(page: Page): Promise<void> {
  await visitPage(page, 'dashboard');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page
    .getByText(/^(Sync finished:|The sync stopped:)/)
    .first()
    .waitFor({ timeout: 180_000 });
}

/** The status badge of the dashboard's "Last sync" card, once the card shows the run that just ended. */
async function lastRunStatus(page: Page): Promise<string> {
  const card = page.getByRole('region', { name: 'Last sync' });
  await card.waitFor();
  return plainSpaces(await card.innerText());
}

describe('a sync that fails (issue 14, acceptance 1)', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  let vismaControls: string;
  let stControls: string;
  let stSecret: string;
  let profileName: string;

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startDemoApp({ invoices: 12, bills: 4 });
    const config = await app.host.engine.profile(app.profileId);
    vismaControls = `${new URL(config.visma.apiBaseUrl).origin}/__sim`;
    stControls = `${new URL(config.servicetitan.apiBaseUrl).origin}/__sim`;
    stSecret = config.servicetitan.clientSecret ?? '';
    profileName = config.name;
    browser = await launchChromium();
    await browser.context.grantPermissions(['notifications'], { origin: app.host.origin });
    await browser.context.addInitScript(recordNotifications);
    page = await browser.context.newPage();
    await page.goto(app.host.url);
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows a run against an unreachable Visma as failed everywhere, with a notification', async () => {
    // The first run has documents to post, so it needs Visma (a run with nothing to do makes no Visma call).
    await fetch(`${vismaControls}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'drop', share: 1 }),
    });
    const before = (await notices(page)).length;
    await syncNow(page);
    await page.getByText(/^The sync stopped:/).waitFor();
    expect(await lastRunStatus(page)).toMatch(/Last sync Failed/);
    const lastRun = page.getByRole('region', { name: 'Last sync' });
    expect((await lastRun.getByRole('alert').textContent())?.length).toBeGreaterThan(10);
    const runs = page.getByRole('table', { name: 'Recent syncs' });
    expect(await runs.getByRole('row').nth(1).textContent()).toContain('Failed');
    expect(plainSpaces(await page.getByTestId('run-failure-warning').innerText())).toContain(
      'Visma.net could not be reached in the last sync',
    );
    const failed = (await notices(page)).slice(before);
    expect(failed.map((n) => n.title)).toEqual([`Sync of ${profileName} failed`]);
    await page.screenshot({ path: join(outputDir, 'failed-sync-dashboard.png'), fullPage: true });

    await visitPage(page, 'audit');
    await page.getByRole('cell', { name: 'Sync failed' }).first().waitFor();
    await page.screenshot({ path: join(outputDir, 'failed-sync-audit.png'), fullPage: true });
  });

  it('shows a run with a rotated ServiceTitan secret as failed; the next good run clears it', async () => {
    await fetch(`${vismaControls}/faults`, { method: 'DELETE' });
    // The secret was changed in ServiceTitan: the one the app holds no longer signs in, and old tokens are gone.
    await app.host.services.secrets.set(app.profileId, 'servicetitan.clientSecret', 'cs1.rotated-away');
    app.host.engine.dropConnection(app.profileId);
    await fetch(`${stControls}/tokens/revoke`, { method: 'POST' });
    const before = (await notices(page)).length;
    await syncNow(page);
    await page.getByText(/^The sync stopped:/).waitFor();
    expect(await lastRunStatus(page)).toMatch(/Last sync Failed/);
    expect((await notices(page)).slice(before).map((n) => n.title)).toEqual([
      `Sync of ${profileName} failed`,
    ]);

    await app.host.services.secrets.set(app.profileId, 'servicetitan.clientSecret', stSecret);
    app.host.engine.dropConnection(app.profileId);
    const beforeGood = (await notices(page)).length;
    await syncNow(page);
    await page.getByText(/^Sync finished:/).waitFor();
    expect(await lastRunStatus(page)).toMatch(/Last sync Completed/);
    expect(await page.getByRole('region', { name: 'Last sync' }).getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('run-failure-warning').count()).toBe(0);
    await page.screenshot({ path: join(outputDir, 'failed-sync-cleared.png'), fullPage: true });

    // The seeded demo company always leaves some documents waiting (missing mappings, a held document).
    const good = (await notices(page)).slice(beforeGood);
    expect(good.map((n) => n.title)).toEqual([`${profileName}: new documents to review`]);
    await page.evaluate(
      (index) => (window as unknown as { __clickNotice(i: number): void }).__clickNotice(index),
      beforeGood,
    );
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
  });
});
