import { useId, useState } from 'react';
import {
  Badge,
  Button,
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
import { CheckmarkCircle16Filled } from '@fluentui/react-icons/svg/checkmark-circle';
import { Circle16Regular } from '@fluentui/react-icons/svg/circle';
import { Globe20Regular } from '@fluentui/react-icons/svg/globe';
import { useTranslation } from 'react-i18next';
import { ProfileSettingsView } from '../../../shared/contract/engine-schemas';
import { ReplaceSecretDialog } from './ReplaceSecretDialog';
import { SettingsSubsection } from './SettingsSubsection';
import type { SyncBinding } from './sync-binding';
import { useSecretRule } from './secret-rules';

const useStyles = makeStyles({
  short: { maxWidth: '160px' },
  header: { maxWidth: '320px', fontFamily: tokens.fontFamilyMonospace },
  key: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  status: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  running: { color: tokens.colorPaletteGreenForeground1, display: 'flex' },
  url: { fontFamily: tokens.fontFamilyMonospace },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  saved: { color: tokens.colorPaletteGreenForeground1 },
});

const Encoding = ProfileSettingsView.shape.webhook.shape.signatureEncoding;

/** Whether the receiver runs, and if not, why (only said when webhooks are on). */
function ReceiverStatus({ saved }: { saved: ProfileSettingsView['webhook'] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (saved.listeningOn) {
    return (
      <div className={styles.status} data-testid="webhook-status">
        <span className={styles.running} aria-hidden="true">
          <Globe20Regular />
        </span>
        <Text>
          {t('settings.webhooks.listening')} <span className={styles.url}>{saved.listeningOn}</span>
        </Text>
      </div>
    );
  }
  if (!saved.enabled) return <Text data-testid="webhook-status">{t('settings.webhooks.off')}</Text>;
  return (
    <Text className={styles.warning} data-testid="webhook-status">
      {saved.hmacKeySet ? t('settings.webhooks.notRunning') : t('settings.webhooks.noKey')}
    </Text>
  );
}

/** The signing key's status, and the dialog that sets it (the value goes to the keychain, never back). */
function SigningKey({ profileId, keySet }: { profileId: string; keySet: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const ruleOf = useSecretRule();
  const labelId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const label = t('settings.webhooks.key');
  return (
    <div className={styles.key} role="group" aria-labelledby={labelId}>
      <Label id={labelId}>{label}</Label>
      <Badge
        appearance="tint"
        color={keySet ? 'success' : 'subtle'}
        icon={keySet ? <CheckmarkCircle16Filled /> : <Circle16Regular />}
      >
        {keySet ? t('settings.credentials.set') : t('settings.credentials.notSet')}
      </Badge>
      <Button
        onClick={() => {
          setSaved(false);
          setEditing(true);
        }}
      >
        {keySet ? t('settings.webhooks.replaceKey') : t('settings.webhooks.setKey')}
      </Button>
      <span aria-live="polite">
        {saved && <Text className={styles.saved}>{t('settings.credentials.saved', { name: label })}</Text>}
      </span>
      {editing && (
        <ReplaceSecretDialog
          profileId={profileId}
          kind="webhook.hmacKey"
          label={label}
          rule={ruleOf('webhook.hmacKey')}
          onClose={(done) => {
            setSaved(done);
            setEditing(false);
          }}
        />
      )}
    </div>
  );
}

/**
 * The optional ServiceTitan webhook receiver: on/off, port, how the signature arrives, the signing key, and where
 * it listens. Polling keeps running whatever is chosen here.
 */
export function WebhookFields(props: {
  binding: SyncBinding;
  profileId: string;
  saved: ProfileSettingsView['webhook'];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { form, errors, set, disabled } = props.binding;
  return (
    <SettingsSubsection
      title={t('settings.webhooks.heading')}
      description={t('settings.webhooks.description')}
    >
      <Switch
        label={t('settings.webhooks.enabled')}
        checked={form.webhookEnabled}
        disabled={disabled}
        onChange={(_, data) => set({ webhookEnabled: data.checked })}
      />
      <Field
        label={t('settings.webhooks.port')}
        hint={t('settings.webhooks.portHint')}
        validationState={errors.webhookPort ? 'error' : 'none'}
        validationMessage={errors.webhookPort}
      >
        <Input
          className={styles.short}
          inputMode="numeric"
          autoComplete="off"
          disabled={disabled}
          value={form.webhookPort}
          maxLength={5}
          onChange={(_, data) => set({ webhookPort: data.value })}
        />
      </Field>
      <Field
        label={t('settings.webhooks.header')}
        hint={t('settings.webhooks.headerHint')}
        validationState={errors.signatureHeader ? 'error' : 'none'}
        validationMessage={errors.signatureHeader}
      >
        <Input
          className={styles.header}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          value={form.signatureHeader}
          maxLength={100}
          onChange={(_, data) => set({ signatureHeader: data.value })}
        />
      </Field>
      <Field label={t('settings.webhooks.encoding')}>
        <RadioGroup
          layout="horizontal"
          value={form.signatureEncoding}
          disabled={disabled}
          onChange={(_, data) => set({ signatureEncoding: Encoding.parse(data.value) })}
        >
          {Encoding.options.map((option) => (
            <Radio key={option} value={option} label={t(`settings.webhooks.encodings.${option}`)} />
          ))}
        </RadioGroup>
      </Field>
      <SigningKey profileId={props.profileId} keySet={props.saved.hmacKeySet} />
      <ReceiverStatus saved={props.saved} />
    </SettingsSubsection>
  );
}
