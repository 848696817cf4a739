import { createHash } from 'node:crypto';
import axios from 'axios';
import type { AxiosInstance } from 'axios';
import { z } from 'zod';
import { backoffDelay, delay } from '../http/backoff';
import { TokenCache } from '../http/token-cache';
import type { CachedToken } from '../http/token-cache';
import { redactor } from '../log/redactor';
import { StBadResponseError, StCredentialsError, StRateLimitedError, StUnavailableError } from './errors';
import { headerValue, rateLimitWaitMs } from './retry-hint';
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
  /** Retries after a dropped connection or a 5xx from the sign-in service. Default 4. */
  maxRetries?: number;
  /** 429 answers from the sign-in service to wait out. Default 6. */
  maxRateLimitWaits?: number;
  /** Backoff before retry `attempt` (1, 2, …), ms. Default: exponential with jitter from 250 ms, at most 10 s. */
  backoff?: (attempt: number) => number;
}

/** One sign-in attempt: a token, or why to try again. */
type Attempt =
  | { token: CachedToken }
  | { retry: 'rate-limited'; waitMs?: number }
  | { retry: 'unavailable'; detail: string; status?: number };

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

  const requestToken = async (): Promise<Attempt> => {
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
      const detail = axios.isAxiosError(error) ? (error.code ?? 'network error') : 'network error';
      return { retry: 'unavailable', detail };
    }
    const { status } = response;
    if (status === 400 || status === 401) throw new StCredentialsError(status);
    if (status === 429) {
      const waitMs = rateLimitWaitMs(headerValue(response.headers['retry-after']), response.data);
      return { retry: 'rate-limited', ...(waitMs !== undefined && { waitMs }) };
    }
    if (status >= 500) return { retry: 'unavailable', detail: `sign-in answered ${status}`, status };
    if (status >= 300) throw new StUnavailableError('token', `sign-in answered ${status}`, status);
    const parsed = TokenResponse.safeParse(response.data);
    if (!parsed.success) throw new StBadResponseError('token', ['the sign-in answer has no access token']);
    const { access_token, expires_in } = parsed.data;
    redactor.add(access_token);
    return {
      token: {
        accessToken: access_token,
        expiresAt: options.now() + expires_in * 1000 - refreshMarginMs(expires_in),
      },
    };
  };

  // The sign-in service throttles and has bad moments like the API: wait those out (bounded) instead of failing.
  const backoff = options.backoff ?? ((attempt: number) => backoffDelay(attempt));
  const fetchToken = async (): Promise<CachedToken> => {
    let failures = 0;
    let waits = 0;
    for (;;) {
      const attempt = await requestToken();
      if ('token' in attempt) return attempt.token;
      if (attempt.retry === 'rate-limited') {
        if (++waits > (options.maxRateLimitWaits ?? 6)) throw new StRateLimitedError('token', attempt.waitMs);
        await delay(attempt.waitMs ?? backoff(waits));
      } else {
        if (++failures > (options.maxRetries ?? 4))
          throw new StUnavailableError('token', attempt.detail, attempt.status);
        await delay(backoff(failures));
      }
    }
  };

  return {
    get: () => cache.get(key, fetchToken),
    invalidate: (staleToken) => cache.invalidate(key, staleToken),
  };
}
