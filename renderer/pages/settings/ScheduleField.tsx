import {
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CalendarClock20Regular } from '@fluentui/react-icons/svg/calendar-clock';
import { useTranslation } from 'react-i18next';
import type { SyncBinding } from './sync-binding';
import { cronShape, scheduleChoices, scheduleOf } from './schedule';
import { useScheduleText } from './use-schedule-text';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  cron: { maxWidth: '320px', fontFamily: tokens.fontFamilyMonospace },
  words: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { display: 'flex', color: tokens.colorBrandForeground1 },
  note: { color: tokens.colorNeutralForeground3 },
});

/** When the profile syncs: manual only, a named schedule, or a custom cron expression, always said in words. */
export function ScheduleField({ binding, timeZone }: { binding: SyncBinding; timeZone: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const describe = useScheduleText();
  const { form, errors, set, disabled } = binding;
  const custom = form.scheduleChoice === 'custom';
  const readable = !custom || cronShape(form.customSchedule) === 'ok';
  return (
    <div className={styles.root}>
      <Field label={t('settings.sync.schedule')}>
        <RadioGroup
          value={form.scheduleChoice}
          disabled={disabled}
          onChange={(_, data) => {
            const choice = scheduleChoices.find((c) => c === data.value);
            if (choice) set({ scheduleChoice: choice });
          }}
        >
          {scheduleChoices.map((choice) => (
            <Radio key={choice} value={choice} label={t(`settings.sync.scheduleChoice.${choice}`)} />
          ))}
        </RadioGroup>
      </Field>
      {custom && (
        <Field
          label={t('settings.sync.customSchedule')}
          hint={t('settings.sync.customScheduleHint')}
          required
          validationState={errors.customSchedule ? 'error' : 'none'}
          validationMessage={errors.customSchedule}
        >
          <Input
            className={styles.cron}
            autoComplete="off"
            spellCheck={false}
            disabled={disabled}
            placeholder="*/15 * * * *"
            value={form.customSchedule}
            maxLength={100}
            onChange={(_, data) => set({ customSchedule: data.value })}
          />
        </Field>
      )}
      {readable && (
        <div className={styles.words} aria-live="polite">
          <span className={styles.icon} aria-hidden="true">
            <CalendarClock20Regular />
          </span>
          <Text data-testid="schedule-words">
            {describe(scheduleOf(form.scheduleChoice, form.customSchedule))}
          </Text>
        </div>
      )}
      <Caption1 className={styles.note}>{t('settings.sync.scheduleNote', { timeZone })}</Caption1>
    </div>
  );
}
