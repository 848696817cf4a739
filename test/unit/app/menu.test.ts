import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { Locale } from '../../../shared/contract/schemas';
import { electronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { buildMenuTemplate, installMenu } = await import('../../../main/app/menu');
const { MENU_TEXT } = await import('../../../main/app/menu-text');
const { followLocale } = await import('../../../main/app/menu-locale');

const actions = () => ({ syncNow: vi.fn(), openLogFolder: vi.fn(), showAbout: vi.fn() });
const items = (menu: MenuItemConstructorOptions[], label: string) =>
  (menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];
/** Every label of a menu, submenus included. */
const labels = (menu: MenuItemConstructorOptions[]): string[] =>
  menu.flatMap((m) => [
    ...(m.label ? [m.label] : []),
    ...(Array.isArray(m.submenu) ? labels(m.submenu) : []),
  ]);

describe('application menu', () => {
  it('has File, Edit, View and Help', () => {
    expect(buildMenuTemplate(actions()).map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('File → Sync now (F5) calls the sync action', () => {
    const a = actions();
    const sync = items(buildMenuTemplate(a), '&File').find((i) => i.id === 'sync-now');
    expect(sync).toMatchObject({ label: 'Sync now', accelerator: 'F5' });
    (sync?.click as () => void)();
    expect(a.syncNow).toHaveBeenCalledOnce();
  });

  it('shows reload and developer tools only in development', () => {
    const roles = (dev: boolean) => items(buildMenuTemplate(actions(), dev), '&View').map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('labels every item, roles included, in each UI language with no English left', () => {
    const english = new Set(labels(buildMenuTemplate(actions(), true, 'en')));
    for (const locale of Locale.options.filter((l) => l !== 'en')) {
      const menu = buildMenuTemplate(actions(), true, locale);
      const shown = labels(menu);
      expect(shown.length, locale).toBe(english.size);
      // "Version" and "Om" legitimately match across Nordic languages; English words must not come through.
      for (const label of shown) expect(english.has(label), `${locale}: ${label}`).toBe(false);
      for (const item of menu.flatMap((m) => m.submenu as MenuItemConstructorOptions[]))
        if (item.role) expect(item.label, `${locale} ${item.role}`).toBeTruthy();
    }
    expect(items(buildMenuTemplate(actions(), false, 'sv'), '&Arkiv')[0]).toMatchObject({
      id: 'sync-now',
      label: 'Synkronisera nu',
    });
  });

  it('has each text in every language, each top-level menu with an Alt-key letter', () => {
    const keys = Object.keys(MENU_TEXT.en).sort();
    for (const locale of Locale.options) {
      expect(Object.keys(MENU_TEXT[locale]).sort(), locale).toEqual(keys);
      for (const top of ['file', 'edit', 'view', 'help'] as const)
        expect(MENU_TEXT[locale][top], `${locale} ${top}`).toMatch(/&\p{L}/u);
      expect(MENU_TEXT[locale].version, locale).toContain('{version}');
    }
  });

  it('installs the menu', () => {
    installMenu(actions());
    expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});

describe('followLocale', () => {
  it('passes every call through and reports the language when a settings answer changes it', async () => {
    const answers: Record<string, unknown> = {
      'settings.get': { locale: 'da', activeProfileId: null },
      'settings.setLocale': { locale: 'fi' },
      'profiles.list': [{ locale: 'sv' }],
    };
    const route = vi.fn((name: string) => Promise.resolve({ ok: true as const, value: answers[name] }));
    const onLocale = vi.fn();
    const followed = followLocale(route, onLocale);
    await expect(followed('settings.get', {})).resolves.toEqual({ ok: true, value: answers['settings.get'] });
    await followed('settings.get', {});
    await followed('profiles.list', {});
    await followed('settings.setLocale', { locale: 'fi' });
    expect(route).toHaveBeenCalledTimes(4);
    expect(onLocale.mock.calls).toEqual([['da'], ['fi']]);
  });

  it('ignores failed calls and answers without a known language', async () => {
    const onLocale = vi.fn();
    const failing = followLocale(
      () => Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'engine down' } }),
      onLocale,
    );
    await failing('settings.setLocale', { locale: 'sv' });
    const odd = followLocale(() => Promise.resolve({ ok: true, value: { locale: 'de' } }), onLocale);
    await odd('settings.get', {});
    expect(onLocale).not.toHaveBeenCalled();
  });
});
