import { createHash } from 'node:crypto';
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { TokenCache } from '../http/token-cache';
import { redactor } from '../log/redactor';
import { StBadResponseError, StCredentialsError, StUnavailableError } from './errors';
import type { StCredentials } from './types';

const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  token_type: z.string().optional(),
});

/** Gives out bearer tokens for one connection and forgets a token ServiceTitan refused. */
export interface TokenSource {
  /** A valid access token, fetched only when the cached one is about to expire. */
  get(): Promise<string>;
  /** Drops `staleToken` so the next `get` fetches a new one (after a 401). */
  invalidate(staleToken: string): void;
}

/** Options for the token source. */
export interface TokenSourceOptions {
  http?: AxiosInstance;
  now: () => number;
  timeoutMs: number;
  /** Called once per token request (counted as endpoint `token`). */
  onTokenRequest: () => void;
}

// One cache per clock, shared by every client of the process: ServiceTitan throttles token requests.
const caches = new WeakMap<() => number, TokenCache>();

function cacheFor(now: () => number): TokenCache {
  let cache = caches.get(now);
  if (!cache) {
    cache = new TokenCache(0, now);
    caches.set(now, cache);
  }
  return cache;
}

/** Refresh a minute early, or a tenth of the lifetime when tokens live shorter than ten minutes. */
export function refreshMarginMs(expiresInSeconds: number): number {
  return Math.min(60_000, expiresInSeconds * 100);
}

/** Token source for OAuth client credentials, cached per (environment, auth URL, tenant, client id, secret). */
export function createTokenSource(credentials: StCredentials, options: TokenSourceOptions): TokenSource {
  const http = options.http ?? axios.create();
  const cache = cacheFor(options.now);
  const secretHash = createHash('sha256').update(credentials.clientSecret).digest('hex').slice(0, 16);
  const key = [
    credentials.environment,
    credentials.authUrl,
    credentials.tenantId,
    credentials.clientId,
    secretHash,
  ].join('|');
  redactor.add(credentials.clientSecret);

  const fetchToken = async () => {
    options.onTokenRequest();
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: credentials.clientId,
      client_secret: credentials.clientSecret,
    });
    let response;
    try {
      response = await http.post(credentials.authUrl, form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        timeout: options.timeoutMs,
        validateStatus: () => true,
      });
    } catch (error) {
      throw new StUnavailableError(
        'token',
        axios.isAxiosError(error) ? (error.code ?? 'network error') : 'network error',
      );
    }
    if (response.status === 400 || response.status === 401) throw new StCredentialsError(response.status);
    if (response.status >= 300)
      throw new StUnavailableError('token', `sign-in answered ${response.status}`, response.status);
    const parsed = TokenResponse.safeParse(response.data);
    if (!parsed.success) throw new StBadResponseError('token', ['the sign-in answer has no access token']);
    const { access_token, expires_in } = parsed.data;
    redactor.add(access_token);
    return {
      accessToken: access_token,
      expiresAt: options.now() + expires_in * 1000 - refreshMarginMs(expires_in),
    };
  };

  return {
    get: () => cache.get(key, fetchToken),
    invalidate: (staleToken) => cache.invalidate(key, staleToken),
  };
}
