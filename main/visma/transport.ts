import { createHash } from 'node:crypto';
import axios from 'axios';
import type { AxiosInstance, AxiosResponse } from 'axios';
import { TokenCache } from '../http/token-cache';
import { backoffDelay, delay } from '../http/backoff';
import { parseRetryAfter } from '../http/retry-after';
import { redactor } from '../log/redactor';
import { VismaError, UncertainWriteError } from './errors';
import { mapVismaError } from './error-map';
import { TokenEndpointBusy, requestToken } from './auth';
import { RateBudget } from './rate-budget';
import type { RateBudgetOptions } from './rate-budget';

/** The connection facts the transport needs (a profile's `visma` section plus its secret). */
export interface VismaEndpointConfig {
  tokenUrl: string;
  apiBaseUrl: string;
  tenantId: string;
  companyId: string;
  clientId: string;
  clientSecret: string;
}

/** One API call. `endpoint` names it for counters and errors (`GET /v1/customerinvoice/{invoiceNumber}`). */
export interface VismaCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  endpoint: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  ifMatch?: string;
}

/** A successful answer. Header names are lower case. */
export interface VismaReply {
  status: number;
  headers: Record<string, string>;
  data: unknown;
}

/** Transport tuning. */
export interface TransportOptions {
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called once per HTTP request sent (retries included), with the endpoint name. */
  onCall?: (endpoint: string) => void;
  /** Retries of reads on network errors and 5xx (default 4). */
  maxRetries?: number;
  /** Retries after 429 (default 6). */
  maxRateLimitRetries?: number;
  /** Per-request timeout (default 60 s). */
  timeoutMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  rateBudget?: RateBudgetOptions;
  /** Shared token cache (one per process keeps one token per tenant and client). */
  tokenCache?: TokenCache;
}

const sharedTokens = new TokenCache(120_000);

/**
 * Sends Visma calls: bearer token (cached per tenant and client, refreshed early, one fetch in flight) and
 * `ipp-company-id` on every call; paces with the rate budget; retries reads on network errors and 5xx, any call on
 * 429 and once on 401; reports writes without an answer as uncertain.
 */
export class VismaTransport {
  private readonly http: AxiosInstance;
  private readonly tokens: TokenCache;
  private readonly budget: RateBudget;
  private readonly counts = new Map<string, number>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly tokenKey: string;

  constructor(
    private readonly config: VismaEndpointConfig,
    private readonly options: TransportOptions = {},
  ) {
    redactor.add(config.clientSecret);
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? delay;
    this.random = options.random ?? Math.random;
    this.tokens = options.tokenCache ?? sharedTokens;
    // Per (tenant, client); the secret's hash keeps a corrected secret from reusing a token fetched with the old one.
    const secretHash = createHash('sha256').update(config.clientSecret).digest('hex').slice(0, 16);
    this.tokenKey = `${config.tokenUrl}|${config.tenantId}|${config.clientId}|${secretHash}`;
    this.budget = new RateBudget(options.rateBudget, { now: this.now, sleep: this.sleep });
    this.http = axios.create({
      timeout: options.timeoutMs ?? 60_000,
      validateStatus: () => true,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxRedirects: 0,
    });
  }

  /** Tells `listener` when calls must wait long for Visma's rate window to reset (and when they resume). */
  onRateLimitWait(listener: (resumeAt: Date) => void): () => void {
    return this.budget.onLongWait(listener);
  }

  /** Calls sent per endpoint so far. */
  callCounts(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort());
  }

  /**
   * A valid access token (fetching one when needed). A dropped connection, a 429 or a 5xx from Visma Connect is retried
   * with bounded backoff (`Retry-After` honoured up to the backoff cap), so one bad answer does not abort a run.
   */
  async token(): Promise<string> {
    return this.tokens.get(this.tokenKey, async () => {
      for (let attempt = 0; ; attempt++) {
        this.count('POST token');
        try {
          return await requestToken(this.http, this.config, this.now);
        } catch (error) {
          const retryable = !(error instanceof VismaError) || error instanceof TokenEndpointBusy;
          if (!retryable || attempt >= this.maxRetries())
            throw this.asVismaError(error, 'POST token', 'Visma Connect');
          const asked = error instanceof TokenEndpointBusy ? error.retryAfterMs : undefined;
          const cap = this.options.backoffCapMs ?? 10_000;
          await this.sleep(asked !== undefined ? Math.min(asked, cap) : this.backoff(attempt));
        }
      }
    });
  }

  /** Sends a call and returns its 2xx answer, or throws a VismaError / UncertainWriteError. */
  async send(call: VismaCall): Promise<VismaReply> {
    const isRead = call.method === 'GET';
    let retriedAuth = false;
    let rateRetries = 0;
    for (let attempt = 0; ;) {
      const token = await this.token();
      const release = await this.budget.acquire();
      let res: AxiosResponse<string>;
      try {
        this.count(call.endpoint);
        res = await this.http.request<string>({
          method: call.method,
          url: this.config.apiBaseUrl.replace(/\/+$/, '') + call.path,
          params: cleanQuery(call.query),
          headers: this.headers(token, call),
          ...(call.body !== undefined ? { data: JSON.stringify(call.body) } : {}),
        });
      } catch (error) {
        release();
        const neverSent = isConnectionRefused(error);
        if ((isRead || neverSent) && attempt < this.maxRetries()) {
          await this.sleep(this.backoff(attempt++));
          continue;
        }
        if (!isRead && !neverSent) throw new UncertainWriteError(call.endpoint, describeNetworkError(error));
        throw this.asVismaError(error, call.endpoint, 'Visma');
      }
      const headers = lowerHeaders(res.headers);
      this.budget.observe(headers);
      release();
      const status = res.status;
      if (status >= 200 && status < 300) return { status, headers, data: parseBody(res.data) };
      if (status === 401 && !retriedAuth) {
        retriedAuth = true;
        this.tokens.invalidate(this.tokenKey, token);
        continue;
      }
      if (status === 429 && rateRetries < (this.options.maxRateLimitRetries ?? 6)) {
        const wait =
          parseRetryAfter(headers['retry-after'], this.now()) ??
          secondsHeader(headers['x-ratelimit-reset']) ??
          this.backoff(rateRetries);
        rateRetries += 1;
        this.budget.pauseFor(wait);
        continue;
      }
      if (status >= 500) {
        if (isRead && attempt < this.maxRetries()) {
          await this.sleep(this.backoff(attempt++));
          continue;
        }
        if (!isRead) throw new UncertainWriteError(call.endpoint, `Visma answered HTTP ${status}`, status);
      }
      throw new VismaError(
        mapVismaError(status, res.data, call.endpoint, {
          tenantId: this.config.tenantId,
          companyId: this.config.companyId,
        }),
      );
    }
  }

  private headers(token: string, call: VismaCall): Record<string, string> {
    return {
      authorization: `Bearer ${token}`,
      'ipp-company-id': this.config.companyId,
      accept: 'application/json',
      ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(call.ifMatch ? { 'if-match': call.ifMatch } : {}),
    };
  }

  private count(endpoint: string): void {
    this.counts.set(endpoint, (this.counts.get(endpoint) ?? 0) + 1);
    this.options.onCall?.(endpoint);
  }

  private maxRetries(): number {
    return this.options.maxRetries ?? 4;
  }

  private backoff(attempt: number): number {
    return backoffDelay(
      attempt,
      this.options.backoffBaseMs ?? 250,
      this.options.backoffCapMs ?? 10_000,
      this.random,
    );
  }

  private asVismaError(error: unknown, endpoint: string, host: string): VismaError {
    if (error instanceof VismaError) return error;
    return new VismaError({
      code: 'network',
      endpoint,
      detail: describeNetworkError(error),
      message: `Could not reach ${host} (${describeNetworkError(error)}). Check the internet connection and the ${host === 'Visma Connect' ? 'token URL' : 'API base URL'}.`,
    });
  }
}

function cleanQuery(query: VismaCall['query']): Record<string, string> | undefined {
  if (!query) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(query)) if (v !== undefined) out[k] = String(v);
  return out;
}

function lowerHeaders(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') out[k.toLowerCase()] = String(v);
    else if (Array.isArray(v)) out[k.toLowerCase()] = v.map(String).join(', ');
  }
  return out;
}

function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function secondsHeader(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n >= 0 ? n * 1000 : undefined;
}

function isConnectionRefused(error: unknown): boolean {
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN';
}

function describeNetworkError(error: unknown): string {
  const e = error as { code?: string; message?: string } | undefined;
  if (e?.code === 'ECONNABORTED' || e?.code === 'ETIMEDOUT') return 'no answer before the timeout';
  if (e?.code === 'ECONNRESET' || /socket hang up/i.test(e?.message ?? ''))
    return 'the connection was closed before the answer';
  return redactor.redact(e?.code ?? e?.message ?? String(error));
}
