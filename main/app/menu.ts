import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/contract/schemas';
import { MENU_TEXT } from './menu-text';

/** What the menu needs from the rest of the app. */
export interface MenuActions {
  /** "Sync now" (F5). */
  syncNow(): void;
  /** Help → "Open log folder". */
  openLogFolder(): void;
  /** Help → "About". */
  showAbout(): void;
}

/** The File/Edit/View/Help menu in `locale`; developer tools only when `devTools` is true. */
export function buildMenuTemplate(
  actions: MenuActions,
  devTools = false,
  locale: Locale = 'en',
): MenuItemConstructorOptions[] {
  const t = MENU_TEXT[locale];
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: t.resetZoom },
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    { type: 'separator' },
    { role: 'togglefullscreen', label: t.fullScreen },
  ];
  if (devTools)
    view.push(
      { type: 'separator' },
      { role: 'reload', label: t.reload },
      { role: 'toggleDevTools', label: t.devTools },
    );
  return [
    {
      label: t.file,
      submenu: [
        { id: 'sync-now', label: t.syncNow, accelerator: 'F5', click: () => actions.syncNow() },
        { type: 'separator' },
        { role: 'quit', label: t.quit },
      ],
    },
    {
      label: t.edit,
      submenu: [
        { role: 'undo', label: t.undo },
        { role: 'redo', label: t.redo },
        { type: 'separator' },
        { role: 'cut', label: t.cut },
        { role: 'copy', label: t.copy },
        { role: 'paste', label: t.paste },
        { role: 'selectAll', label: t.selectAll },
      ],
    },
    { label: t.view, submenu: view },
    {
      label: t.help,
      submenu: [
        { id: 'open-logs', label: t.openLogFolder, click: () => actions.openLogFolder() },
        { type: 'separator' },
        { id: 'about', label: t.about, click: () => actions.showAbout() },
      ],
    },
  ];
}

/** Builds and installs the application menu in `locale` (call again to switch its language). */
export function installMenu(actions: MenuActions, devTools = false, locale: Locale = 'en'): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions, devTools, locale)));
}
