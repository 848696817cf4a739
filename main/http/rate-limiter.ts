import { delay } from './backoff';

/**
 * Spaces requests so that no more than `perSecond` start in any one-second window.
 * Each caller reserves the next free slot (`1000 / perSecond` ms after the previous one) and waits for it.
 */
export class RateLimiter {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(
    perSecond: number,
    private readonly now: () => number = Date.now,
    private readonly wait: (ms: number) => Promise<void> = delay,
  ) {
    if (!(perSecond > 0)) throw new Error('A rate limit needs a positive number of requests per second.');
    this.intervalMs = 1000 / perSecond;
  }

  /** Resolves when the caller may start its request. */
  async acquire(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    if (slot > now) await this.wait(slot - now);
  }

  /** Pushes every later slot back by `ms` (after the server answered 429 with `Retry-After`). */
  pause(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + ms);
  }
}

const shared = new Map<string, RateLimiter>();

/** One limiter per key (e.g. API host + tenant), shared by every client in the process. */
export function sharedRateLimiter(key: string, perSecond: number): RateLimiter {
  const id = `${key}@${perSecond}`;
  let limiter = shared.get(id);
  if (!limiter) {
    limiter = new RateLimiter(perSecond);
    shared.set(id, limiter);
  }
  return limiter;
}
