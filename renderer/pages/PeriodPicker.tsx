import { useId, useMemo } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/use-format';
import { recentPeriods, type ReconPeriod } from './period';

/** Picks a period among the last thirteen months, named the way the UI language names months. */
export function PeriodPicker(props: { value: ReconPeriod; onChange: (period: ReconPeriod) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const options = useMemo(() => recentPeriods(new Date()), []);
  return (
    <Field label={t('pages.reconciliation.period')}>
      <Select id={id} value={props.value} onChange={(_, data) => props.onChange(data.value as ReconPeriod)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {format.month(o.year, o.monthIndex)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
