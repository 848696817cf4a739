/**
 * The "today" the tests give both simulators, so the seeded documents, periods and the closed month fall the same
 * way on every calendar day (the seed spreads documents over the 60 days before it and closes the month two months
 * before it). Clocks stay real; only the seeded data is anchored.
 */
export const TEST_DAY = '2026-06-20T00:00:00.000Z';

/** Simulator options that anchor both seeds on `TEST_DAY`. */
export const ANCHORED = {
  st: { anchorDate: TEST_DAY },
  visma: { today: new Date(TEST_DAY) },
} as const;
