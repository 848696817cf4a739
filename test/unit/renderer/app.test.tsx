// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';
import { sampleProfiles } from './support/memory-bridge';

const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

afterEach(() => cleanup());

describe('the app frame', () => {
  it('shows the product, the navigation and both environments of the active profile', async () => {
    await renderApp({ profiles: sampleProfiles });
    await screen.findByRole('heading', { level: 1, name: 'Dashboard' });
    const banner = screen.getByRole('banner');
    expect(banner.textContent).toContain('ServiceTitan → Visma Connector');
    const badge = await within(banner).findByTestId('environment-badge');
    expect(plain(badge.textContent)).toBe('ServiceTitan: Integration · Visma: PRODUCTION');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Dashboard', 'Review queue', 'Reconciliation', 'Audit log', 'Mappings', 'Settings']);
    expect(within(nav).getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    expect(document.title).toBe(
      'Nordic HVAC AS (ServiceTitan: Integration · Visma: PRODUCTION) — ServiceTitan → Visma Connector',
    );
  });

  it('opens the setup wizard when there is no profile yet, and says what to do in the header', async () => {
    await renderApp({});
    await screen.findByRole('heading', { level: 1, name: 'Set up a company' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Step 1 of 7: Start' })).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'No profile yet' })).toBeTruthy();
  });

  it('opens in Norwegian when that is the saved language', async () => {
    await renderApp({ profiles: sampleProfiles, locale: 'nb' }, '#/review');
    await screen.findByRole('heading', { level: 1, name: 'Til gjennomgang' });
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Ingenting trenger din oppmerksomhet' }),
    ).toBeTruthy();
  });

  it('saves a language change through settings.setLocale and switches the UI', async () => {
    const { bridge } = await renderApp({ profiles: sampleProfiles }, '#/settings');
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    fireEvent.click(screen.getByRole('radio', { name: 'Norsk (bokmål)' }));
    await screen.findByRole('heading', { level: 1, name: 'Innstillinger' });
    expect(bridge.calls).toContainEqual({ channel: 'settings.setLocale', input: { locale: 'nb' } });
    expect(document.documentElement.lang).toBe('nb');
    const preview = await screen.findByTestId('format-preview');
    expect(preview.textContent?.replace(/[\u00a0\u202f]/g, ' ')).toContain('1 234,50 kr');
  });

  it('lists which secrets are set and never shows a value', async () => {
    const { bridge } = await renderApp(
      { profiles: sampleProfiles, secrets: { 'nordic-hvac': ['visma.clientSecret'] } },
      '#/settings',
    );
    const replace = await screen.findByRole('button', { name: 'Replace… Visma client secret' });
    expect(screen.getByRole('button', { name: 'Set… ServiceTitan app key' })).toBeTruthy();
    fireEvent.click(replace);
    const dialog = await screen.findByRole('dialog');
    const field = within(dialog).getByLabelText(/New value/);
    expect((field as HTMLInputElement).type).toBe('password');
    expect((field as HTMLInputElement).value).toBe('');
    fireEvent.change(field, { target: { value: 'new-secret' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
      await Promise.resolve();
    });
    await screen.findByText('Visma client secret was saved.');
    expect(bridge.calls).toContainEqual({
      channel: 'secrets.set',
      input: { profileId: 'nordic-hvac', kind: 'visma.clientSecret', value: '***' },
    });
    expect(document.body.innerHTML).not.toContain('new-secret');
  });
});
