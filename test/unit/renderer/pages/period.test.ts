import { describe, expect, it } from 'vitest';
import { pickablePeriod, recentPeriods } from '../../../../renderer/pages/period';

describe('recentPeriods', () => {
  it('lists the current month first and crosses year boundaries', () => {
    const periods = recentPeriods(new Date(2026, 1, 15), 4);
    expect(periods.map((p) => p.value)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(periods[2]).toEqual({ value: '2025-12', year: 2025, monthIndex: 11 });
  });

  it('offers thirteen months by default, so last year’s same month is there', () => {
    const periods = recentPeriods(new Date(2026, 0, 31));
    expect(periods).toHaveLength(13);
    expect(periods.at(-1)?.value).toBe('2025-01');
  });
});

describe('pickablePeriod', () => {
  it('accepts a month the picker offers and nothing else', () => {
    const today = new Date(2026, 1, 15);
    expect(pickablePeriod('2025-12', today)).toBe('2025-12');
    expect(pickablePeriod('2024-12', today)).toBeNull();
    expect(pickablePeriod('202512', today)).toBeNull();
    expect(pickablePeriod(null, today)).toBeNull();
  });
});
