import { useMemo } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Field,
  Radio,
  RadioGroup,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ST_HOSTS, VISMA_HOSTS } from '../../../shared/profile-config';
import { FormText, type FormBinding } from './FormText';
import { suggestId } from './profile-form';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  advanced: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The zones this runtime knows, with the chosen one first when it is not in the list. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes(current) ? zones : [current, ...zones];
  }, [current]);
}

/** Step 1: the profile's name, its id (proposed from the name, fixed once saved) and the time zone of its books. */
export function ProfileStep({ binding, creating }: { binding: FormBinding; creating: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { form, set, errors } = binding;
  const zones = useTimeZones(form.timeZone);
  return (
    <div className={styles.fields}>
      <FormText
        binding={{
          ...binding,
          set: (patch) =>
            set(
              creating && patch.name !== undefined && form.id === suggestId(form.name)
                ? { ...patch, id: suggestId(patch.name) }
                : patch,
            ),
        }}
        field="name"
        label={t('settings.setup.name')}
        hint={t('settings.setup.nameHint')}
        required
      />
      <FormText
        binding={binding}
        field="id"
        label={t('settings.setup.id')}
        hint={creating ? t('settings.setup.idHint') : t('settings.setup.idFixed')}
        required
        disabled={!creating}
      />
      <Field
        label={t('settings.setup.timeZone')}
        hint={t('settings.setup.timeZoneHint')}
        required
        validationState={errors.timeZone ? 'error' : 'none'}
        validationMessage={errors.timeZone ? t(`settings.setup.error.${errors.timeZone}`) : undefined}
      >
        <Select value={form.timeZone} onChange={(_, data) => set({ timeZone: data.value })}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, ' ')}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** The custom addresses start open when one is set (a stored custom address must not go unnoticed). */
function openWhenSet(...urls: string[]): string[] {
  return urls.some((u) => u.trim()) ? ['advanced'] : [];
}

/** The hint under a secret field: what to enter when creating, that blank keeps the stored one when editing. */
function useSecretHint(creating: boolean): string {
  const { t } = useTranslation();
  return creating ? t('settings.setup.secretHint') : t('settings.setup.secretKeepHint');
}

/** Step 2: which ServiceTitan environment, the tenant and the app's credentials; custom URLs tucked away. */
export function ServiceTitanStep({ binding, creating }: { binding: FormBinding; creating: boolean }) {
  const { t } = useTranslation();
  const secretHint = useSecretHint(creating);
  const styles = useStyles();
  const { form, set } = binding;
  const hosts = ST_HOSTS[form.stEnvironment];
  return (
    <div className={styles.fields}>
      <Field label={t('settings.setup.stEnvironment')} hint={t('settings.setup.stEnvironmentHint')}>
        <RadioGroup
          value={form.stEnvironment}
          layout="horizontal"
          onChange={(_, data) =>
            set({ stEnvironment: data.value === 'production' ? 'production' : 'integration' })
          }
        >
          <Radio value="integration" label={t('environment.st.integration')} />
          <Radio value="production" label={t('environment.st.production')} />
        </RadioGroup>
      </Field>
      <FormText
        binding={binding}
        field="stTenantId"
        label={t('settings.setup.stTenantId')}
        hint={t('settings.setup.stTenantIdHint')}
        required
      />
      <FormText binding={binding} field="stClientId" label={t('settings.setup.clientId')} required />
      <FormText
        binding={binding}
        field="stClientSecret"
        label={t('settings.credentials.kind.stClientSecret')}
        hint={secretHint}
        required={creating}
        secret
      />
      <FormText
        binding={binding}
        field="stAppKey"
        label={t('settings.credentials.kind.stAppKey')}
        hint={secretHint}
        required={creating}
        secret
      />
      <Accordion collapsible defaultOpenItems={openWhenSet(form.stAuthUrl, form.stApiBaseUrl)}>
        <AccordionItem value="advanced">
          <AccordionHeader>{t('settings.setup.advanced')}</AccordionHeader>
          <AccordionPanel className={styles.advanced}>
            <FormText
              binding={binding}
              field="stAuthUrl"
              label={t('settings.setup.authUrl')}
              placeholder={hosts.authUrl}
              hint={t('settings.setup.urlHint')}
            />
            <FormText
              binding={binding}
              field="stApiBaseUrl"
              label={t('settings.setup.apiBaseUrl')}
              placeholder={hosts.apiBaseUrl}
              hint={t('settings.setup.urlHint')}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}

/** Step 3: which Visma company (and whether it holds real books), the company tenant and the client credentials. */
export function VismaStep({ binding, creating }: { binding: FormBinding; creating: boolean }) {
  const { t } = useTranslation();
  const secretHint = useSecretHint(creating);
  const styles = useStyles();
  const { form, set } = binding;
  return (
    <div className={styles.fields}>
      <Field label={t('settings.setup.vismaEnvironment')} hint={t('settings.setup.vismaEnvironmentHint')}>
        <RadioGroup
          value={form.vismaEnvironment}
          layout="horizontal"
          onChange={(_, data) =>
            set({ vismaEnvironment: data.value === 'production' ? 'production' : 'sandbox' })
          }
        >
          <Radio value="sandbox" label={t('settings.setup.vismaSandbox')} />
          <Radio value="production" label={t('settings.setup.vismaProduction')} />
        </RadioGroup>
      </Field>
      <FormText
        binding={binding}
        field="vismaTenantId"
        label={t('settings.setup.vismaTenantId')}
        hint={t('settings.setup.vismaTenantIdHint')}
        required
      />
      <FormText
        binding={binding}
        field="vismaCompanyId"
        label={t('settings.setup.vismaCompanyId')}
        required
      />
      <FormText
        binding={binding}
        field="vismaCompanyName"
        label={t('settings.setup.vismaCompanyName')}
        hint={t('settings.setup.vismaCompanyNameHint')}
      />
      <FormText binding={binding} field="vismaClientId" label={t('settings.setup.clientId')} required />
      <FormText
        binding={binding}
        field="vismaClientSecret"
        label={t('settings.credentials.kind.vismaClientSecret')}
        hint={secretHint}
        required={creating}
        secret
      />
      <Accordion collapsible defaultOpenItems={openWhenSet(form.vismaTokenUrl, form.vismaApiBaseUrl)}>
        <AccordionItem value="advanced">
          <AccordionHeader>{t('settings.setup.advanced')}</AccordionHeader>
          <AccordionPanel className={styles.advanced}>
            <FormText
              binding={binding}
              field="vismaTokenUrl"
              label={t('settings.setup.tokenUrl')}
              placeholder={VISMA_HOSTS.tokenUrl}
              hint={t('settings.setup.urlHint')}
            />
            <FormText
              binding={binding}
              field="vismaApiBaseUrl"
              label={t('settings.setup.apiBaseUrl')}
              placeholder={VISMA_HOSTS.apiBaseUrl}
              hint={t('settings.setup.urlHint')}
            />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
