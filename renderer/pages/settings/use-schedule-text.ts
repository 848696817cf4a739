import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/use-format';
import { cronWords } from './cron-words';

/**
 * Says a schedule in words in the UI language: "Runs every 15 minutes.", "Runs Monday to Friday at 06:00."…
 * An expression with no simple reading is quoted as it is.
 */
export function useScheduleText(): (schedule: string | null) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return useCallback(
    (schedule: string | null) => {
      if (schedule === null) return t('settings.sync.words.manual');
      const words = cronWords(schedule, locale);
      switch (words?.kind) {
        case 'everyMinutes':
          return t('settings.sync.words.everyMinutes', { count: words.count });
        case 'hourly':
          return t('settings.sync.words.hourly');
        case 'hourlyAt':
          return t('settings.sync.words.hourlyAt', { minute: words.minute });
        case 'everyHours':
          return t('settings.sync.words.everyHours', { count: words.count, minute: words.minute });
        case 'daily':
          return t('settings.sync.words.daily', { time: words.time });
        case 'weekdays':
          return t('settings.sync.words.weekdays', { time: words.time });
        case 'onDays':
          return t('settings.sync.words.onDays', { days: words.days, time: words.time });
        case 'monthly':
          return t('settings.sync.words.monthly', { day: words.day, time: words.time });
        default:
          return t('settings.sync.words.custom', { expression: schedule });
      }
    },
    [t, locale],
  );
}
