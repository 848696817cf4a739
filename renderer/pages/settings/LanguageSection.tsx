import { Caption1, Field, Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Locale } from '../../../shared/contract/schemas';
import { useErrorText } from '../../components/use-error-text';
import { useSetLocale } from '../../data/settings';
import { useFormat, useLocale } from '../../i18n/use-format';
import { SettingsSection } from './SettingsSection';

/** Each language named in itself, so a reader finds their own whatever the current language is. */
const languageNames: Record<Locale, string> = {
  en: 'English',
  nb: 'Norsk (bokmål)',
  sv: 'Svenska',
  da: 'Dansk',
  fi: 'Suomi',
};

/** A fixed example so the preview reads the same every day: an amount with cents, and a month-end date. */
const SAMPLE = { number: 1234567, amount: '1234.50', date: '2026-01-31' } as const;

const useStyles = makeStyles({
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Chooses the UI language; saved through main so the next start opens in it. Shows how numbers will look. */
export function LanguageSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const locale = useLocale();
  const format = useFormat();
  const setLocale = useSetLocale();
  const errorText = useErrorText();
  const shownLocale = setLocale.isPending ? setLocale.variables : locale;
  return (
    <SettingsSection title={t('settings.language.heading')}>
      <Field label={t('settings.language.label')}>
        <RadioGroup
          value={shownLocale}
          disabled={setLocale.isPending}
          onChange={(_, data) => setLocale.mutate(Locale.parse(data.value))}
        >
          {Locale.options.map((option) => (
            <Radio key={option} value={option} label={languageNames[option]} lang={option} />
          ))}
        </RadioGroup>
      </Field>
      {setLocale.isError && (
        <Text role="alert" className={styles.error}>
          {t('settings.language.saveFailed', { message: errorText(setLocale.error) })}
        </Text>
      )}
      <div className={styles.preview}>
        <Caption1>{t('settings.language.preview')}</Caption1>
        <Text data-testid="format-preview">
          {[format.number(SAMPLE.number), format.money(SAMPLE.amount), format.date(SAMPLE.date)].join(
            '   ·   ',
          )}
        </Text>
      </div>
    </SettingsSection>
  );
}
