import { useState } from 'react';
import { Badge, Button, Caption1, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Edit20Regular, PersonAdd20Regular, PersonRegular } from '@fluentui/react-icons';
import type { ProfileSummary } from '../../../shared/contract/schemas';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useProfiles, useSetActiveProfile } from '../../data/profiles';
import { ConfirmedNote } from '../../frame/ConfirmedNote';
import { CrossEnvironmentWarning } from '../../frame/CrossEnvironmentWarning';
import { EnvironmentBadge } from '../../frame/EnvironmentBadge';
import { ProfileSetupDialog } from './ProfileSetupDialog';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  warning: { flexBasis: '100%' },
  text: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    flexGrow: 1,
    minWidth: 0,
  },
  details: { color: tokens.colorNeutralForeground2 },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  add: { alignSelf: 'flex-start' },
});

/** Which profile the setup dialog edits (a new one is added with the setup wizard). */
type Setup = { profile: ProfileSummary | null } | null;

/** Every profile with its environments (one of them active), the setup wizard to add one and the dialog to edit one. */
export function ProfilesSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const profiles = useProfiles();
  const setActive = useSetActiveProfile();
  const [setup, setSetup] = useState<Setup>(null);
  const navigate = useNavigate();
  return (
    <SettingsSection title={t('settings.profiles.heading')} description={t('settings.profiles.description')}>
      {profiles.isPending && <Spinner size="small" label={t('app.loading')} />}
      {profiles.isError && <ErrorNotice error={profiles.error} onRetry={() => void profiles.refetch()} />}
      {setActive.isError && <ErrorNotice error={setActive.error} />}
      {profiles.data?.profiles.length === 0 && (
        <EmptyState
          icon={<PersonRegular />}
          title={t('settings.profiles.emptyTitle')}
          body={t('settings.profiles.emptyBody')}
        />
      )}
      {profiles.data && profiles.data.profiles.length > 0 && (
        <ul className={styles.list}>
          {profiles.data.profiles.map((p) => {
            const active = p.id === profiles.data.activeProfileId;
            return (
              <li key={p.id} className={styles.item}>
                <div className={styles.text}>
                  <div className={styles.line}>
                    <Text weight="semibold">{p.name}</Text>
                    <EnvironmentBadge profile={p} />
                    <ConfirmedNote profile={p} />
                  </div>
                  <Caption1 className={styles.details}>
                    {t('settings.profiles.details', {
                      tenant: p.servicetitan.tenantId,
                      company: p.visma.companyName ?? p.visma.companyId,
                      timeZone: p.timeZone,
                    })}
                  </Caption1>
                </div>
                <Button
                  appearance="subtle"
                  icon={<Edit20Regular />}
                  aria-label={t('settings.profiles.editNamed', { name: p.name })}
                  onClick={() => setSetup({ profile: p })}
                >
                  {t('settings.profiles.edit')}
                </Button>
                {active ? (
                  <Badge appearance="outline" color="brand">
                    {t('settings.profiles.active')}
                  </Badge>
                ) : (
                  <Button disabled={setActive.isPending} onClick={() => setActive.mutate(p.id)}>
                    {t('settings.profiles.makeActive')}
                  </Button>
                )}
                {p.crossEnvironment === 'unconfirmed' && (
                  <div className={styles.warning}>
                    <CrossEnvironmentWarning profile={p} />
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {profiles.data && (
        <Button
          className={styles.add}
          icon={<PersonAdd20Regular />}
          onClick={() => void navigate('/setup?new=1')}
        >
          {t('settings.profiles.add')}
        </Button>
      )}
      {setup && (
        <ProfileSetupDialog
          profile={setup.profile}
          takenIds={profiles.data?.profiles.map((p) => p.id) ?? []}
          onClose={() => setSetup(null)}
        />
      )}
    </SettingsSection>
  );
}
