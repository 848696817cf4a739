import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { hardenWebContents } from './guards';
import { APP_ENTRY_URL } from './origin';

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

/** Options of the main window. */
export function buildWindowOptions(preloadPath: string, title: string): BrowserWindowConstructorOptions {
  return {
    title,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: buildWebPreferences(preloadPath),
  };
}

/** Opens the main window on the app:// entry page, with navigation and pop-ups locked down. */
export function createMainWindow(preloadPath: string, title: string): BrowserWindow {
  const window = new BrowserWindow(buildWindowOptions(preloadPath, title));
  hardenWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
