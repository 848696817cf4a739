import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../../renderer/i18n/format';
import { guessLocale } from '../../../../renderer/i18n/guess-locale';

/** Intl separates groups and currency with no-break spaces; compare with plain ones. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('locale formatting', () => {
  it('formats Norwegian numbers, kroner and dates the Norwegian way', () => {
    const nb = createFormatters('nb');
    expect(plain(nb.number(1234567))).toBe('1 234 567');
    expect(plain(nb.money('1234.50'))).toBe('1 234,50 kr');
    expect(plain(nb.money(-99.5))).toBe('−99,50 kr');
    expect(nb.date('2026-01-31')).toBe('31.01.2026');
    expect(nb.month(2026, 0)).toBe('januar 2026');
  });

  it('formats English the British way, with NOK as the default currency', () => {
    const en = createFormatters('en');
    expect(en.number(1234567)).toBe('1,234,567');
    expect(plain(en.money('1234.50'))).toBe('NOK 1,234.50');
    expect(en.money('10', 'EUR')).toBe('€10.00');
    expect(en.date('2026-01-31')).toBe('31/01/2026');
    expect(en.month(2026, 11)).toBe('December 2026');
  });

  it('formats Swedish, Danish and Finnish numbers, dates and months their own way', () => {
    const sv = createFormatters('sv');
    expect(plain(sv.number(1234567))).toBe('1 234 567');
    expect(plain(sv.money('1234.50', 'SEK'))).toBe('1 234,50 kr');
    expect(sv.date('2026-01-31')).toBe('2026-01-31');
    expect(sv.month(2026, 9)).toBe('oktober 2026');
    const da = createFormatters('da');
    expect(da.number(1234567)).toBe('1.234.567');
    expect(plain(da.money('1234.50', 'DKK'))).toBe('1.234,50 kr.');
    expect(da.date('2026-01-31')).toBe('31.01.2026');
    expect(da.month(2026, 9)).toBe('oktober 2026');
    const fi = createFormatters('fi');
    expect(plain(fi.number(1234567))).toBe('1 234 567');
    expect(plain(fi.money('1234.50', 'EUR'))).toBe('1 234,50 €');
    expect(fi.date('2026-01-31')).toBe('31.01.2026');
    expect(fi.month(2026, 9)).toBe('lokakuu 2026');
  });

  it('keeps every cent of a decimal string too long for a float', () => {
    expect(createFormatters('en').number('12345678901234567.25', 2)).toBe('12,345,678,901,234,567.25');
  });

  it('keeps each number format apart when the formatters are reused (each built once)', () => {
    const format = createFormatters('en');
    expect(format.number(1234.5, 2)).toBe('1,234.50');
    expect(format.number(1234.5, 0)).toBe('1,235');
    expect(format.number(1234.5)).toBe('1,234.5');
    expect(format.number(1234.5, 2)).toBe('1,234.50');
    expect(format.money('10', 'EUR')).toBe('€10.00');
    expect(format.money('10')).toBe(createFormatters('en').money('10'));
    expect(format.money('10')).toMatch(/^NOK\s10\.00$/);
    expect(format.duration(3_500)).toMatch(/^3\.5\ssecs?$/);
    expect(format.duration(125_000)).toMatch(/^2\smins?\s5\ssecs?$/);
  });

  it('reads a calendar date as that day wherever the machine is', () => {
    expect(createFormatters('nb').date('2026-03-01')).toBe('01.03.2026');
  });
});

describe('guessLocale', () => {
  it('picks the system language when the app has it, and English otherwise', () => {
    expect(guessLocale(['nb-NO', 'en'])).toBe('nb');
    expect(guessLocale(['no'])).toBe('nb');
    expect(guessLocale(['nn-NO'])).toBe('nb');
    expect(guessLocale(['sv-SE'])).toBe('sv');
    expect(guessLocale(['sv-FI', 'fi'])).toBe('sv');
    expect(guessLocale(['da'])).toBe('da');
    expect(guessLocale(['fi-FI'])).toBe('fi');
    expect(guessLocale(['de-DE', 'sv'])).toBe('en');
    expect(guessLocale(['en-US'])).toBe('en');
    expect(guessLocale([])).toBe('en');
  });
});
