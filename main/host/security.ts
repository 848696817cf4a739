import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The renderer's `style-src` in both hosts (Electron's app:// and the browser host): our files plus the SHA-256 of
 * the empty string, not `'unsafe-inline'`. Fluent UI v9 styles through Griffel, and FluentProvider writes its theme
 * variables the same way: each appends an empty `<style>` element and fills it with `sheet.insertRule`. CSP judges a
 * style element by its text, so allowing only the empty text gives those elements a sheet, and rules inserted
 * through the CSSOM are outside CSP by design. An injected `<style>` with content and every `style="…"` attribute
 * stay blocked (React sets `style` props through the CSSOM, which CSP allows). A nonce (Griffel's
 * `styleElementAttributes`) would need a fresh value templated into every page load by both hosts for no more
 * protection than this.
 */
export const STYLE_SRC = "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

/** The Content-Security-Policy of the browser host: same as Electron's, plus the loopback WebSocket. */
export function hostCsp(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    STYLE_SRC,
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** A fresh random per-run token. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares a presented token with the expected one in constant time. */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when a request's Origin header is absent (non-browser client) or exactly ours. */
export function originAllowed(expectedOrigin: string, presented: string | undefined): boolean {
  return presented === undefined || presented === expectedOrigin;
}

/**
 * True when a request's Host header names this server on the loopback: `127.0.0.1:<port>` or `localhost:<port>`.
 * Anything else (a DNS-rebinding page's own name, a missing header) is refused, so a page that resolved its domain
 * to 127.0.0.1 cannot read the host's files or open its socket.
 */
export function hostAllowed(port: number, presented: string | undefined): boolean {
  if (typeof presented !== 'string') return false;
  const host = presented.trim().toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
