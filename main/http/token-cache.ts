/** A bearer token and the moment it stops being valid. */
export interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Caches one access token per key and refreshes it `refreshEarlyMs` before expiry.
 * At most one fetch per key is in flight: concurrent callers share it. `invalidate` forces the next call to fetch.
 */
export class TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly inflight = new Map<string, Promise<CachedToken>>();

  constructor(
    private readonly refreshEarlyMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns a valid token for `key`, fetching one with `fetcher` when needed. */
  async get(key: string, fetcher: () => Promise<CachedToken>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && this.now() < cached.expiresAt - this.refreshEarlyMs) return cached.accessToken;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = fetcher().finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    const token = await pending;
    this.tokens.set(key, token);
    return token.accessToken;
  }

  /** Drops the token for `key` unless it was already replaced by a newer one than `staleToken`. */
  invalidate(key: string, staleToken?: string): void {
    const cached = this.tokens.get(key);
    if (!cached) return;
    if (staleToken === undefined || cached.accessToken === staleToken) this.tokens.delete(key);
  }

  /** Drops every token (used after a credential rotation). */
  clear(): void {
    this.tokens.clear();
  }
}
