import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';
import { backoffDelay, delay } from '../http/backoff';
import { sharedRateLimiter } from '../http/rate-limiter';
import type { RateLimiter } from '../http/rate-limiter';
import { redactor } from '../log/redactor';
import { createTokenSource } from './auth';
import type { TokenSource } from './auth';
import {
  StAppKeyError,
  StBadResponseError,
  StNotFoundError,
  StRateLimitedError,
  StRequestRejectedError,
  StScopeError,
  StTenantError,
  StUnavailableError,
  StWriteUncertainError,
} from './errors';
import { headerValue, rateLimitWaitMs } from './retry-hint';
import { SCOPE_PURPOSE } from './scopes';
import type { StScope } from './scopes';
import type { StCallCounts, StClientOptions, StCredentials } from './types';

/** Sign-ins in one request when ServiceTitan keeps refusing fresh tokens as invalid (revoked or expired meanwhile). */
const MAX_TOKEN_REFRESHES = 3;

/** ServiceTitan API module (first path segment). */
export type StModule = 'accounting' | 'inventory' | 'settings' | 'crm' | 'jpm';

/** A query value; arrays repeat the parameter (`statuses=A&statuses=B`). */
export type QueryValue = string | number | boolean | readonly string[] | undefined;

/** One API call. `path` is relative to `/{module}/v2/tenant/{tenantId}`. */
export interface StRequest {
  endpoint: string;
  module: StModule;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  scope: StScope;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** What a 404 means, in words ("invoice 42"). */
  what?: string;
}

/** Sends ServiceTitan API calls: token, headers, rate limit, timeout, retries and error mapping. */
export class StTransport {
  private readonly http: AxiosInstance;
  private readonly tokens: TokenSource;
  private readonly limiter: RateLimiter;
  private readonly counts = new Map<string, number>();
  private readonly opts: Required<Omit<StClientOptions, 'onCall'>> & Pick<StClientOptions, 'onCall'>;

  constructor(
    readonly credentials: StCredentials,
    options: StClientOptions = {},
  ) {
    this.opts = {
      timeoutMs: options.timeoutMs ?? 60_000,
      maxRequestsPerSecond: options.maxRequestsPerSecond ?? 60,
      now: options.now ?? Date.now,
      maxRetries: options.maxRetries ?? 4,
      maxRateLimitWaits: options.maxRateLimitWaits ?? 6,
      backoffBaseMs: options.backoffBaseMs ?? 250,
      random: options.random ?? Math.random,
      onCall: options.onCall,
    };
    redactor.add(credentials.appKey);
    redactor.add(credentials.clientSecret);
    this.http = axios.create();
    const apiRoot = credentials.apiBaseUrl.replace(/\/+$/, '');
    this.limiter = sharedRateLimiter(`${apiRoot}|${credentials.tenantId}`, this.opts.maxRequestsPerSecond);
    this.tokens = createTokenSource(credentials, {
      http: this.http,
      now: this.opts.now,
      timeoutMs: this.opts.timeoutMs,
      onTokenRequest: () => this.count('token'),
      maxRetries: this.opts.maxRetries,
      maxRateLimitWaits: this.opts.maxRateLimitWaits,
      backoff: (attempt) => this.backoff(attempt),
    });
  }

  /** Calls made so far by this client, per endpoint (token requests count as `token`). */
  calls(): StCallCounts {
    const byEndpoint = Object.fromEntries([...this.counts.entries()].sort());
    return { total: [...this.counts.values()].reduce((a, b) => a + b, 0), byEndpoint };
  }

  /** Fetches (or reuses) a token: proves the client id and secret work. */
  async authenticate(): Promise<void> {
    await this.tokens.get();
  }

  /** Sends `req` and parses the answer with `schema`. Reads retry; writes never retry after they may have landed. */
  async send<T extends z.ZodType>(req: StRequest, schema: T): Promise<z.infer<T>> {
    const isWrite = req.method !== 'GET';
    let reauthentications = 0;
    let failures = 0;
    let rateLimitWaits = 0;
    for (;;) {
      // The token source waits out a throttled or failing sign-in service itself (bounded).
      const token = await this.tokens.get();
      await this.limiter.acquire();
      this.count(req.endpoint);
      let response: AxiosResponse<unknown>;
      try {
        response = await this.http.request({
          method: req.method,
          url: this.url(req),
          data: req.body,
          headers: {
            Authorization: `Bearer ${token}`,
            'ST-App-Key': this.credentials.appKey,
            Accept: 'application/json',
          },
          timeout: this.opts.timeoutMs,
          validateStatus: () => true,
        });
      } catch (error) {
        const detail = describeNetworkError(error);
        if (isWrite) throw new StWriteUncertainError(req.endpoint, detail);
        if (++failures > this.opts.maxRetries) throw new StUnavailableError(req.endpoint, detail);
        await delay(this.backoff(failures));
        continue;
      }
      const { status } = response;
      if (status >= 200 && status < 300) return this.parse(req, schema, response.data);
      const text = errorText(response.data);
      if (status === 401) {
        if (/app[- ]?key/i.test(text)) throw new StAppKeyError(req.endpoint, status);
        // A token refused again right after a fresh sign-in was revoked or expired meanwhile: sign in again a few
        // times. Any other repeated 401 means the credentials themselves are wrong.
        const tokenRefused = /invalid_token/i.test(headerValue(response.headers['www-authenticate']) ?? '');
        if (reauthentications >= (tokenRefused ? MAX_TOKEN_REFRESHES : 1)) {
          if (/tenant/i.test(text)) throw new StTenantError(this.credentials.tenantId, req.endpoint, status);
          throw new StAppKeyError(req.endpoint, status);
        }
        reauthentications += 1;
        this.tokens.invalidate(token);
        continue;
      }
      if ((status === 403 || status === 404) && /tenant/i.test(text)) {
        throw new StTenantError(this.credentials.tenantId, req.endpoint, status);
      }
      if (status === 403) throw new StScopeError(req.scope, SCOPE_PURPOSE[req.scope], req.endpoint);
      if (status === 404) throw new StNotFoundError(req.endpoint, req.what ?? 'such record');
      if (status === 429) {
        const waitMs =
          rateLimitWaitMs(headerValue(response.headers['retry-after']), response.data) ??
          this.backoff(rateLimitWaits + 1);
        if (++rateLimitWaits > this.opts.maxRateLimitWaits)
          throw new StRateLimitedError(req.endpoint, waitMs);
        this.limiter.pause(waitMs);
        await delay(waitMs);
        continue;
      }
      if (status >= 500) {
        if (isWrite) throw new StWriteUncertainError(req.endpoint, `server error ${status}`, status);
        if (++failures > this.opts.maxRetries)
          throw new StUnavailableError(req.endpoint, `server error ${status}`, status);
        await delay(this.backoff(failures));
        continue;
      }
      throw new StRequestRejectedError(req.endpoint, status, errorDetails(response.data));
    }
  }

  private parse<T extends z.ZodType>(req: StRequest, schema: T, data: unknown): z.infer<T> {
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'} ${i.message}`);
    throw new StBadResponseError(req.endpoint, problems);
  }

  private url(req: StRequest): string {
    const root = this.credentials.apiBaseUrl.replace(/\/+$/, '');
    const base = `${root}/${req.module}/v2/tenant/${encodeURIComponent(this.credentials.tenantId)}${req.path}`;
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(req.query ?? {})) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const v of value as readonly string[]) query.append(name, v);
      else query.append(name, String(value));
    }
    const qs = query.toString();
    return qs ? `${base}?${qs}` : base;
  }

  private backoff(attempt: number): number {
    return backoffDelay(attempt, this.opts.backoffBaseMs, 10_000, this.opts.random);
  }

  private count(endpoint: string): void {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
    this.opts.onCall?.(endpoint);
  }
}

function describeNetworkError(error: unknown): string {
  if (axios.isAxiosError(error)) {
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') return 'no answer in time';
    if (error.code === 'ECONNREFUSED') return 'connection refused';
    return `network error ${error.code ?? ''}`.trim();
  }
  return 'network error';
}

/** All text of an error body, to look for hints such as "tenant" or "app key". */
function errorText(data: unknown): string {
  if (data == null) return '';
  return typeof data === 'string' ? data : JSON.stringify(data);
}

/** Reasons from an `ApiErrorResponse` (`title` and `errors`), redacted. */
function errorDetails(data: unknown): string[] {
  if (!data || typeof data !== 'object')
    return typeof data === 'string' && data ? [redactor.redact(data.slice(0, 200))] : [];
  const body = data as { title?: unknown; errors?: unknown };
  const out: string[] = [];
  if (body.errors && typeof body.errors === 'object') {
    for (const [field, messages] of Object.entries(body.errors as Record<string, unknown>)) {
      const list = Array.isArray(messages) ? messages.map(String) : [String(messages)];
      out.push(`${field}: ${list.join(', ')}`);
    }
  }
  if (!out.length && typeof body.title === 'string') out.push(body.title);
  return out.map((s) => redactor.redact(s));
}
