import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons/svg/search';
import { useTranslation } from 'react-i18next';
import { LocalDateField } from '../../components/date-field/LocalDateField';
import { OUTCOMES } from '../../i18n/codes';
import { useCodeLabels } from '../../i18n/use-code-labels';

/** What the user typed and picked (dates as `yyyy-MM-dd`, empty for "any"). */
export interface AuditFilterInput {
  search: string;
  outcome: string;
  from: string;
  to: string;
}

/** No filter. */
export const NO_FILTER: AuditFilterInput = { search: '', outcome: '', from: '', to: '' };

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  search: { flexGrow: 1, minWidth: '240px' },
});

/** Search box, outcome and date range of the audit log. */
export function AuditFilters(props: {
  value: AuditFilterInput;
  onChange: (value: AuditFilterInput) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const set = (patch: Partial<AuditFilterInput>) => props.onChange({ ...props.value, ...patch });
  return (
    <div className={styles.root} role="search">
      <Field label={t('pages.audit.search')} className={styles.search}>
        <Input
          type="search"
          contentBefore={<SearchRegular />}
          placeholder={t('pages.audit.searchPlaceholder')}
          value={props.value.search}
          maxLength={200}
          onChange={(_, data) => set({ search: data.value })}
        />
      </Field>
      <Field label={t('pages.audit.outcome')}>
        <Select value={props.value.outcome} onChange={(_, data) => set({ outcome: data.value })}>
          <option value="">{t('pages.audit.anyOutcome')}</option>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {codes.outcome(o)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('pages.audit.from')}>
        <LocalDateField
          value={props.value.from}
          max={props.value.to || undefined}
          onChange={(from) => set({ from })}
        />
      </Field>
      <Field label={t('pages.audit.to')}>
        <LocalDateField
          value={props.value.to}
          min={props.value.from || undefined}
          onChange={(to) => set({ to })}
        />
      </Field>
    </div>
  );
}
