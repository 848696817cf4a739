import { describe, expect, it } from 'vitest';
import { financialPeriod, isValidTimeZone, localDate, vismaDate } from '../../../shared/dates';

describe('local dates', () => {
  it('puts 23:30 UTC on the last day of a month into the next month in Oslo', () => {
    expect(localDate('2026-01-31T23:30:00Z', 'Europe/Oslo')).toBe('2026-02-01');
    expect(financialPeriod(localDate('2026-01-31T23:30:00Z', 'Europe/Oslo'))).toBe('202602');
  });
  it('handles summer time', () => {
    expect(localDate('2026-06-30T22:30:00Z', 'Europe/Oslo')).toBe('2026-07-01');
    expect(localDate('2026-06-30T21:30:00Z', 'Europe/Oslo')).toBe('2026-06-30');
  });
  it('formats Visma dates without an offset', () => {
    expect(vismaDate('2026-03-15T10:00:00Z', 'Europe/Oslo')).toBe('2026-03-15T00:00:00');
  });
  it('rejects garbage', () => {
    expect(() => localDate('not a date', 'Europe/Oslo')).toThrow(/Not a timestamp/);
    expect(isValidTimeZone('Europe/Oslo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
