import { extname } from 'node:path';
import { protocol } from 'electron';
import { readStaticFile } from '../host/static-files';
import { CONTENT_SECURITY_POLICY } from './csp';
import { APP_HOST, APP_SCHEME } from './origin';

/** Declares app:// as a secure, standard scheme. Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

/**
 * Serves files below `rendererDir` for app://renderer/…: anything outside the folder (`..`, encoded slashes) is
 * refused, and an unknown path without an extension gets index.html (client-side routes).
 */
export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || request.method !== 'GET') {
      return new Response('Not found', { status: 404, headers: securityHeaders });
    }
    let file = await readStaticFile(rendererDir, url.pathname);
    if (!file && extname(url.pathname) === '' && !url.pathname.includes('..')) {
      file = await readStaticFile(rendererDir, '/index.html');
    }
    if (!file) return new Response('Not found', { status: 404, headers: securityHeaders });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...securityHeaders, 'Content-Type': file.contentType },
    });
  };
}

/** Registers the app:// handler. Call once the app is ready. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}
