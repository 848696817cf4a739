import {
  BrowserWindow,
  nativeTheme,
  screen,
  type BrowserWindowConstructorOptions,
  type WebPreferences,
} from 'electron';
import { hardenWebContents } from './guards';
import { APP_ENTRY_URL } from './origin';
import { rememberWindowState } from './remember-window';
import { placeWindow, readWindowState, type Bounds } from './window-state';

export { CONTENT_SECURITY_POLICY } from './csp';

/** Hardened web preferences: isolated, sandboxed, no Node in the page, no webviews. */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

/** Options of the main window: where it was left (or the default size, centred), painted in the OS's light or dark. */
export function buildWindowOptions(
  preloadPath: string,
  title: string,
  place?: Bounds,
  dark = false,
): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 820,
    ...place,
    minWidth: 960,
    minHeight: 600,
    show: false,
    // The colour shown before the page paints; Fluent's own page background in each theme.
    backgroundColor: dark ? '#292929' : '#ffffff',
    autoHideMenuBar: false,
    webPreferences: buildWebPreferences(preloadPath),
  };
}

/**
 * Opens the main window on the app:// entry page, with navigation and pop-ups locked down; with a `stateFile`, it
 * opens where it was left (maximised again if it was) and remembers its size and place from then on.
 */
export function createMainWindow(preloadPath: string, title: string, stateFile?: string): BrowserWindow {
  const saved = stateFile ? readWindowState(stateFile) : undefined;
  const place = placeWindow(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow(
    buildWindowOptions(preloadPath, title, place, nativeTheme.shouldUseDarkColors),
  );
  hardenWebContents(window.webContents);
  if (stateFile) rememberWindowState(window, stateFile);
  window.once('ready-to-show', () => {
    if (place && saved?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
