// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../support/render-app';
import { sampleProfiles } from '../support/memory-bridge';

afterEach(() => cleanup());

/** Types like a person: focus first (the dialog's focus trap keeps the page behind it hidden), then change. */
function type(scope: HTMLElement, name: RegExp | string, value: string): void {
  const field = within(scope).getByLabelText(name);
  field.focus();
  fireEvent.change(field, { target: { value } });
}

/**
 * Presses a button of the dialog the way a keyboard or mouse would: focus, then click. `hidden: true` because in
 * jsdom tabster's modalizer can leave `aria-hidden` on the dialog surface itself once its content is swapped (the
 * stored profile arriving); Chromium does not (the e2e suite drives the same dialog with the accessibility tree).
 */
function press(scope: HTMLElement, name: string): void {
  const button = within(scope).getByRole('button', { name, hidden: true });
  button.focus();
  fireEvent.click(button);
}

describe('the profile setup', () => {
  it('adds a profile with the setup wizard', async () => {
    await renderApp({ profiles: sampleProfiles }, '#/settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Add profile' }));
    await screen.findByRole('heading', { level: 1, name: 'Set up a company' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Step 1 of 7: Start' })).toBeTruthy();
  });

  it('edits a profile with every stored field filled in, secrets left empty', async () => {
    const { bridge } = await renderApp({ profiles: sampleProfiles }, '#/settings');
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Nordic HVAC AS' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Nordic HVAC AS' });
    const id = await within(dialog).findByLabelText<HTMLInputElement>(/Profile id/);
    expect(id.value).toBe('nordic-hvac');
    expect(id.disabled).toBe(true);
    expect(dialog.textContent).not.toMatch(/again/);
    expect(bridge.calls).toContainEqual({ channel: 'profiles.get', input: { profileId: 'nordic-hvac' } });
    press(dialog, 'Next');

    await within(dialog).findByText('Step 2 of 3: ServiceTitan');
    const value = (label: RegExp) => within(dialog).getByLabelText<HTMLInputElement>(label).value;
    expect(value(/Tenant id/)).toBe('1234567');
    expect(value(/Client id/)).toBe('cid.nordic-hvac');
    expect(value(/ServiceTitan client secret/)).toBe('');
    expect(dialog.textContent).toContain('Leave empty to keep the stored value.');
    // A stored custom address is shown (its section open); a standard one stays empty, the standard as placeholder.
    expect(value(/API base URL/)).toBe('http://127.0.0.1:4010');
    expect(value(/Authentication URL/)).toBe('');
    press(dialog, 'Next');

    await within(dialog).findByText('Step 3 of 3: Visma.net ERP');
    expect(value(/Company tenant id/)).toBe('f2b0c7c4-nordic');
    expect(value(/Company id/)).toBe('5012345');
    expect(value(/Company name/)).toBe('Nordic HVAC AS');
    expect(value(/Client id/)).toBe('nordic-hvac-visma');
    expect(value(/Visma client secret/)).toBe('');
    type(dialog, /Client id/, 'nordic-visma-2');
    press(dialog, 'Save profile');

    await within(dialog).findByText('Nordic HVAC AS was saved.');
    const save = bridge.calls.find((c) => c.channel === 'profiles.save');
    expect(save?.input).toEqual({
      profile: {
        id: 'nordic-hvac',
        name: 'Nordic HVAC AS',
        timeZone: 'Europe/Oslo',
        servicetitan: {
          environment: 'integration',
          tenantId: '1234567',
          clientId: 'cid.nordic-hvac',
          authUrl: 'https://auth-integration.servicetitan.io/connect/token',
          apiBaseUrl: 'http://127.0.0.1:4010',
        },
        visma: {
          environment: 'production',
          tenantId: 'f2b0c7c4-nordic',
          companyId: '5012345',
          companyName: 'Nordic HVAC AS',
          clientId: 'nordic-visma-2',
          tokenUrl: 'https://connect.visma.com/connect/token',
          apiBaseUrl: 'https://api.finance.visma.net',
        },
      },
    });
  });

  it('says so when the stored profile cannot be read', async () => {
    await renderApp(
      { profiles: sampleProfiles, engine: { failures: { 'profiles.get': 'The settings file is locked.' } } },
      '#/settings',
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Test company' }));
    // tabster's modalizer may mark the dialog aria-hidden in jsdom: query it whatever it says.
    const dialog = await screen.findByRole('dialog', { name: 'Edit Test company', hidden: true });
    await within(dialog).findByText('The settings file is locked.');
    expect(within(dialog).queryByLabelText(/Profile id/)).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Try again', hidden: true })).toBeTruthy();
  });
});
