import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { electronMock } from './electron-mock';

vi.mock('electron', async () => (await import('./electron-mock')).electronMock);

const { buildMenuTemplate, installMenu } = await import('../../../main/app/menu');

const actions = () => ({ syncNow: vi.fn(), openLogFolder: vi.fn(), showAbout: vi.fn() });
const items = (menu: MenuItemConstructorOptions[], label: string) =>
  (menu.find((m) => m.label === label)?.submenu ?? []) as MenuItemConstructorOptions[];

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

  it('installs the menu', () => {
    installMenu(actions());
    expect(electronMock.Menu.setApplicationMenu).toHaveBeenCalledOnce();
  });
});
