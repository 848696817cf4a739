import type { CloseBucket, CloseReport } from './types';
import { CLOSE_BUCKETS } from './types';

/** Zero in every bucket. */
export function zeroBucketCounts(): Record<CloseBucket, number> {
  return Object.fromEntries(CLOSE_BUCKETS.map((b) => [b, 0])) as Record<CloseBucket, number>;
}

/** A close with nothing in it (a period with no documents on either side). */
export function emptyCloseReport(periodStart: string, periodEnd: string): CloseReport {
  return {
    entries: [],
    bucketCounts: zeroBucketCounts(),
    checklist: { ready: true, items: [] },
    gl: null,
    glError: null,
    servicetitanLive: false,
    servicetitanError: null,
    servicetitanCalls: 0,
    companyName: null,
    timings: { vismaMs: 0, servicetitanMs: 0, totalMs: 0 },
    periodStart,
    periodEnd,
  };
}
