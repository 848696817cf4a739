import { z } from 'zod';

/**
 * A fault the simulator injects into matching calls. `status`: answer with an error status instead. `drop`: close the
 * socket before processing. `slow`: wait `delayMs`, then process (the work is done even if the caller gave up).
 * `commit-then-drop`: process (store the write), then close the socket. `commit-then-slow`: process at once, answer
 * after `delayMs`. `no-location`: process, but answer a create without its `Location` header.
 */
export const FaultSpec = z.object({
  kind: z.enum(['status', 'drop', 'slow', 'commit-then-drop', 'commit-then-slow', 'no-location']),
  /** HTTP status for `status` faults (401, 429, 500, 503…). */
  status: z.number().int().min(400).max(599).optional(),
  /** Body of a `status` fault: the API's JSON (default; plain text for 502–504), none at all, or plain text. */
  body: z.enum(['json', 'empty', 'text']).optional(),
  /** `Retry-After` to send with a 429: seconds, or an HTTP date string. */
  retryAfter: z.union([z.number(), z.string()]).optional(),
  /** Delay for `slow` and `commit-then-slow` faults. */
  delayMs: z.number().int().nonnegative().optional(),
  /** Apply to the next N matching calls… */
  count: z.number().int().positive().optional(),
  /** …or to this share (0–1) of matching calls, chosen by a seeded generator. */
  share: z.number().min(0).max(1).optional(),
  /** Only calls whose method matches (GET, POST…). `write` means any non-GET. */
  method: z.string().optional(),
  /** Only calls whose path contains this text. */
  pathIncludes: z.string().optional(),
});
export type FaultSpec = z.infer<typeof FaultSpec>;

interface ActiveFault extends FaultSpec {
  remaining: number;
}

/** Holds injected faults and decides, per call, which one (if any) applies. Deterministic for a given seed. */
export class FaultInjector {
  private faults: ActiveFault[] = [];
  private state: number;
  private applied = 0;

  constructor(seed = 1) {
    this.state = seed >>> 0 || 1;
  }

  /** Adds a fault; returns how many are active. */
  add(spec: FaultSpec): number {
    this.faults.push({ ...spec, remaining: spec.count ?? (spec.share === undefined ? 1 : Infinity) });
    return this.faults.length;
  }

  /** How many calls a fault was applied to so far (cleared faults included). */
  appliedCount(): number {
    return this.applied;
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** The fault to apply to this call, consuming one use of it. */
  take(method: string, path: string): FaultSpec | undefined {
    for (const f of this.faults) {
      if (f.remaining <= 0) continue;
      if (f.method) {
        const wanted = f.method.toUpperCase();
        if (wanted === 'WRITE' ? method === 'GET' : wanted !== method.toUpperCase()) continue;
      }
      if (f.pathIncludes && !path.toLowerCase().includes(f.pathIncludes.toLowerCase())) continue;
      if (f.share !== undefined && this.random() >= f.share) continue;
      f.remaining -= 1;
      this.applied += 1;
      return f;
    }
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return undefined;
  }

  private random(): number {
    // xorshift32: small, seeded, good enough for choosing which calls fail.
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x100000000;
  }
}

/** Per-endpoint call counters. */
export class CallCounter {
  private readonly counts = new Map<string, number>();

  /** Counts one call to `key` (an operationId or path). */
  hit(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** A snapshot of all counters plus the total. */
  snapshot(): { total: number; byEndpoint: Record<string, number> } {
    const byEndpoint = Object.fromEntries([...this.counts.entries()].sort());
    return { total: [...this.counts.values()].reduce((a, b) => a + b, 0), byEndpoint };
  }

  /** Clears all counters. */
  reset(): void {
    this.counts.clear();
  }
}
