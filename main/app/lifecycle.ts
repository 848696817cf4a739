import { join } from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, session, shell } from 'electron';
import { PRODUCT_NAME, createHandlers } from '../api/handlers';
import { EngineService } from '../api/engine-service';
import type { AppServices } from '../api/services';
import { logger } from '../log/logger';
import { hardenSession, installAppWideGuards } from './guards';
import { forwardEvents, registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { createElectronServices } from './services';
import { createMainWindow } from './window';

/** Where the packaged files live inside the app (asar): the renderer build and the bundled preload. */
export function appPaths(appPath: string): { rendererDir: string; preload: string } {
  return {
    rendererDir: join(appPath, 'dist', 'renderer'),
    preload: join(appPath, 'dist', 'main', 'app', 'preload.cjs'),
  };
}

function focus(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

function openServices(dataDir: string): AppServices | null {
  try {
    return createElectronServices(dataDir, app.getVersion());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    logger.error(`Start-up failed: ${message}`);
    dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
    return null;
  }
}

/** A damaged ledger does not stop the app: say so plainly (Settings → Ledger backups can restore one). */
function warnIfLedgerDamaged(services: AppServices): void {
  const state = services.ledgerStore?.state;
  if (state?.state !== 'damaged') return;
  logger.error(state.error.message);
  void dialog.showMessageBox({
    type: 'error',
    title: `${PRODUCT_NAME}: the ledger is damaged`,
    message: state.error.message,
  });
}

function start(getWindow: () => BrowserWindow | null, setWindow: (w: BrowserWindow) => void): void {
  const dataDir = app.getPath('userData');
  const logDir = join(dataDir, 'logs');
  logger.toFile(join(logDir, 'main.log'));
  logger.info(`${PRODUCT_NAME} ${app.getVersion()} starting; data in ${dataDir}`);
  const services = openServices(dataDir);
  if (!services) return app.quit();
  app.on('will-quit', () => services.ledger.close());

  const paths = appPaths(app.getAppPath());
  hardenSession(session.defaultSession);
  serveRenderer(paths.rendererDir);
  const engine = new EngineService(services);
  void engine.start();
  let engineClosed = false;
  app.on('before-quit', (event) => {
    // Let a run in progress finish its step before the ledger closes.
    if (engineClosed) return;
    event.preventDefault();
    void engine.close().finally(() => {
      engineClosed = true;
      app.quit();
    });
  });
  registerIpc(ipcMain, createHandlers(services, engine));
  forwardEvents(services.events, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  installMenu(
    {
      syncNow: () => {
        const profileId = services.settings.read().activeProfileId;
        if (!profileId) return logger.warn('Sync now needs a profile: add one in Settings.');
        engine
          .sync(profileId, 'manual')
          .catch((err: unknown) =>
            logger.error(`Sync failed: ${err instanceof Error ? err.message : String(err)}`, profileId),
          );
      },
      openLogFolder: () => void shell.openPath(logDir),
      showAbout: () =>
        void dialog.showMessageBox({
          title: 'About',
          message: `${PRODUCT_NAME}\nVersion ${app.getVersion()}`,
        }),
    },
    !app.isPackaged,
  );
  setWindow(createMainWindow(paths.preload, PRODUCT_NAME));
  warnIfLedgerDamaged(services);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) setWindow(createMainWindow(paths.preload, PRODUCT_NAME));
    else focus(getWindow());
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
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      logger.error(`Start-up failed: ${message}`);
      dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, message);
      app.quit();
    });
}
