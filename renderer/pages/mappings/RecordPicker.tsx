import { Combobox, Field, Option } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordKind, RecordView } from '../../../shared/contract/mapping-schemas';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { usePickerRecords } from '../../data/mappings';

/** "6540 Inventar og verktøy": a record by number and name, never a bare number when the name is known. */
export function recordText(key: string, name: string | null | undefined): string {
  return name ? `${key} ${name}` : key;
}

/** The number a picker's text stands for: the picked record's, else the first word typed. */
export function keyOfText(text: string, picked: RecordView | null): string {
  if (picked && text === recordText(picked.key, picked.name)) return picked.key;
  return text.trim().split(/\s+/)[0] ?? '';
}

/**
 * Picks a record by number or name from the master-data cache in main (searched there as you type). The list marks
 * inactive records and does not let them be picked; a number typed by hand is checked when the form is saved.
 */
export function RecordPicker(props: {
  profileId: string;
  kind: RecordKind;
  label: string;
  /** The number now chosen, with its name when known. */
  initial?: { key: string; name?: string | undefined } | undefined;
  required?: boolean;
  disabled?: boolean;
  error?: string | undefined;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initial ? recordText(props.initial.key, props.initial.name) : '');
  const [picked, setPicked] = useState<RecordView | null>(null);
  const search = useDebouncedValue(picked && text === recordText(picked.key, picked.name) ? '' : text, 200);
  const records = usePickerRecords(props.profileId, props.kind, search.trim());
  const shown = records.data?.records ?? [];
  return (
    <Field
      label={props.label}
      required={props.required}
      validationState={props.error ? 'error' : 'none'}
      validationMessage={props.error}
    >
      <Combobox
        freeform
        value={text}
        disabled={props.disabled}
        placeholder={t('pages.mappings.picker.placeholder')}
        onChange={(e) => {
          setText(e.target.value);
          setPicked(null);
          props.onChange(keyOfText(e.target.value, null));
        }}
        onOptionSelect={(_, data) => {
          const record = shown.find((r) => r.key === data.optionValue);
          if (!record) return;
          setPicked(record);
          setText(recordText(record.key, record.name));
          props.onChange(record.key);
        }}
      >
        {shown.length === 0 ? (
          <Option key="none" value="" disabled text={t('pages.mappings.picker.none')}>
            {t('pages.mappings.picker.none')}
          </Option>
        ) : (
          shown.map((r) => (
            <Option key={r.key} value={r.key} disabled={!r.active} text={recordText(r.key, r.name)}>
              {r.active
                ? recordText(r.key, r.name)
                : t('pages.mappings.picker.inactive', { record: recordText(r.key, r.name) })}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
