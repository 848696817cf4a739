import { useId } from 'react';
import {
  Caption1,
  Checkbox,
  Field,
  Input,
  Label,
  Radio,
  RadioGroup,
  Switch,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ProfileSettingsView } from '../../../shared/contract/engine-schemas';
import type { SyncBinding } from './sync-binding';
import { invoiceStatuses, type SyncForm } from './sync-form';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  account: { maxWidth: '240px' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  hint: { color: tokens.colorNeutralForeground3 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const SupplierChoice = ProfileSettingsView.shape.suppliersToServiceTitan;

type SwitchName =
  | 'releaseHoldingDocuments'
  | 'postIntoFirstOpenPeriod'
  | 'markExported'
  | 'createCustomers'
  | 'createSuppliers';

/** Every on/off posting setting, in the order the form shows them. */
const switches: readonly SwitchName[] = [
  'releaseHoldingDocuments',
  'postIntoFirstOpenPeriod',
  'markExported',
  'createCustomers',
  'createSuppliers',
];

function StatusChecks({ binding }: { binding: SyncBinding }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labelId = useId();
  const hintId = useId();
  const { form, errors, set } = binding;
  const error = errors.eligibleInvoiceStatuses;
  return (
    <div className={styles.group} role="group" aria-labelledby={labelId} aria-describedby={hintId}>
      <Label id={labelId}>{t('settings.sync.statuses')}</Label>
      <div className={styles.checks}>
        {invoiceStatuses.map((status) => (
          <Checkbox
            key={status}
            label={t(`settings.sync.status.${status}`)}
            checked={form.eligibleInvoiceStatuses.includes(status)}
            disabled={binding.disabled}
            onChange={(_, data) =>
              set({
                eligibleInvoiceStatuses: data.checked
                  ? [...form.eligibleInvoiceStatuses, status]
                  : form.eligibleInvoiceStatuses.filter((s) => s !== status),
              })
            }
          />
        ))}
      </div>
      <Caption1 id={hintId} className={styles.hint}>
        {t('settings.sync.statusesHint')}
      </Caption1>
      {error && (
        <Text role="alert" size={200} className={styles.error}>
          {error}
        </Text>
      )}
    </div>
  );
}

/** What the sync posts and how: holding account, the posting switches, invoice statuses, new suppliers. */
export function PostingFields({ binding }: { binding: SyncBinding }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { form, errors, set, disabled } = binding;
  return (
    <div className={styles.fields}>
      <Field
        label={t('settings.sync.holdingAccount')}
        hint={t('settings.sync.holdingAccountHint')}
        validationState={errors.holdingAccount ? 'error' : 'none'}
        validationMessage={errors.holdingAccount}
      >
        <Input
          className={styles.account}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          placeholder={t('settings.sync.holdingAccountPlaceholder')}
          value={form.holdingAccount}
          maxLength={30}
          onChange={(_, data) => set({ holdingAccount: data.value })}
        />
      </Field>
      {switches.map((name) => (
        <Field key={name} hint={t(`settings.sync.${name}Hint`)}>
          <Switch
            label={t(`settings.sync.${name}`)}
            checked={form[name]}
            disabled={disabled}
            onChange={(_, data) => {
              const patch: Partial<SyncForm> = {};
              patch[name] = data.checked;
              set(patch);
            }}
          />
        </Field>
      ))}
      <StatusChecks binding={binding} />
      <Field
        label={t('settings.sync.suppliersToServiceTitan')}
        hint={t('settings.sync.suppliersToServiceTitanHint')}
      >
        <RadioGroup
          value={form.suppliersToServiceTitan}
          disabled={disabled}
          onChange={(_, data) => set({ suppliersToServiceTitan: SupplierChoice.parse(data.value) })}
        >
          {SupplierChoice.options.map((option) => (
            <Radio key={option} value={option} label={t(`settings.sync.suppliers.${option}`)} />
          ))}
        </RadioGroup>
      </Field>
    </div>
  );
}
