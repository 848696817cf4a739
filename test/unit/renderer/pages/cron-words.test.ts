import { describe, expect, it } from 'vitest';
import { cronWords } from '../../../../renderer/pages/settings/cron-words';
import { choiceOf, cronShape, scheduleOf } from '../../../../renderer/pages/settings/schedule';

describe('schedules', () => {
  it('shows a stored schedule as its named choice, or as custom text', () => {
    expect(choiceOf(null)).toBe('manual');
    expect(choiceOf('*/15  * * * *')).toBe('every15');
    expect(choiceOf('0 6 * * 1-5')).toBe('weekdays6');
    expect(choiceOf('0 7 * * 1-5')).toBe('custom');
    expect(scheduleOf('hourly', 'ignored')).toBe('0 * * * *');
    expect(scheduleOf('custom', '  5 4  * * 0 ')).toBe('5 4 * * 0');
    expect(scheduleOf('manual', '5 4 * * 0')).toBeNull();
  });

  it('checks only the shape of a custom schedule; main checks the values', () => {
    expect(cronShape(' ')).toBe('empty');
    expect(cronShape('*/15 * * *')).toBe('fields');
    expect(cronShape('every day at six')).toBe('fields');
    expect(cronShape('0 6 * * MON-FRI')).toBe('ok');
  });

  it('reads the common shapes in words, in both languages', () => {
    expect(cronWords('* * * * *', 'en')).toEqual({ kind: 'everyMinutes', count: 1 });
    expect(cronWords('*/15 * * * *', 'en')).toEqual({ kind: 'everyMinutes', count: 15 });
    expect(cronWords('0 * * * *', 'en')).toEqual({ kind: 'hourly' });
    expect(cronWords('5 * * * *', 'en')).toEqual({ kind: 'hourlyAt', minute: '05' });
    expect(cronWords('0 */2 * * *', 'en')).toEqual({ kind: 'everyHours', count: 2, minute: '00' });
    expect(cronWords('30 7 * * *', 'en')).toEqual({ kind: 'daily', time: '07:30' });
    expect(cronWords('0 6 * * 1-5', 'nb')).toEqual({ kind: 'weekdays', time: '06:00' });
    expect(cronWords('0 18 * * 0,6', 'en')).toEqual({
      kind: 'onDays',
      days: 'Saturday and Sunday',
      time: '18:00',
    });
    expect(cronWords('0 18 * * 7,1', 'nb')).toEqual({
      kind: 'onDays',
      days: 'mandag og søndag',
      time: '18:00',
    });
    expect(cronWords('0 5 1 * *', 'en')).toEqual({ kind: 'monthly', day: 1, time: '05:00' });
    expect(cronWords('0 5 1 1 *', 'en')).toBeNull();
    expect(cronWords('0 5 * * MON', 'en')).toBeNull();
  });
});
