import { describe, expect, it } from 'vitest';
import { localDate } from '../../../../shared/dates';
import { localDay } from '../../../../main/engine/reconcile/local-day';

const ZONES = [
  'Europe/Oslo',
  'UTC',
  'America/Santiago',
  'America/Havana',
  'America/St_Johns',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kathmandu',
  'Pacific/Kiritimati',
  'Pacific/Apia',
  'Africa/Monrovia',
];

describe('localDay', () => {
  it('gives the date localDate gives, across transitions, midnights and historical offsets', () => {
    const starts = [Date.UTC(1753, 0, 2), Date.UTC(1911, 0, 1), Date.UTC(2011, 11, 1), Date.UTC(2026, 0, 1)];
    const wrong: string[] = [];
    for (const timeZone of ZONES)
      for (const start of starts)
        for (let ms = start; ms < start + 370 * 86_400_000; ms += 41 * 60_000 + 13_001) {
          const instant = new Date(ms).toISOString();
          if (localDay(instant, timeZone) !== localDate(instant, timeZone))
            wrong.push(`${instant} ${timeZone}`);
        }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('reads the forms ServiceTitan writes and throws for what is no timestamp', () => {
    expect(localDay('2026-05-31T23:30:00+00:00', 'Europe/Oslo')).toBe('2026-06-01');
    expect(localDay('2026-05-31', 'America/Santiago')).toBe(localDate('2026-05-31', 'America/Santiago'));
    expect(() => localDay('', 'Europe/Oslo')).toThrow();
    expect(() => localDay('not a date', 'Europe/Oslo')).toThrow();
  });
});
