import { describe, expect, it } from 'vitest';
import { recentPeriods } from '../../../../renderer/pages/period';

describe('recentPeriods', () => {
  it('lists the current month first and crosses year boundaries', () => {
    const periods = recentPeriods(new Date(2026, 1, 15), 4);
    expect(periods.map((p) => p.value)).toEqual(['202602', '202601', '202512', '202511']);
    expect(periods[2]).toEqual({ value: '202512', year: 2025, monthIndex: 11 });
  });

  it('offers thirteen months by default, so last year’s same month is there', () => {
    const periods = recentPeriods(new Date(2026, 0, 31));
    expect(periods).toHaveLength(13);
    expect(periods.at(-1)?.value).toBe('202501');
  });
});
