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
  it('remembers a worked-out date per time zone, whatever form the instant came in', () => {
    const instant = '2026-03-31T22:30:00Z';
    expect(localDate(instant, 'Europe/Oslo')).toBe('2026-04-01');
    expect(localDate(instant, 'America/New_York')).toBe('2026-03-31');
    expect(localDate(new Date(instant), 'Europe/Oslo')).toBe('2026-04-01');
    expect(localDate('2026-04-01T00:30:00+02:00', 'Europe/Oslo')).toBe('2026-04-01');
    expect(localDate('2026-03-31T21:30:00Z', 'Europe/Oslo')).toBe('2026-03-31');
    expect(localDate(instant, 'Asia/Kolkata')).toBe('2026-04-01');
  });
  it('rejects garbage', () => {
    expect(() => localDate('not a date', 'Europe/Oslo')).toThrow(/Not a timestamp/);
    expect(isValidTimeZone('Europe/Oslo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
