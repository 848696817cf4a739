import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron';
import { PRODUCT_NAME } from '../api/product';
import type { EngineProcess } from '../engine-process/engine-client';
import { logger } from '../log/logger';
import type { Locale } from '../../shared/contract/schemas';
import { runSchtasks, withAppActions } from './app-actions';
import { hardenSession, installAppWideGuards } from './guards';
import { forwardEvents, registerIpc, type CallRoute } from './ipc';
import { installMenu, type MenuActions } from './menu';
import { followLocale } from './menu-locale';
import { MENU_TEXT } from './menu-text';
import { registerAppScheme, serveRenderer } from './protocol';
import { createAppSide } from './services';
import { createMainWindow } from './window';

/** Where the packaged files live inside the app (asar): the renderer build, the bundled preload and engine. */
export function appPaths(appPath: string): { rendererDir: string; preload: string; engine: string } {
  return {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preload: join(appPath, 'dist', 'main', 'app', 'preload.cjs'),
    engine: join(appPath, 'dist', 'main', 'app', 'engine.cjs'),
  };
}

function focus(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

function startFailed(message: string): void {
  logger.error(`Start-up failed: ${message}`);
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
  app.quit();
}

/** A damaged ledger does not stop the app: say so plainly (Settings → Ledger backups can restore one). */
function warnIfLedgerDamaged(problem: string | null): void {
  if (!problem) return;
  logger.error(problem);
  void dialog.showMessageBox({
    type: 'error',
    title: `${PRODUCT_NAME}: the ledger is damaged`,
    message: problem,
  });
}

/** File → Sync now: a run of the active profile, in the engine process like every other call. */
async function syncActiveProfile(engine: EngineProcess): Promise<void> {
  const settings = await engine.call('settings.get', {});
  const profileId = settings.ok
    ? (settings.value as { activeProfileId: string | null }).activeProfileId
    : null;
  if (!profileId) return logger.warn('Sync now needs a profile: add one in Settings.');
  const run = await engine.call('sync.run', { profileId });
  if (!run.ok) logger.error(`Sync failed: ${run.error.message}`, profileId);
}

/**
 * Installs the menu (English until the settings answer) and returns the engine route that re-installs it in the UI
 * language whenever a settings answer names a new one.
 */
function installLocalizedMenu(engine: EngineProcess, logDir: string): CallRoute {
  let menuLocale: Locale = 'en';
  const actions: MenuActions = {
    syncNow: () => void syncActiveProfile(engine),
    openLogFolder: () => void shell.openPath(logDir),
    showAbout: () =>
      void dialog.showMessageBox({
        title: MENU_TEXT[menuLocale].about,
        message: `${PRODUCT_NAME}\n${MENU_TEXT[menuLocale].version.replace('{version}', app.getVersion())}`,
      }),
  };
  const install = (locale: Locale) => {
    menuLocale = locale;
    installMenu(actions, !app.isPackaged, locale);
  };
  install(menuLocale);
  return followLocale((name, input) => engine.call(name, input), install);
}

function start(getWindow: () => BrowserWindow | null, setWindow: (w: BrowserWindow) => void): void {
  const dataDir = app.getPath('userData');
  const logDir = join(dataDir, 'logs');
  logger.toFile(join(logDir, 'main.log'));
  logger.info(`${PRODUCT_NAME} ${app.getVersion()} starting; data in ${dataDir}`);
  const paths = appPaths(app.getAppPath());
  const windowStateFile = join(dataDir, 'window-state.json');
  hardenSession(session.defaultSession);
  serveRenderer(paths.rendererDir);
  // The engine runs in a utility process so a long run never stalls this (the window's) thread.
  const { events, engine } = createAppSide(dataDir, app.getVersion(), paths.engine);
  let engineClosed = false;
  app.on('before-quit', (event) => {
    // Let a run in progress finish its step before the engine closes the ledger.
    if (engineClosed) return;
    event.preventDefault();
    void engine.close().finally(() => {
      engineClosed = true;
      app.quit();
    });
  });
  // The menu follows the saved language: read at start, and again whenever the renderer changes it.
  const route = installLocalizedMenu(engine, logDir);
  registerIpc(
    ipcMain,
    withAppActions(route, {
      dataDir,
      platform: process.platform,
      // Started as `electron <folder>` in development, the app folder comes before the CLI's arguments.
      launcher: { program: app.getPath('exe'), args: process.defaultApp ? [app.getAppPath()] : [] },
      openPath: (path) => shell.openPath(path),
      runSchtasks,
    }),
  );
  forwardEvents(events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  // The window opens once the engine is up (its ledger open, schedules started), so its first calls are answered.
  void engine.start().then((started) => {
    if (started.state === 'failed') return startFailed(started.message);
    void route('settings.get', {});
    setWindow(createMainWindow(paths.preload, PRODUCT_NAME, windowStateFile));
    warnIfLedgerDamaged(started.ledgerProblem);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0)
        setWindow(createMainWindow(paths.preload, PRODUCT_NAME, windowStateFile));
      else focus(getWindow());
    });
  });
}

/**
 * Runs the Electron app: one instance only (a second launch focuses the first window), app:// registered before
 * ready, then services, security, IPC, menu and the window.
 */
export function runApp(): void {
  installAppWideGuards(app);
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  let mainWindow: BrowserWindow | null = null;
  app.on('second-instance', () => focus(mainWindow));
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(() =>
      start(
        () => mainWindow,
        (w) => (mainWindow = w),
      ),
    )
    .catch((err: unknown) => startFailed(err instanceof Error ? err.message : String(err)));
}
