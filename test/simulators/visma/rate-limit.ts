/** Budget of a fixed window. */
export interface RateLimitConfig {
  budget: number;
  windowSeconds: number;
}

/** Usage of one window for one (company, client) key. */
export interface WindowUsage {
  key: string;
  windowStart: number;
  used: number;
  rejected: number;
}

/** The verdict for one call plus the `X-RateLimit-*` headers to send. */
export interface RateVerdict {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSeconds: number;
}

/** Visma's "fixed-window (Standard)" policy: N calls per window for each company and client combination. */
export class FixedWindowLimiter {
  private readonly windows = new Map<string, WindowUsage>();
  private readonly history: WindowUsage[] = [];

  constructor(
    private config: RateLimitConfig,
    private readonly origin = Date.now(),
  ) {}

  /** Changes the budget (starts fresh windows). */
  configure(config: RateLimitConfig): void {
    this.config = config;
    this.windows.clear();
  }

  /** Counts one call for `key` at `now`. */
  take(key: string, now = Date.now()): RateVerdict {
    const windowMs = this.config.windowSeconds * 1000;
    const windowStart = this.origin + Math.floor((now - this.origin) / windowMs) * windowMs;
    let usage = this.windows.get(key);
    if (!usage || usage.windowStart !== windowStart) {
      usage = { key, windowStart, used: 0, rejected: 0 };
      this.windows.set(key, usage);
      this.history.push(usage);
    }
    const allowed = usage.used < this.config.budget;
    if (allowed) usage.used += 1;
    else usage.rejected += 1;
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
    return {
      allowed,
      retryAfterSeconds: resetSeconds,
      headers: {
        'x-ratelimit-limit': String(this.config.budget),
        'x-ratelimit-remaining': String(Math.max(0, this.config.budget - usage.used)),
        'x-ratelimit-reset': String(resetSeconds),
        'x-ratelimit-policy': `fixed-window;w=${this.config.windowSeconds};q=${this.config.budget}`,
      },
    };
  }

  /** Every window seen so far (for assertions: no window over budget). */
  usage(): WindowUsage[] {
    return this.history.map((w) => ({ ...w }));
  }

  /** The configured budget. */
  current(): RateLimitConfig {
    return { ...this.config };
  }
}
