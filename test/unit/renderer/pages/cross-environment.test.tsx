// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileSummary } from '../../../../shared/contract/schemas';
import { emptyDashboard } from '../support/engine-samples';
import { sampleProfiles } from '../support/memory-bridge';
import { renderApp } from '../support/render-app';

afterEach(() => cleanup());

const WARNING =
  'This profile sends documents from a ServiceTitan test tenant to the production Visma company Nordic HVAC AS. Nothing is synced until you confirm.';

/** The sample profiles, the first (ServiceTitan integration → Visma production) not yet confirmed. */
const unconfirmed: ProfileSummary[] = [
  { ...sampleProfiles[0]!, crossEnvironment: 'unconfirmed' },
  sampleProfiles[1]!,
];

describe('a ServiceTitan test tenant bound to a production Visma company', () => {
  it('warns on the dashboard and in the header, blocks Sync now, and confirms once the company is named', async () => {
    const { bridge } = await renderApp({ profiles: unconfirmed, engine: { dashboard: emptyDashboard } });
    const warning = await screen.findByTestId('cross-environment-warning');
    expect(warning.textContent).toContain(WARNING);
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-disabled')).toBe('true');
    expect(within(screen.getByRole('banner')).getByText('Not confirmed')).toBeTruthy();

    fireEvent.click(within(warning).getByRole('button', { name: /^Confirm test tenant/ }));
    const dialog = await screen.findByRole('alertdialog', {
      name: 'Post test documents into Nordic HVAC AS?',
    });
    expect(dialog.textContent).toContain('ServiceTitan test tenant 1234567');
    expect(dialog.textContent).toContain('creates and releases real customer invoices and supplier invoices');
    expect(dialog.textContent).toContain('written to the audit log');
    const confirm = within(dialog).getByRole('button', { name: 'I confirm' });
    const typed = within(dialog).getByRole('textbox', { name: /Type the company name Nordic HVAC AS/ });
    typed.focus();
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.change(typed, { target: { value: 'Nordic HVAC' } });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    fireEvent.click(confirm);
    expect(bridge.calls.some((c) => c.channel === 'profiles.confirmEnvironments')).toBe(false);
    fireEvent.change(typed, { target: { value: '  nordic hvac as ' } });
    expect(confirm.hasAttribute('disabled')).toBe(false);
    fireEvent.change(typed, { target: { value: '5012345' } });
    expect(confirm.hasAttribute('disabled')).toBe(false);
    fireEvent.click(confirm);

    await within(screen.getByRole('banner')).findByText('Test tenant → production company, confirmed');
    expect(bridge.calls).toContainEqual({
      channel: 'profiles.confirmEnvironments',
      input: { profileId: 'nordic-hvac' },
    });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.queryByTestId('cross-environment-warning')).toBeNull();
    // The page leaves aria-hidden when the closing dialog has finished its exit, so wait for the button to be reachable.
    const syncNow = await screen.findByRole('button', { name: 'Sync now' });
    expect(syncNow.getAttribute('aria-disabled')).toBeNull();
  });

  it('shows the warning on its row in Settings → Profiles', async () => {
    await renderApp({ profiles: unconfirmed }, '#/settings');
    const profiles = await screen.findByRole('region', { name: 'Profiles' });
    const warning = await within(profiles).findByTestId('cross-environment-warning');
    expect(warning.closest('li')?.textContent).toContain('Nordic HVAC AS');
    expect(warning.textContent).toContain(WARNING);
    expect(within(warning).getByRole('button', { name: /^Confirm test tenant/ })).toBeTruthy();
  });

  it('carries a small note once confirmed, and no warning', async () => {
    await renderApp({ profiles: sampleProfiles }, '#/settings');
    const profiles = await screen.findByRole('region', { name: 'Profiles' });
    const note = await within(profiles).findByTestId('cross-environment-confirmed');
    expect(note.textContent).toBe('Test tenant → production company, confirmed');
    expect(note.closest('li')?.textContent).toContain('Nordic HVAC AS');
    expect(within(profiles).queryByTestId('cross-environment-warning')).toBeNull();
    expect(within(screen.getByRole('banner')).getByTestId('cross-environment-confirmed')).toBeTruthy();
  });
});
