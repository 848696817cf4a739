import { useMemo } from 'react';
import { DayOfWeek, FirstWeekOfYear, type CalendarStrings } from '@fluentui/react-calendar-compat';
import { DatePicker } from '@fluentui/react-datepicker-compat';
import { makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../shared/contract/schemas';
import { intlLocale } from '../../i18n/format';
import { calendarNames, formatLocalDate, fromIsoDay, parseLocalDate, toIsoDay } from './local-dates';

// Fluent fills `{0}` in these texts itself (the week number, the date).
const FLUENT_SLOT = { value: '{0}' };

// The month picker shows whole month names (see `calendarNames`): its buttons are widened to hold them.
const MONTH_BUTTON = '72px';
const useStyles = makeStyles({
  calendar: {
    width: 'auto',
    '& .fui-CalendarPicker': { width: `calc(4 * ${MONTH_BUTTON} + 3 * 4px)` },
    '& .fui-CalendarPicker__itemButton': {
      width: MONTH_BUTTON,
      minWidth: MONTH_BUTTON,
      marginRight: '4px',
      '&:nth-child(4n + 4)': { marginRight: 0 },
    },
  },
});

/**
 * A date field in the app's language, not the browser's: the calendar's months, weekdays and buttons, the typed
 * format ("24.12.2026") and the week numbers follow the chosen UI language; weeks start on Monday. Values are
 * `yyyy-MM-dd` ('' for none), as the native date input gave them.
 */
export function LocalDateField(props: {
  value: string;
  onChange: (day: string) => void;
  min?: string;
  max?: string;
}) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const locale = intlLocale[i18n.language as Locale] ?? intlLocale.en;
  const strings = useMemo<CalendarStrings>(
    () => ({
      ...calendarNames(locale),
      goToToday: t('components.dateField.goToToday'),
      prevMonthAriaLabel: t('components.dateField.previousMonth'),
      nextMonthAriaLabel: t('components.dateField.nextMonth'),
      prevYearAriaLabel: t('components.dateField.previousYear'),
      nextYearAriaLabel: t('components.dateField.nextYear'),
      prevYearRangeAriaLabel: t('components.dateField.previousYears'),
      nextYearRangeAriaLabel: t('components.dateField.nextYears'),
      closeButtonAriaLabel: t('components.dateField.close'),
      weekNumberFormatString: t('components.dateField.weekNumber', FLUENT_SLOT),
      selectedDateFormatString: t('components.dateField.selected', FLUENT_SLOT),
      todayDateFormatString: t('components.dateField.today', FLUENT_SLOT),
    }),
    [locale, t],
  );
  return (
    <DatePicker
      value={fromIsoDay(props.value)}
      onSelectDate={(date) => props.onChange(toIsoDay(date))}
      formatDate={(date) => (date ? formatLocalDate(date, locale) : '')}
      parseDateFromString={(text) => parseLocalDate(text, locale)}
      allowTextInput
      strings={strings}
      placeholder={t('components.dateField.placeholder')}
      firstDayOfWeek={DayOfWeek.Monday}
      firstWeekOfYear={FirstWeekOfYear.FirstFourDayWeek}
      showWeekNumbers
      calendar={{ className: styles.calendar }}
      minDate={props.min ? (fromIsoDay(props.min) ?? undefined) : undefined}
      maxDate={props.max ? (fromIsoDay(props.max) ?? undefined) : undefined}
    />
  );
}
