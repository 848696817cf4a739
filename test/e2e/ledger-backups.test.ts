import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../main/host';
import { appendAudit, listAudit } from '../../main/storage/audit';
import { createBackup } from '../../main/storage/backups';
import { openLedger } from '../../main/storage/ledger';
import { rendererDir } from './support/app-under-test';
import { launchChromium, type Browser } from './support/chromium';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');
const BACKUP_AT = new Date('2026-06-19T08:00:00.000Z');

/** A ledger with rows worth keeping, one daily backup of it, then garbage written into the middle of the file. */
async function damagedLedgerWithBackup(dataDir: string): Promise<void> {
  const file = join(dataDir, 'ledger.sqlite');
  const db = openLedger(file);
  db.transaction(() => {
    for (let i = 0; i < 800; i++)
      appendAudit(db, {
        actor: 'system',
        action: 'test.row',
        outcome: 'info',
        message: `row ${i} ${'x'.repeat(120)}`,
      });
  })();
  await createBackup(db, { reason: 'daily', now: BACKUP_AT });
  db.close();
  const offset = Math.floor(statSync(file).size / 2 / 4096) * 4096;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(16_384, 0xa5), 0, 16_384, offset);
  closeSync(fd);
}

describe('Settings → Ledger backups on a damaged ledger', () => {
  let dataDir: string;
  let host: BrowserHost;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'st-visma-e2e-ledger-'));
    await damagedLedgerWithBackup(dataDir);
    host = await startBrowserHost({ dataDir, demo: true, rendererDir });
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, names the damage, lists the backup and restores it after a confirmation', async () => {
    expect(host.services.ledgerStore?.state.state).toBe('damaged');
    await page.goto(host.url);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const section = page.getByRole('region', { name: 'Ledger backups' });
    await section.getByText('The ledger is damaged').waitFor();
    await section.getByText(/is damaged .* The newest backup is/).waitFor();
    const list = section.getByRole('list', { name: 'Backups, newest first' });
    expect(await list.getByRole('listitem').count()).toBe(1);
    expect(await list.getByRole('listitem').first().textContent()).toMatch(/MB · daily backup/);
    await section.screenshot({ path: join(outputDir, 'ledger-backups-damaged.png'), animations: 'disabled' });

    await list.getByRole('button', { name: /^Restore the backup from / }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText(/The current ledger file is kept beside it, renamed, not deleted/).waitFor();
    await page.screenshot({ path: join(outputDir, 'ledger-backups-confirm.png'), animations: 'disabled' });
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await section.getByText('The backup was restored').waitFor({ timeout: 60_000 });
    await section.getByText(/The file it replaced is kept as .*ledger\.sqlite\.damaged-/).waitFor();
    expect(await section.getByText('The ledger is damaged').count()).toBe(0);
    expect(host.services.ledgerStore?.state.state).toBe('open');
    expect(listAudit(host.services.ledger, { action: 'test.row', limit: 1000 })).toHaveLength(800);

    await section.getByRole('button', { name: 'Back up now' }).click();
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 60_000 }).toBe(2);
    await section.screenshot({
      path: join(outputDir, 'ledger-backups-restored.png'),
      animations: 'disabled',
    });
    expect(problems).toEqual([]);
  });
});
