import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProfile } from '../../main/storage/profiles';
import { SECRET_KINDS } from '../../main/storage/secrets';
import type { ProfileConfig } from '../../shared/profile-config';
import { productionProfile } from './support/app-under-test';
import { launchChromium, type Browser } from './support/chromium';
import { startDemoApp, type DemoApp } from './support/demo-app';

const outputDir = resolve(import.meta.dirname, '../../test-output/e2e');

/** A real company's profile with every kind of secret in the keychain. */
const realProfile: ProfileConfig = {
  ...productionProfile,
  servicetitan: {
    ...productionProfile.servicetitan,
    clientSecret: 'e2e-st-secret-1f2e',
    appKey: 'e2e-app-key-77aa',
  },
  visma: { ...productionProfile.visma, clientSecret: 'e2e-visma-secret-9c9c' },
  webhook: {
    enabled: false,
    port: 0,
    signatureHeader: 'x-servicetitan-signature',
    signatureEncoding: 'hex',
    hmacKey: 'e2e-webhook-hmac-key-0123456789abcdef',
  },
};

type CallResult = { ok: true; value: any } | { ok: false; error: { code: string; message: string } };

describe('Settings → remove a profile, proven through the contract', () => {
  let app: DemoApp;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  /** One call of the contract over the host's HTTP transport, with the run's token, as any client makes it. */
  async function call(channel: string, input: unknown = {}): Promise<CallResult> {
    const res = await fetch(`${app.host.origin}/api/call/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bridge-token': app.host.token },
      body: JSON.stringify(input),
    });
    return (await res.json()) as CallResult;
  }

  async function shoot(name: string): Promise<void> {
    const main = page.getByRole('main');
    const hidden = await main.evaluate((m) => m.scrollHeight - m.clientHeight);
    await page.setViewportSize({ width: 1280, height: 800 + Math.max(0, hidden) });
    await page.screenshot({ path: join(outputDir, `profile-removal-${name}.png`), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  beforeAll(async () => {
    await mkdir(outputDir, { recursive: true });
    app = await startDemoApp({ invoices: 8, bills: 3 });
    await upsertProfile(app.host.services.settings, realProfile, app.host.services.secrets);
    // The demo has posted something, so its ledger rows are worth keeping.
    const run = await call('sync.run', { profileId: app.profileId });
    expect(run.ok).toBe(true);
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('removes a real profile after its name is typed: no secret of it is left and its ledger backup exists', async () => {
    const before = await call('secrets.status', { profileId: realProfile.id });
    expect(before).toMatchObject({
      ok: true,
      value: { secrets: Object.fromEntries(SECRET_KINDS.map((k) => [k, true])) },
    });

    await page.goto(app.host.url);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Settings' })
      .click();
    const section = page.getByRole('region', { name: 'Profiles' });
    const demoRow = section.getByRole('listitem').filter({ hasText: 'Demo: Nordic Comfort' });
    await demoRow.getByText('Demo', { exact: true }).waitFor();
    expect(
      await section
        .getByRole('listitem')
        .filter({ hasText: realProfile.name })
        .getByText('Demo', { exact: true })
        .count(),
    ).toBe(0);
    await shoot('1-profiles');

    // Schedule in Windows: the exact command for the profile's schedule, calling the CLI with its data folder.
    const scheduled = await call('profiles.setSettings', {
      profileId: realProfile.id,
      settings: { schedule: '0 6 * * 1-5' },
    });
    expect(scheduled.ok).toBe(true);
    await section.getByRole('button', { name: `Schedule in Windows: ${realProfile.name}` }).click();
    const taskDialog = page.getByRole('dialog', { name: `Schedule ${realProfile.name} in Windows` });
    const command = await taskDialog.getByTestId('windows-task-command').textContent();
    expect(command).toMatch(/^schtasks \/Create \/TN "ST-Visma sync nordic-hvac" \/TR "/);
    expect(command).toContain(`sync --data-dir \\"${app.host.services.dataDir}\\" --profile nordic-hvac"`);
    expect(command).toContain('/SC WEEKLY /D MON,TUE,WED,THU,FRI /ST 06:00 /F');
    expect(await taskDialog.getByRole('button', { name: 'Create the task' }).count()).toBe(0);
    await page.screenshot({
      path: join(outputDir, 'profile-removal-1b-windows-task.png'),
      animations: 'disabled',
    });
    await taskDialog.getByRole('button', { name: 'Close' }).click();
    await taskDialog.waitFor({ state: 'detached' });

    await section.getByRole('button', { name: `Remove ${realProfile.name}` }).click();
    const dialog = page.getByRole('alertdialog', { name: `Remove ${realProfile.name}?` });
    const confirm = dialog.getByRole('button', { name: 'Remove profile' });
    await dialog.getByRole('textbox').fill('Nordic');
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole('textbox').fill(realProfile.name);
    await page.screenshot({ path: join(outputDir, 'profile-removal-2-confirm.png'), animations: 'disabled' });
    await confirm.click();
    await section.getByText(`${realProfile.name} was removed`).waitFor();
    await section.getByText('4 secrets were deleted from the keychain.').waitFor();
    const shown = await section.getByText(/The ledger was kept as a backup: /).textContent();
    const backupFile = shown!.replace('The ledger was kept as a backup: ', '').trim();
    await shoot('3-removed');

    // profiles.list: gone. ledger.status: the backup the page named is listed, kept for a removal.
    const list = await call('profiles.list');
    expect(list.ok && list.value.profiles.map((p: { id: string }) => p.id)).toEqual([app.profileId]);
    const status = await call('ledger.status');
    expect(status.ok).toBe(true);
    const listed = (status.ok ? status.value.backups : []) as { name: string; reason: string }[];
    expect(
      listed
        .filter((b) => b.reason === 'profile-removed')
        .map((b) => join(status.ok ? status.value.backupsDir : '', b.name)),
    ).toEqual([backupFile]);
    // secrets.status answers only for a profile that exists: the same id saved again (without secrets) has none.
    expect(await call('secrets.status', { profileId: realProfile.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const { clientSecret: _s, appKey: _a, ...st } = realProfile.servicetitan;
    const { clientSecret: _v, tokenUrl, apiBaseUrl, ...visma } = realProfile.visma;
    const saved = await call('profiles.save', {
      profile: {
        id: realProfile.id,
        name: realProfile.name,
        timeZone: realProfile.timeZone,
        servicetitan: { environment: st.environment, tenantId: st.tenantId, clientId: st.clientId },
        visma: { ...visma, tokenUrl, apiBaseUrl },
      },
    });
    expect(saved.ok).toBe(true);
    expect(await call('secrets.status', { profileId: realProfile.id })).toEqual({
      ok: true,
      value: { secrets: Object.fromEntries(SECRET_KINDS.map((k) => [k, false])) },
    });
    const again = await call('profiles.remove', { profileId: realProfile.id, confirmation: realProfile.id });
    expect(again).toMatchObject({ ok: true, value: { secretsDeleted: [] } });
  });

  it('removes the demo profile in one click and keeps its posted documents in the backup', async () => {
    const live = app.host.services.ledger
      .prepare('SELECT COUNT(*) FROM outbox WHERE profile_id = ?')
      .pluck()
      .get(app.profileId) as number;
    expect(live).toBeGreaterThan(0);
    await page.reload();
    const section = page.getByRole('region', { name: 'Profiles' });
    await section.getByRole('button', { name: /^Remove the demo profile / }).click();
    await section.getByText(/^Demo: .* was removed$/).waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await section.getByText('No profile is left; add one to sync again.').waitFor();
    const shown = await section.getByText(/The ledger was kept as a backup: /).textContent();
    const backupFile = shown!.replace('The ledger was kept as a backup: ', '').trim();
    await shoot('4-demo-removed');

    expect(await call('profiles.list')).toMatchObject({
      ok: true,
      value: { profiles: [], activeProfileId: null },
    });
    expect(Object.values(await app.host.services.secrets.status(app.profileId)).some(Boolean)).toBe(false);
    const status = await call('ledger.status');
    expect(
      status.ok && status.value.backups.filter((b: { reason: string }) => b.reason === 'profile-removed'),
    ).toHaveLength(3); // the real profile's two removals, then the demo's
    const backup = new Database(backupFile, { readonly: true });
    try {
      const kept = backup
        .prepare('SELECT COUNT(*) FROM outbox WHERE profile_id = ?')
        .pluck()
        .get(app.profileId);
      expect(kept).toBe(live);
    } finally {
      backup.close();
    }

    await page
      .getByRole('region', { name: 'Ledger backups' })
      .getByText(/kept when a profile was removed/)
      .first()
      .waitFor();
    const folder = page.getByRole('region', { name: 'Data folder and support' });
    expect(await folder.getByTestId('data-folder').textContent()).toBe(app.host.services.dataDir);
    await folder.getByRole('button', { name: 'Export diagnostics' }).click();
    await folder.getByText('Diagnostics written').waitFor();
    await shoot('5-backups-and-diagnostics');
    expect(problems).toEqual([]);
  });
});
