import { describe, expect, it } from 'vitest';
import { defaultClosePeriod } from '../../../shared/close-period';

const OSLO = 'Europe/Oslo';

describe('defaultClosePeriod', () => {
  it('stays on the previous month through the first five business days', () => {
    // June 2026 starts on a Monday: the fifth business day is Friday the 5th.
    expect(defaultClosePeriod(new Date('2026-06-01T08:00:00Z'), OSLO)).toBe('2026-05');
    expect(defaultClosePeriod(new Date('2026-06-05T20:00:00Z'), OSLO)).toBe('2026-05');
    expect(defaultClosePeriod(new Date('2026-06-06T08:00:00Z'), OSLO)).toBe('2026-06');
  });

  it('does not count weekend days as business days', () => {
    // August 2026 starts on a Saturday: business days are the 3rd to the 7th.
    expect(defaultClosePeriod(new Date('2026-08-07T12:00:00Z'), OSLO)).toBe('2026-07');
    expect(defaultClosePeriod(new Date('2026-08-08T12:00:00Z'), OSLO)).toBe('2026-08');
    // February 2026 starts on a Sunday: the fifth business day is Friday the 6th, the weekend after is February's.
    expect(defaultClosePeriod(new Date('2026-02-06T12:00:00Z'), OSLO)).toBe('2026-01');
    expect(defaultClosePeriod(new Date('2026-02-07T12:00:00Z'), OSLO)).toBe('2026-02');
  });

  it('goes back across the new year', () => {
    expect(defaultClosePeriod(new Date('2027-01-04T09:00:00Z'), OSLO)).toBe('2026-12');
  });

  it('reads the date in the profile’s time zone, not the machine’s', () => {
    // 23:30 UTC on 5 June is already 6 June in Oslo (the close is over there) but still 5 June in New York.
    const instant = new Date('2026-06-05T23:30:00Z');
    expect(defaultClosePeriod(instant, OSLO)).toBe('2026-06');
    expect(defaultClosePeriod(instant, 'America/New_York')).toBe('2026-05');
  });

  it('opens on the current month in the middle of it', () => {
    expect(defaultClosePeriod(new Date('2026-03-18T10:00:00Z'), OSLO)).toBe('2026-03');
  });
});
