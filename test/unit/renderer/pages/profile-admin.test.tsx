// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProfileSummary } from '../../../../shared/contract/schemas';
import { renderApp } from '../support/render-app';
import { defaultProfileSettings, sampleProfiles } from '../support/memory-bridge';

const demoProfile: ProfileSummary = {
  id: 'demo',
  name: 'Demo: Nordic Comfort Heating & Plumbing',
  timeZone: 'Europe/Oslo',
  servicetitan: { environment: 'integration', tenantId: '42' },
  visma: { environment: 'sandbox', companyId: '1' },
  crossEnvironment: 'none',
  demo: true,
};

const writeText = vi.fn((text: string) => Promise.resolve(void text));

beforeEach(() => {
  writeText.mockClear();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => cleanup());

async function profilesSection(seed: Parameters<typeof renderApp>[0]) {
  const app = await renderApp(seed, '#/settings');
  const section = await screen.findByRole('region', { name: 'Profiles' });
  await within(section).findByText(sampleProfiles[0]!.name);
  return { ...app, section };
}

const removals = (calls: { channel: string; input: unknown }[]) =>
  calls.filter((c) => c.channel === 'profiles.remove').map((c) => c.input);

describe('removing a profile', () => {
  it('removes a real profile only after its id or name is typed, then says where the ledger was kept', async () => {
    const { bridge, section } = await profilesSection({
      profiles: sampleProfiles,
      secrets: { 'nordic-hvac': ['servicetitan.clientSecret', 'servicetitan.appKey', 'visma.clientSecret'] },
      dataDir: '/home/kari/.config/st-visma',
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Remove Nordic HVAC AS' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Remove Nordic HVAC AS?', hidden: true });
    expect(dialog.textContent).toContain('The ledger is first kept as a backup');
    const confirm = within(dialog).getByRole('button', { name: 'Remove profile', hidden: true });
    expect(confirm).toHaveProperty('disabled', true);
    const field = within(dialog).getByRole('textbox', {
      name: /Type the profile's id nordic-hvac or its name/,
    });
    fireEvent.change(field, { target: { value: 'Nordic' } });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(field, { target: { value: 'nordic-hvac' } });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);

    await within(section).findByText('Nordic HVAC AS was removed');
    expect(section.textContent).toContain('3 secrets were deleted from the keychain.');
    const backup =
      '/home/kari/.config/st-visma/backups/ledger-2026-06-19T08-00-00-000Z-profile-removed.sqlite';
    expect(section.textContent).toContain(`The ledger was kept as a backup: ${backup}`);
    expect(section.textContent).toContain('The active profile is now Test company.');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(within(section).queryByRole('button', { name: 'Remove Nordic HVAC AS' })).toBeNull();
    expect(removals(bridge.calls)).toEqual([{ profileId: 'nordic-hvac', confirmation: 'nordic-hvac' }]);

    fireEvent.click(within(section).getByRole('button', { name: "Copy the backup's path" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(backup));
  });

  it('marks a demo profile and removes it in one click, without a typed confirmation', async () => {
    const { bridge, section } = await profilesSection({
      profiles: [demoProfile, ...sampleProfiles],
      activeProfileId: 'demo',
    });
    const demoRow = within(section).getByText(demoProfile.name).closest('li')!;
    expect(within(demoRow).getByText('Demo')).toBeTruthy();
    const realRow = within(section).getByText('Nordic HVAC AS').closest('li')!;
    expect(within(realRow).queryByText('Demo')).toBeNull();

    fireEvent.click(
      within(section).getByRole('button', { name: `Remove the demo profile ${demoProfile.name}` }),
    );
    await within(section).findByText(`${demoProfile.name} was removed`);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(removals(bridge.calls)).toEqual([{ profileId: 'demo' }]);
    expect(section.textContent).toContain('The active profile is now Nordic HVAC AS.');
  });
});

describe('Schedule in Windows', () => {
  const every15 = { ...defaultProfileSettings, schedule: '*/15 * * * *' };

  it('shows the exact command with a copy button, and no Create button outside the app', async () => {
    const { section } = await profilesSection({
      profiles: sampleProfiles,
      profileSettings: { 'nordic-hvac': every15 },
      dataDir: 'C:\\Users\\Kari Nordmann\\AppData\\Roaming\\ST Visma',
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Schedule in Windows: Nordic HVAC AS' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Schedule Nordic HVAC AS in Windows',
      hidden: true,
    });
    const command = await within(dialog).findByTestId('windows-task-command');
    expect(command.textContent).toMatch(/^schtasks \/Create \/TN "ST-Visma sync nordic-hvac" \/TR /);
    expect(command.textContent).toContain('--profile nordic-hvac');
    expect(dialog.textContent).toContain('Schedule: Runs every 15 minutes.');
    expect(dialog.textContent).toContain('run it in a Command Prompt');
    expect(within(dialog).queryByRole('button', { name: 'Create the task', hidden: true })).toBeNull();
    // Tabster's modalizer can leave aria-hidden on the surface in jsdom once its content is swapped (see
    // profile-setup.test.tsx): query inside the dialog whatever it says.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Copy the command', hidden: true }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(command.textContent));
    await within(dialog).findByText('Copied');
  });

  it('says to choose a schedule first when the profile syncs only by hand', async () => {
    const { section } = await profilesSection({ profiles: sampleProfiles });
    fireEvent.click(within(section).getByRole('button', { name: 'Schedule in Windows: Test company' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    await within(dialog).findByText(/This profile syncs only when you click Sync now\. Choose a schedule/);
    expect(within(dialog).queryByTestId('windows-task-command')).toBeNull();
  });

  it('creates the task in the Windows app', async () => {
    const { bridge, section } = await profilesSection({
      profiles: sampleProfiles,
      profileSettings: { 'nordic-hvac': every15 },
      host: 'electron',
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Schedule in Windows: Nordic HVAC AS' }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Create the task', hidden: true }));
    await within(dialog).findByText('The task ST-Visma sync nordic-hvac was created in Task Scheduler.');
    expect(bridge.calls.filter((c) => c.channel === 'profiles.createWindowsTask')).toEqual([
      { channel: 'profiles.createWindowsTask', input: { profileId: 'nordic-hvac' } },
    ]);
  });
});

describe('data folder and diagnostics', () => {
  it('shows the data folder with a copy button (no Open in the browser) and exports diagnostics', async () => {
    await renderApp({ profiles: sampleProfiles, dataDir: '/srv/st-visma data' }, '#/settings');
    const section = await screen.findByRole('region', { name: 'Data folder and support' });
    expect((await within(section).findByTestId('data-folder')).textContent).toBe('/srv/st-visma data');
    expect(within(section).queryByRole('button', { name: 'Open folder' })).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: "Copy the data folder's path" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('/srv/st-visma data'));
    fireEvent.click(within(section).getByRole('button', { name: 'Export diagnostics' }));
    await within(section).findByText('Diagnostics written');
    expect(section.textContent).toContain(
      '/srv/st-visma data/diagnostics/diagnostics-2026-06-19T08-00-00-000Z',
    );
    expect(section.textContent).toContain('5 files; send the whole folder to support.');
  });

  it('opens the folder in the app', async () => {
    const { bridge } = await renderApp({ profiles: sampleProfiles, host: 'electron' }, '#/settings');
    const section = await screen.findByRole('region', { name: 'Data folder and support' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Open folder' }));
    await within(section).findByText('The folder was opened in the file manager.');
    expect(bridge.calls.some((c) => c.channel === 'app.openDataFolder')).toBe(true);
  });

  it('says plainly when the diagnostics could not be written', async () => {
    await renderApp(
      {
        profiles: sampleProfiles,
        engine: { failures: { 'diagnostics.export': 'No space left on the disk.' } },
      },
      '#/settings',
    );
    const section = await screen.findByRole('region', { name: 'Data folder and support' });
    fireEvent.click(within(section).getByRole('button', { name: 'Export diagnostics' }));
    await within(section).findByText('The diagnostics could not be written.');
    expect(section.textContent).toContain('No space left on the disk.');
  });

  it('says it in Norwegian too', async () => {
    await renderApp({ profiles: sampleProfiles, locale: 'nb' }, '#/settings');
    const section = await screen.findByRole('region', { name: 'Datamappe og støtte' });
    expect(within(section).getByRole('button', { name: 'Eksporter diagnostikk' })).toBeTruthy();
  });
});
