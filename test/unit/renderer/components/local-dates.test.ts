import { describe, expect, it } from 'vitest';
import {
  calendarNames,
  datePartOrder,
  formatLocalDate,
  fromIsoDay,
  parseLocalDate,
  toIsoDay,
} from '../../../../renderer/components/date-field/local-dates';

const christmasEve = new Date(2026, 11, 24);

describe('dates as each UI language writes them', () => {
  it("writes a date with digits in the locale's order", () => {
    expect(formatLocalDate(christmasEve, 'nb-NO')).toBe('24.12.2026');
    expect(formatLocalDate(christmasEve, 'en-GB')).toBe('24/12/2026');
    expect(formatLocalDate(christmasEve, 'sv-SE')).toBe('2026-12-24');
    expect(formatLocalDate(christmasEve, 'da-DK')).toBe('24.12.2026');
    expect(formatLocalDate(christmasEve, 'fi-FI')).toBe('24.12.2026');
    expect(datePartOrder('sv-SE')).toEqual(['year', 'month', 'day']);
  });

  it("reads typed dates in the locale's order, with any separator, and ISO dates everywhere", () => {
    for (const [text, locale] of [
      ['24.12.2026', 'nb-NO'],
      ['24/12/2026', 'en-GB'],
      ['24 12 2026', 'da-DK'],
      ['2026-12-24', 'sv-SE'],
      ['2026-12-24', 'nb-NO'],
      ['24.12.2026', 'fi-FI'],
    ] as const) {
      expect(toIsoDay(parseLocalDate(text, locale))).toBe('2026-12-24');
    }
  });

  it('refuses what is no real date', () => {
    for (const text of ['31.02.2026', '24.13.2026', '24.12', 'tomorrow', '', '24.12.26']) {
      expect(parseLocalDate(text, 'nb-NO')).toBeNull();
    }
  });

  it('names months and weekdays in the language, weekdays from Sunday', () => {
    const nb = calendarNames('nb-NO');
    expect(nb.months[9]).toBe('oktober');
    expect(nb.days[0]).toBe('søndag');
    expect(calendarNames('fi-FI').months[0]).toBe('tammikuu');
    expect(calendarNames('sv-SE').shortDays).toHaveLength(7);
  });

  it('turns yyyy-MM-dd into a local date and back, empty and malformed as none', () => {
    expect(toIsoDay(fromIsoDay('2026-02-28'))).toBe('2026-02-28');
    expect(fromIsoDay('')).toBeNull();
    expect(fromIsoDay('2026-2-28')).toBeNull();
    expect(toIsoDay(null)).toBe('');
  });
});
