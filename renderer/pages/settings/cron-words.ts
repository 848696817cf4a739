import { intlLocale } from '../../i18n/format';
import type { Locale } from '../../../shared/contract/schemas';
import { normalize } from './schedule';

/** A cron expression said in words: which sentence, with what filled in. `null` when it has no simple reading. */
export type CronWords =
  | { kind: 'everyMinutes'; count: number }
  | { kind: 'hourly' }
  | { kind: 'hourlyAt'; minute: string }
  | { kind: 'everyHours'; count: number; minute: string }
  | { kind: 'daily'; time: string }
  | { kind: 'weekdays'; time: string }
  | { kind: 'onDays'; days: string; time: string }
  | { kind: 'monthly'; day: number; time: string };

const NUMBER = /^\d{1,2}$/;
const EVERY = /^\*\/(\d{1,2})$/;
const DAYS = /^[0-7](?:-[0-7])?(?:,[0-7](?:-[0-7])?)*$/;

/** Day numbers 0–7 (0 and 7 are Sunday) of a list like `1,3-5`, Monday first, without repeats. */
function dayNumbers(field: string): number[] {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [from, to = from] = part.split('-').map(Number) as [number, number?];
    for (let d = from; d <= to; d++) days.add(d % 7);
  }
  return [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
}

function dayNames(days: number[], locale: Locale): string {
  const tag = intlLocale[locale];
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' });
  // 7 January 2024 was a Sunday, day 0.
  const names = days.map((d) => weekday.format(new Date(Date.UTC(2024, 0, 7 + d))));
  return new Intl.ListFormat(tag, { type: 'conjunction' }).format(names);
}

function clock(hour: number, minute: number, locale: Locale): string {
  const format = new Intl.DateTimeFormat(intlLocale[locale], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
  return format.format(new Date(Date.UTC(2024, 0, 1, hour, minute)));
}

/** Reads the common shapes of a five-field cron expression (every N minutes, daily at, weekdays at…). */
export function cronWords(expression: string, locale: Locale): CronWords | null {
  const fields = normalize(expression).split(' ');
  if (fields.length !== 5) return null;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (month !== '*') return null;
  const everyMinutes = EVERY.exec(minute);
  if (hour === '*' && dayOfMonth === '*' && dayOfWeek === '*') {
    if (minute === '*') return { kind: 'everyMinutes', count: 1 };
    if (everyMinutes && Number(everyMinutes[1]) > 0)
      return { kind: 'everyMinutes', count: Number(everyMinutes[1]) };
  }
  if (!NUMBER.test(minute) || Number(minute) > 59) return null;
  const minuteText = minute.padStart(2, '0');
  if (dayOfMonth !== '*' && dayOfWeek !== '*') return null;
  if (hour === '*' && dayOfMonth === '*' && dayOfWeek === '*')
    return Number(minute) === 0 ? { kind: 'hourly' } : { kind: 'hourlyAt', minute: minuteText };
  const everyHours = EVERY.exec(hour);
  if (everyHours && Number(everyHours[1]) > 0 && dayOfMonth === '*' && dayOfWeek === '*')
    return { kind: 'everyHours', count: Number(everyHours[1]), minute: minuteText };
  if (!NUMBER.test(hour) || Number(hour) > 23) return null;
  const time = clock(Number(hour), Number(minute), locale);
  if (dayOfMonth === '*' && dayOfWeek === '*') return { kind: 'daily', time };
  if (dayOfWeek === '1-5') return { kind: 'weekdays', time };
  const days = DAYS.test(dayOfWeek) ? dayNumbers(dayOfWeek) : [];
  if (days.length > 0) return { kind: 'onDays', days: dayNames(days, locale), time };
  if (NUMBER.test(dayOfMonth) && Number(dayOfMonth) >= 1 && Number(dayOfMonth) <= 31)
    return { kind: 'monthly', day: Number(dayOfMonth), time };
  return null;
}
