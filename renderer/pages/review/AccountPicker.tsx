import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VismaAccountView } from '../../../shared/contract/engine-schemas';

/** At most this many matches are listed; typing narrows them. */
const SHOWN = 50;

/** The accounts whose number or name contains `text` (all when empty), by number. */
export function matchingAccounts(accounts: readonly VismaAccountView[], text: string): VismaAccountView[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return accounts.slice(0, SHOWN);
  return accounts
    .filter((a) => a.number.toLowerCase().includes(needle) || a.name.toLowerCase().includes(needle))
    .slice(0, SHOWN);
}

/** "3000 — Sales, services" */
export function accountText(account: VismaAccountView): string {
  return `${account.number} — ${account.name}`;
}

/**
 * Picks one active Visma account by number or name. Only listed accounts can be chosen (the list holds Visma's
 * active, non-control accounts), so an inactive or unknown number never gets through.
 */
export function AccountPicker(props: {
  label: string;
  accounts: readonly VismaAccountView[];
  value: string | null;
  onChange: (account: string | null) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const chosen = props.accounts.find((a) => a.number === props.value);
  const [text, setText] = useState(chosen ? accountText(chosen) : '');
  const shown = useMemo(
    () => matchingAccounts(props.accounts, chosen && text === accountText(chosen) ? '' : text),
    [props.accounts, text, chosen],
  );
  return (
    <Field label={props.label}>
      <Combobox
        value={text}
        placeholder={t('pages.review.detail.pickPlaceholder')}
        disabled={props.disabled}
        selectedOptions={props.value ? [props.value] : []}
        onChange={(e) => {
          setText(e.target.value);
          if (props.value) props.onChange(null);
        }}
        onOptionSelect={(_, data) => {
          const account = props.accounts.find((a) => a.number === data.optionValue);
          setText(account ? accountText(account) : '');
          props.onChange(account?.number ?? null);
        }}
      >
        {shown.length === 0 ? (
          <Option key="none" value="" disabled text={t('pages.review.detail.noAccount')}>
            {t('pages.review.detail.noAccount')}
          </Option>
        ) : (
          shown.map((a) => (
            <Option key={a.number} value={a.number} text={accountText(a)}>
              {accountText(a)}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
