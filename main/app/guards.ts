import { shell, type Session, type WebContents } from 'electron';
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

/**
 * Locks down one web contents: `window.open` is denied (https links go to the OS browser), navigation and
 * redirects away from the app are blocked, and `<webview>` can never attach.
 */
export function hardenWebContents(contents: WebContents): void {
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
 * Session-wide rules: our CSP on every response, no permission (camera, notifications, …) ever granted, and no
 * request to anything but our own app:// origin (and inline data:) — so no remote content can load.
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
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
