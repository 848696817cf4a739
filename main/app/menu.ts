import { Menu, type MenuItemConstructorOptions } from 'electron';

/** What the menu needs from the rest of the app. */
export interface MenuActions {
  /** "Sync now" (F5). */
  syncNow(): void;
  /** Help → "Open log folder". */
  openLogFolder(): void;
  /** Help → "About". */
  showAbout(): void;
}

/** The File/Edit/View/Help menu; developer tools only when `devTools` is true. */
export function buildMenuTemplate(actions: MenuActions, devTools = false): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (devTools) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    {
      label: '&File',
      submenu: [
        { id: 'sync-now', label: 'Sync now', accelerator: 'F5', click: () => actions.syncNow() },
        { type: 'separator' },
        { role: 'quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    { label: '&View', submenu: view },
    {
      label: '&Help',
      submenu: [
        { id: 'open-logs', label: 'Open log folder', click: () => actions.openLogFolder() },
        { type: 'separator' },
        { id: 'about', label: 'About', click: () => actions.showAbout() },
      ],
    },
  ];
}

/** Builds and installs the application menu. */
export function installMenu(actions: MenuActions, devTools = false): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions, devTools)));
}
