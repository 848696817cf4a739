import { delay } from '../http/backoff';

/** Clock and sleep, replaceable in tests. */
export interface BudgetClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** Tuning of the rate budget. */
export interface RateBudgetOptions {
  /** Calls in flight at most (1 until the first answer reveals the budget). */
  maxConcurrent?: number;
  /** Calls kept in reserve at the end of each window (default 0: calls in flight are already counted). */
  reserve?: number;
  /**
   * Below this share of the limit, calls are spread over what is left of the window (default 0: work that fits the
   * window goes at full speed, and work that does not waits once for the reset instead of crawling through the end
   * of every window).
   */
  slowdownShare?: number;
  /** Extra wait after the announced reset, to absorb clock differences. */
  marginMs?: number;
  /** Waits at least this long are announced to `onLongWait` listeners (default `LONG_WAIT_MS`). */
  announceAfterMs?: number;
}

/** By default, a wait for the window's reset at least this long is announced to `onLongWait` listeners. */
export const LONG_WAIT_MS = 2_000;

/**
 * Client-side pacing from Visma's `X-RateLimit-Limit/-Remaining/-Reset` headers (fixed window, reset in seconds).
 * Counts calls it lets out against the last known remaining budget, goes at full speed while budget remains (or
 * spreads the last `slowdownShare` of it over the rest of the window), and waits for the reset instead of running
 * into 429, telling `onLongWait` listeners when calls resume.
 */
export class RateBudget {
  private limit: number | undefined;
  private remaining: number | undefined;
  private resetAt = 0;
  private inFlight = 0;
  private lastStart = 0;
  private pausedUntil = 0;
  private readonly waiters: (() => void)[] = [];
  private readonly longWaitListeners = new Set<(resumeAt: Date) => void>();
  /** The current window's wait was announced (its reset time creeps by milliseconds as answers arrive). */
  private announcedThisWindow = false;
  private readonly maxConcurrent: number;
  private readonly reserve: number;
  private readonly slowdownShare: number;
  private readonly marginMs: number;
  private readonly announceAfterMs: number;

  constructor(
    options: RateBudgetOptions = {},
    private readonly clock: BudgetClock = { now: Date.now, sleep: delay },
  ) {
    this.maxConcurrent = options.maxConcurrent ?? 4;
    this.reserve = options.reserve ?? 0;
    this.slowdownShare = options.slowdownShare ?? 0;
    this.marginMs = options.marginMs ?? 100;
    this.announceAfterMs = options.announceAfterMs ?? LONG_WAIT_MS;
  }

  /** Waits until a call may go out; returns the function to call when its answer (or failure) arrived. */
  async acquire(): Promise<() => void> {
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.clock.sleep(this.pausedUntil - now);
        continue;
      }
      if (this.resetAt > 0 && now >= this.resetAt) this.startNewWindow();
      const capacity = this.limit === undefined ? 1 : this.maxConcurrent;
      if (this.inFlight >= capacity) {
        await new Promise<void>((resolve) => this.waiters.push(resolve));
        continue;
      }
      const wait = this.waitBeforeNext(now);
      if (wait > 0 && wait >= this.announceAfterMs) this.announceWait(now + wait);
      if (wait > 0) {
        await this.clock.sleep(wait);
        continue;
      }
      this.inFlight += 1;
      this.lastStart = now;
      if (this.remaining !== undefined) this.remaining -= 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        this.waiters.shift()?.();
      };
    }
  }

  /** Learns the budget from an answer's headers (call before releasing that call). */
  observe(headers: Record<string, string | undefined>): void {
    const limit = Number(headers['x-ratelimit-limit']);
    const remaining = Number(headers['x-ratelimit-remaining']);
    const resetSeconds = Number(headers['x-ratelimit-reset']);
    if (!Number.isFinite(limit) || !Number.isFinite(remaining) || !Number.isFinite(resetSeconds)) return;
    const resetAt = this.clock.now() + resetSeconds * 1000 + this.marginMs;
    // Other calls still in flight were let out after this one and will spend budget too.
    const known = remaining - Math.max(0, this.inFlight - 1);
    const newWindow = this.resetAt === 0 || resetAt > this.resetAt + 1000 + this.marginMs;
    this.limit = limit;
    this.remaining = newWindow || this.remaining === undefined ? known : Math.min(this.remaining, known);
    this.resetAt = newWindow ? resetAt : Math.max(this.resetAt, resetAt);
    if (newWindow) this.announcedThisWindow = false;
    this.wakeAll();
  }

  /** Calls `listener` with the time calls resume whenever the budget must wait long for its window to reset. */
  onLongWait(listener: (resumeAt: Date) => void): () => void {
    this.longWaitListeners.add(listener);
    return () => this.longWaitListeners.delete(listener);
  }

  /** Stops all calls for `ms` (a 429's Retry-After; its `X-RateLimit-*` headers, if any, were already observed). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    if (ms >= LONG_WAIT_MS)
      for (const listener of this.longWaitListeners) listener(new Date(this.pausedUntil));
  }

  /** What the budget knows (for diagnostics and tests). */
  snapshot(): { limit?: number; remaining?: number; resetInMs: number; inFlight: number } {
    return {
      ...(this.limit !== undefined ? { limit: this.limit } : {}),
      ...(this.remaining !== undefined ? { remaining: this.remaining } : {}),
      resetInMs: Math.max(0, this.resetAt - this.clock.now()),
      inFlight: this.inFlight,
    };
  }

  private waitBeforeNext(now: number): number {
    if (this.limit === undefined || this.remaining === undefined) return 0;
    const untilReset = Math.max(0, this.resetAt - now);
    if (this.remaining <= this.reserve) return Math.max(1, untilReset);
    if (this.remaining > this.limit * this.slowdownShare) return 0;
    // Spread the last share of the budget evenly over the rest of the window (the last call before the reset).
    const spacing = untilReset / (this.remaining + 1);
    return Math.max(0, this.lastStart + spacing - now);
  }

  private announceWait(resumeAt: number): void {
    if (this.announcedThisWindow) return;
    this.announcedThisWindow = true;
    for (const listener of this.longWaitListeners) listener(new Date(resumeAt));
  }

  private startNewWindow(): void {
    // The announced reset has passed: assume a fresh window until an answer says otherwise.
    this.remaining = this.limit;
    this.resetAt = 0;
    this.announcedThisWindow = false;
  }

  private wakeAll(): void {
    while (this.waiters.length) this.waiters.shift()?.();
  }
}
