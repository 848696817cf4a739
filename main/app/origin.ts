/** The custom scheme the renderer is served from (never file:// or http://). */
export const APP_SCHEME = 'app';
/** The single host under the scheme. */
export const APP_HOST = 'renderer';
/** The renderer's origin, e.g. for messages. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** Where the main window starts. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to our renderer: scheme `app:` and host `renderer`. Compared by parts because Node's
 * `URL.origin` is "null" for non-special schemes.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password
    );
  } catch {
    return false;
  }
}
