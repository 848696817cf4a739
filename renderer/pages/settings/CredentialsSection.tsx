import { useState } from 'react';
import { Badge, Body1, Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled } from '@fluentui/react-icons/svg/checkmark-circle';
import { Circle16Regular } from '@fluentui/react-icons/svg/circle';
import { Key20Regular } from '@fluentui/react-icons/svg/key';
import { useTranslation } from 'react-i18next';
import { SecretKind, type ProfileSummary } from '../../../shared/contract/schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useActiveProfile } from '../../data/profiles';
import { useSecretsStatus } from '../../data/secrets';
import { ReplaceSecretDialog } from './ReplaceSecretDialog';
import { SettingsSection } from './SettingsSection';
import { secretLabelKey } from './secret-labels';
import { useSecretRule } from './secret-rules';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr auto auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  icon: { display: 'flex', color: tokens.colorNeutralForeground3 },
  saved: { color: tokens.colorPaletteGreenForeground1 },
});

function SecretList({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const status = useSecretsStatus(profile.id);
  const ruleOf = useSecretRule();
  const [editing, setEditing] = useState<SecretKind | null>(null);
  const [savedKind, setSavedKind] = useState<SecretKind | null>(null);
  const label = (kind: SecretKind) => t(`settings.credentials.kind.${secretLabelKey[kind]}`);

  if (status.isPending) return <Spinner size="small" label={t('app.loading')} />;
  if (status.isError) return <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />;
  return (
    <>
      <ul className={styles.list}>
        {SecretKind.options.map((kind) => {
          const isSet = status.data.secrets[kind] === true;
          return (
            <li key={kind} className={styles.item}>
              <span className={styles.icon} aria-hidden="true">
                <Key20Regular />
              </span>
              <Text>{label(kind)}</Text>
              <Badge
                appearance="tint"
                color={isSet ? 'success' : 'subtle'}
                icon={isSet ? <CheckmarkCircle16Filled /> : <Circle16Regular />}
              >
                {isSet ? t('settings.credentials.set') : t('settings.credentials.notSet')}
              </Badge>
              <Button
                aria-label={`${isSet ? t('settings.credentials.replace') : t('settings.credentials.add')} ${label(kind)}`}
                onClick={() => {
                  setSavedKind(null);
                  setEditing(kind);
                }}
              >
                {isSet ? t('settings.credentials.replace') : t('settings.credentials.add')}
              </Button>
            </li>
          );
        })}
      </ul>
      <div aria-live="polite">
        {savedKind && (
          <Text className={styles.saved}>{t('settings.credentials.saved', { name: label(savedKind) })}</Text>
        )}
      </div>
      {editing && (
        <ReplaceSecretDialog
          profileId={profile.id}
          kind={editing}
          label={label(editing)}
          rule={ruleOf(editing)}
          onClose={(saved) => {
            if (saved) setSavedKind(editing);
            setEditing(null);
          }}
        />
      )}
    </>
  );
}

/** Which secrets the active profile has in the keychain, each with a way to replace it; values never appear. */
export function CredentialsSection() {
  const { t } = useTranslation();
  const active = useActiveProfile();
  return (
    <SettingsSection
      title={t('settings.credentials.heading')}
      description={active ? t('settings.credentials.description', { profile: active.name }) : undefined}
    >
      {active === undefined && <Spinner size="small" label={t('app.loading')} />}
      {active === null && <Body1>{t('settings.credentials.noProfile')}</Body1>}
      {active && <SecretList key={active.id} profile={active} />}
    </SettingsSection>
  );
}
