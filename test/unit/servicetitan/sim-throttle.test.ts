import { describe, expect, it } from 'vitest';
import { KeyedThrottle, rateLimitedResponse } from '../../simulators/servicetitan/throttle';

describe('ServiceTitan simulator throttle', () => {
  it('allows a burst per key, then answers how many whole seconds until the next slot', () => {
    let now = 0;
    const throttle = new KeyedThrottle({ burst: 2, perSecond: 0.5 }, () => now);
    expect(throttle.take('a')).toEqual({ ok: true });
    expect(throttle.take('a')).toEqual({ ok: true });
    expect(throttle.take('a')).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(throttle.take('b')).toEqual({ ok: true });
    now = 1000;
    expect(throttle.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    now = 2000;
    expect(throttle.take('a')).toEqual({ ok: true });
  });

  it('is off without a limit', () => {
    const throttle = new KeyedThrottle(undefined, () => 0);
    for (let i = 0; i < 100; i++) expect(throttle.take('a').ok).toBe(true);
  });

  it("answers 429 in the gateway's own words, with or without Retry-After", () => {
    expect(rateLimitedResponse(3)).toEqual({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 3 seconds.' },
    });
    expect(rateLimitedResponse(3, false).headers).toEqual({});
  });
});
