import { shell, type App, type Session, type WebContents } from 'electron';
import { logger } from '../log/logger';
import { CONTENT_SECURITY_POLICY } from './csp';
import { isAppUrl } from './origin';

/** Opens a link in the OS browser, but only an https:// one. */
export function openExternalIfHttps(url: string): void {
  try {
    if (new URL(url).protocol === 'https:') {
      void shell.openExternal(url);
      return;
    }
  } catch {
    // fall through: not a URL
  }
  logger.warn(`Blocked opening a non-https link: ${url.slice(0, 200)}`);
}

const hardenedContents = new WeakSet<WebContents>();

/**
 * Locks down one web contents (once; a repeat call does nothing): `window.open` is denied (https links go to the OS browser), navigation and
 * redirects away from the app are blocked, and `<webview>` can never attach.
 */
export function hardenWebContents(contents: WebContents): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfHttps(url);
    return { action: 'deny' };
  });
  const stayInApp = (event: { preventDefault(): void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    logger.warn(`Blocked navigation away from the app to ${url.slice(0, 200)}`);
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The one permission granted: OS notifications asked for by our own renderer (a failed or review-needing run, see
 * renderer/notify). Everything else, and notifications from any other origin, stays denied.
 */
function ownNotifications(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}

/**
 * Session-wide rules (each setter replaces the previous handler, so a repeat call is harmless): our CSP on every response, no request to anything but our own app://
 * origin (and inline data:) — so no remote content can load — and every permission denied but our own renderer's
 * notifications: permission requests and checks (camera, clipboard, …), devices (HID, serial, USB) and screen capture.
 */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAppUrl(details.url) || details.url.startsWith('data:') || details.url.startsWith('devtools:');
    if (!allowed) logger.warn(`Blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(ownNotifications(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    ownNotifications(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
  // Answering with no video and no audio stream refuses getDisplayMedia().
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

/**
 * App-wide guards, installed before the app is ready: every web contents the app ever creates (the main window, a
 * pop-up that slipped through, devtools, whatever a later feature adds) gets `hardenWebContents`, and every session
 * Electron creates (the default one included) gets `hardenSession`.
 */
export function installAppWideGuards(electronApp: Pick<App, 'on'>): void {
  electronApp.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  electronApp.on('session-created', (session) => hardenSession(session));
}
