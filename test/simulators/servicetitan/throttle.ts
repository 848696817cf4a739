import type { SimResponse } from '../common/http';

/** A token-bucket limit: `burst` requests at once, refilled at `perSecond`. */
export interface ThrottleLimit {
  burst: number;
  perSecond: number;
}

/** Outcome of asking a throttle for one request slot. */
export type ThrottleAnswer = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Token buckets per key (a tenant, a client id): the leaky-bucket throttling ServiceTitan's gateway applies. */
export class KeyedThrottle {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    /** `undefined` turns the throttle off. */
    public limit: ThrottleLimit | undefined,
    private readonly now: () => number,
  ) {}

  /** Takes one slot for `key`; when none is left, says how many whole seconds until one is. */
  take(key: string): ThrottleAnswer {
    const limit = this.limit;
    if (!limit || limit.perSecond <= 0 || limit.burst <= 0) return { ok: true };
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: limit.burst, at: now };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) };
  }

  /** Forgets every bucket (after the limit changed). */
  reset(): void {
    this.buckets.clear();
  }
}

/**
 * The gateway's own 429 answer, in the wording and shape of Azure API Management's rate-limit policy (the gateway in
 * front of ServiceTitan's API; clients parse the seconds out of the message). Not the spec's `ApiErrorResponse`.
 */
export function rateLimitedResponse(seconds: number, withRetryAfterHeader = true): SimResponse {
  return {
    status: 429,
    headers: withRetryAfterHeader ? { 'retry-after': String(seconds) } : {},
    body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${seconds} seconds.` },
  };
}
