// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { defaultProfileSettings, sampleProfiles } from '../support/memory-bridge';

afterEach(() => cleanup());

/** Types into a field of `scope`, found by its accessible name. */
function type(scope: HTMLElement, name: RegExp | string, value: string): void {
  const field = within(scope).getByRole('textbox', { name });
  field.focus();
  fireEvent.change(field, { target: { value } });
}

/** The Sync settings section of the Settings page, once the active profile's settings have loaded. */
async function openSyncSettings(seed: Parameters<typeof renderApp>[0] = { profiles: sampleProfiles }) {
  const app = await renderApp(seed, '#/settings');
  const section = await screen.findByRole('region', { name: 'Sync settings' });
  await within(section).findByRole('textbox', { name: 'Holding account' });
  return { ...app, section };
}

const settingsCalls = (calls: { channel: string; input: unknown }[]) =>
  calls.filter((c) => c.channel === 'profiles.setSettings');

describe('the sync settings', () => {
  it('saves the holding account, switches, statuses and a named schedule, and says so', async () => {
    const { bridge, section } = await openSyncSettings();
    expect(section.textContent).toContain('the document waits in the review queue');
    expect(within(section).getByTestId('schedule-words').textContent).toBe(
      'Syncs only when you click Sync now.',
    );
    type(section, 'Holding account', ' 2900 ');
    fireEvent.click(within(section).getByRole('switch', { name: /Release holding-account documents/ }));
    fireEvent.click(within(section).getByRole('switch', { name: /Mark documents exported/ }));
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Pending' }));
    fireEvent.click(within(section).getByRole('radio', { name: 'Never' }));
    fireEvent.click(within(section).getByRole('radio', { name: 'Weekdays at 06:00' }));
    expect(within(section).getByTestId('schedule-words').textContent).toBe('Runs Monday to Friday at 06:00.');
    fireEvent.click(within(section).getByRole('button', { name: 'Save sync settings' }));

    await within(section).findByText('The sync settings of Nordic HVAC AS were saved.');
    expect(settingsCalls(bridge.calls)).toEqual([
      {
        channel: 'profiles.setSettings',
        input: {
          profileId: 'nordic-hvac',
          settings: {
            holdingAccount: '2900',
            releaseHoldingDocuments: true,
            postIntoFirstOpenPeriod: false,
            markExported: false,
            createCustomers: true,
            createSuppliers: true,
            eligibleInvoiceStatuses: ['Pending', 'Posted'],
            suppliersToServiceTitan: 'off',
            schedule: '0 6 * * 1-5',
            webhook: {
              enabled: false,
              port: 0,
              signatureHeader: 'x-servicetitan-signature',
              signatureEncoding: 'hex',
            },
          },
        },
      },
    ]);
    // What main answered is now the saved state: nothing left to save or undo.
    const save = within(section).getByRole('button', { name: 'Save sync settings' });
    expect(save.hasAttribute('disabled')).toBe(true);
  });

  it("shows a custom schedule in words, and main's refusal of it at the field", async () => {
    const { bridge, section } = await openSyncSettings();
    fireEvent.click(within(section).getByRole('radio', { name: 'Custom (cron expression)' }));
    type(section, /Cron expression/, 'every day');
    fireEvent.click(within(section).getByRole('button', { name: 'Save sync settings' }));
    await within(section).findByText(/^Use five fields separated by spaces/);
    expect(settingsCalls(bridge.calls)).toEqual([]);

    type(section, /Cron expression/, '30 7 * * 1,3');
    expect(within(section).getByTestId('schedule-words').textContent).toBe(
      'Runs on Monday and Wednesday at 07:30.',
    );
    type(section, /Cron expression/, '99 * * * *');
    fireEvent.click(within(section).getByRole('button', { name: 'Save sync settings' }));
    const refusal = await within(section).findByText(
      '"99 * * * *" is not a schedule: use five cron fields, e.g. "*/15 * * * *" for every 15 minutes.',
    );
    const field = within(section).getByRole('textbox', { name: /Cron expression/ });
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain(refusal.id);
    expect(within(section).queryByText(/were saved/)).toBeNull();

    type(section, /Cron expression/, '*/20 * * * *');
    expect(within(section).queryByText(/is not a schedule/)).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Save sync settings' }));
    await within(section).findByText('The sync settings of Nordic HVAC AS were saved.');
    expect(settingsCalls(bridge.calls).at(-1)?.input).toMatchObject({
      settings: { schedule: '*/20 * * * *' },
    });
  });

  it('says what is wrong at the field before anything is sent', async () => {
    const { bridge, section } = await openSyncSettings();
    type(section, 'Holding account', '29 00');
    fireEvent.click(within(section).getByRole('checkbox', { name: 'Posted' }));
    type(section, 'Port', '70000');
    type(section, 'Signature header', 'x signature');
    fireEvent.click(within(section).getByRole('button', { name: 'Save sync settings' }));
    await within(section).findByText('An account number has no spaces and at most 30 characters.');
    expect(section.textContent).toContain('Tick at least one status, or nothing will be posted.');
    expect(section.textContent).toContain('The port is a whole number from 0 to 65535.');
    expect(section.textContent).toContain(
      'A header name has only letters, digits and dashes, and no spaces.',
    );
    expect(settingsCalls(bridge.calls)).toEqual([]);
  });

  it('starts the webhook receiver once the signing key is set, and says where it listens', async () => {
    const { bridge, section } = await openSyncSettings({
      profiles: sampleProfiles,
      profileSettings: { 'nordic-hvac': { ...defaultProfileSettings, schedule: '*/15 * * * *' } },
    });
    const webhooks = within(section).getByRole('region', { name: 'Webhooks' });
    expect(webhooks.textContent).toContain('Polling keeps running either way');
    expect(webhooks.textContent).toContain('ServiceTitan does not document the exact header name');
    expect(within(section).getByRole<HTMLInputElement>('radio', { name: 'Every 15 minutes' }).checked).toBe(
      true,
    );
    fireEvent.click(within(webhooks).getByRole('switch', { name: 'Receive webhooks from ServiceTitan' }));
    type(webhooks, 'Port', '8443');
    fireEvent.click(within(webhooks).getByRole('radio', { name: 'Base64' }));
    fireEvent.click(within(section).getByRole('button', { name: 'Save sync settings' }));
    await within(section).findByText(
      'The sync settings of Nordic HVAC AS were saved, but the webhook receiver is not running: set the signing key to start it.',
    );
    expect(settingsCalls(bridge.calls).at(-1)?.input).toMatchObject({
      settings: {
        schedule: '*/15 * * * *',
        webhook: { enabled: true, port: 8443, signatureEncoding: 'base64' },
      },
    });

    fireEvent.click(within(webhooks).getByRole('button', { name: 'Set key…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Replace Webhook signing key' });
    expect(dialog.textContent).toContain('32–64 characters');
    const value = within(dialog).getByLabelText(/New value/);
    value.focus();
    fireEvent.change(value, { target: { value: 'too-short' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await within(dialog).findByText('The signing key must be 32 to 64 characters long; this one has 9.');
    expect(bridge.calls.some((c) => c.channel === 'secrets.set')).toBe(false);
    fireEvent.change(value, { target: { value: 'k'.repeat(40) } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));

    const status = await within(webhooks).findByText('http://127.0.0.1:8443/');
    expect(status.parentElement?.textContent).toBe('Listening on http://127.0.0.1:8443/');
    expect(bridge.calls).toContainEqual({
      channel: 'secrets.set',
      input: { profileId: 'nordic-hvac', kind: 'webhook.hmacKey', value: '***' },
    });
    // The key's status is read again after saving: wait for it rather than race it.
    expect(await within(webhooks).findByRole('button', { name: 'Replace key…' })).toBeTruthy();
  });
});
