import { describe, expect, it } from 'vitest';
import { RateBudget } from '../../../main/visma/rate-budget';

/** A fake clock: sleeping advances time instantly. */
function fakeClock() {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: (ms: number) => ((clock.t += Math.max(ms, 0)), Promise.resolve()),
  };
  return clock;
}

const headers = (limit: number, remaining: number, reset: number) => ({
  'x-ratelimit-limit': String(limit),
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': String(reset),
});

describe('RateBudget', () => {
  it('lets calls through while budget remains and waits for the reset when it runs out', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({ slowdownShare: 0, marginMs: 0 }, clock);
    (await budget.acquire())();
    budget.observe(headers(3, 2, 10));
    for (let i = 0; i < 2; i++) (await budget.acquire())();
    expect(clock.t).toBe(0);
    const release = await budget.acquire();
    expect(clock.t).toBeGreaterThanOrEqual(10_000);
    release();
  });

  it('by default spends the whole window at full speed and announces the one wait for its reset', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({ marginMs: 0 }, clock);
    const waits: Date[] = [];
    budget.onLongWait((resumeAt) => waits.push(resumeAt));
    (await budget.acquire())();
    budget.observe(headers(1000, 5, 3600));
    for (let i = 0; i < 5; i++) (await budget.acquire())();
    expect(clock.t).toBe(0);
    expect(waits).toEqual([]);
    (await budget.acquire())();
    expect(clock.t).toBe(3_600_000);
    expect(waits).toEqual([new Date(3_600_000)]);
  });

  it('announces each used-up window once', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({ marginMs: 0, maxConcurrent: 1 }, clock);
    const waits: Date[] = [];
    budget.onLongWait((resumeAt) => waits.push(resumeAt));
    const first = await budget.acquire();
    budget.observe(headers(2, 1, 10));
    first();
    const second = await budget.acquire();
    clock.t += 7;
    budget.observe(headers(2, 0, 10));
    second();
    (await budget.acquire())();
    expect(waits).toHaveLength(1);
    budget.observe(headers(2, 0, 10));
    (await budget.acquire())();
    expect(waits).toHaveLength(2);
  });

  it('announces a long pause for a 429, but not a short one', () => {
    const clock = fakeClock();
    const budget = new RateBudget({}, clock);
    const waits: Date[] = [];
    const stop = budget.onLongWait((resumeAt) => waits.push(resumeAt));
    budget.pauseFor(500);
    budget.pauseFor(30_000);
    stop();
    budget.pauseFor(60_000);
    expect(waits).toEqual([new Date(30_000)]);
  });

  it('spreads the last share of the budget over the rest of the window', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({ slowdownShare: 0.5, marginMs: 0 }, clock);
    (await budget.acquire())();
    budget.observe(headers(10, 4, 10));
    const starts: number[] = [];
    for (let i = 0; i < 4; i++) {
      (await budget.acquire())();
      starts.push(clock.t);
    }
    expect(starts[0]).toBeGreaterThan(0);
    expect(starts[3]).toBeLessThan(10_000);
    expect(new Set(starts).size).toBe(4);
  });

  it('counts calls in flight against the budget and probes with one call until the budget is known', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({ maxConcurrent: 4, slowdownShare: 0, marginMs: 0 }, clock);
    const first = await budget.acquire();
    let second = false;
    const pending = budget.acquire().then((r) => ((second = true), r));
    await Promise.resolve();
    expect(second).toBe(false);
    budget.observe(headers(5, 4, 30));
    first();
    (await pending)();
    expect(budget.snapshot()).toMatchObject({ limit: 5, remaining: 3 });
  });

  it('pauses after a 429', async () => {
    const clock = fakeClock();
    const budget = new RateBudget({}, clock);
    budget.pauseFor(2_000);
    (await budget.acquire())();
    expect(clock.t).toBe(2_000);
  });
});
