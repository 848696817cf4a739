import { useState } from 'react';
import { Badge, Button, Caption1, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarClock20Regular } from '@fluentui/react-icons/svg/calendar-clock';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { PersonRegular } from '@fluentui/react-icons/svg/person';
import { PersonAdd20Regular } from '@fluentui/react-icons/svg/person-add';
import type { ProfileSummary } from '../../../shared/contract/schemas';
import type { ProfileRemovalView } from '../../../shared/contract/settings-schemas';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useRemoveProfile } from '../../data/profile-admin';
import { useProfiles, useSetActiveProfile } from '../../data/profiles';
import { ConfirmedNote } from '../../frame/ConfirmedNote';
import { CrossEnvironmentWarning } from '../../frame/CrossEnvironmentWarning';
import { EnvironmentBadge } from '../../frame/EnvironmentBadge';
import { ProfileSetupDialog } from './ProfileSetupDialog';
import { RemovalResult } from './RemovalResult';
import { RemoveProfileDialog } from './RemoveProfileDialog';
import { WindowsTaskDialog } from './WindowsTaskDialog';
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

/** Which dialog is open for which profile: removal (real profiles) or the Windows task. */
type Open = { dialog: 'remove' | 'windowsTask'; profile: ProfileSummary } | null;

/**
 * Every profile with its environments (one of them active, demo ones marked), the setup wizard to add one, and per
 * profile: edit, schedule in Windows, and remove (a demo in one click, a real one after typing its name).
 */
export function ProfilesSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const profiles = useProfiles();
  const setActive = useSetActiveProfile();
  const removeDemo = useRemoveProfile();
  const [setup, setSetup] = useState<Setup>(null);
  const [open, setOpen] = useState<Open>(null);
  const [removed, setRemoved] = useState<{ removal: ProfileRemovalView; name: string } | null>(null);
  const onRemoved = (profile: ProfileSummary) => (removal: ProfileRemovalView) =>
    setRemoved({ removal, name: profile.name });
  const navigate = useNavigate();
  return (
    <SettingsSection title={t('settings.profiles.heading')} description={t('settings.profiles.description')}>
      {profiles.isPending && <Spinner size="small" label={t('app.loading')} />}
      {profiles.isError && <ErrorNotice error={profiles.error} onRetry={() => void profiles.refetch()} />}
      {setActive.isError && <ErrorNotice error={setActive.error} />}
      {removeDemo.isError && <ErrorNotice error={removeDemo.error} />}
      {removed && (
        <RemovalResult
          removal={removed.removal}
          name={removed.name}
          profiles={profiles.data?.profiles ?? []}
        />
      )}
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
                <Button
                  appearance="subtle"
                  icon={<CalendarClock20Regular />}
                  aria-label={t('settings.profiles.windowsTaskNamed', { name: p.name })}
                  onClick={() => setOpen({ dialog: 'windowsTask', profile: p })}
                >
                  {t('settings.profiles.windowsTask')}
                </Button>
                <Button
                  appearance="subtle"
                  icon={<Delete20Regular />}
                  disabled={removeDemo.isPending}
                  aria-label={t(
                    p.demo ? 'settings.profiles.removeDemoNamed' : 'settings.profiles.removeNamed',
                    {
                      name: p.name,
                    },
                  )}
                  onClick={() => {
                    setRemoved(null);
                    if (p.demo) removeDemo.mutate({ profileId: p.id }, { onSuccess: onRemoved(p) });
                    else setOpen({ dialog: 'remove', profile: p });
                  }}
                >
                  {t('settings.profiles.remove')}
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
      {open?.dialog === 'remove' && (
        <RemoveProfileDialog
          profile={open.profile}
          onClose={(removal) => {
            if (removal) onRemoved(open.profile)(removal);
            setOpen(null);
          }}
        />
      )}
      {open?.dialog === 'windowsTask' && (
        <WindowsTaskDialog profile={open.profile} onClose={() => setOpen(null)} />
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
