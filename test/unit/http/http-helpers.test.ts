import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../main/http/backoff';
import { parseRetryAfter } from '../../../main/http/retry-after';
import { TokenCache } from '../../../main/http/token-cache';

describe('backoff', () => {
  it('grows exponentially and stays under the cap', () => {
    expect(backoffDelay(0, 100, 10_000, () => 1)).toBe(100);
    expect(backoffDelay(3, 100, 10_000, () => 1)).toBe(800);
    expect(backoffDelay(20, 100, 10_000, () => 1)).toBe(10_000);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(0);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Thu, 01 Jan 2025 00:00:05 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('100000')).toBe(300_000);
  });
});

describe('TokenCache', () => {
  it('shares one fetch between concurrent callers and refreshes early', async () => {
    let now = 0;
    let fetches = 0;
    const cache = new TokenCache(60_000, () => now);
    const fetcher = () => {
      fetches += 1;
      return Promise.resolve({ accessToken: `t${fetches}`, expiresAt: now + 900_000 });
    };
    const [a, b] = await Promise.all([cache.get('k', fetcher), cache.get('k', fetcher)]);
    expect([a, b, fetches]).toEqual(['t1', 't1', 1]);
    now = 839_000;
    expect(await cache.get('k', fetcher)).toBe('t1');
    now = 841_000;
    expect(await cache.get('k', fetcher)).toBe('t2');
  });
  it('invalidates only the stale token', async () => {
    const cache = new TokenCache(0, () => 0);
    let n = 0;
    const fetcher = () => Promise.resolve({ accessToken: `t${++n}`, expiresAt: 1e12 });
    await cache.get('k', fetcher);
    cache.invalidate('k', 'someone-else');
    expect(await cache.get('k', fetcher)).toBe('t1');
    cache.invalidate('k', 't1');
    expect(await cache.get('k', fetcher)).toBe('t2');
  });
});
