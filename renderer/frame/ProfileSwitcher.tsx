import {
  Button,
  Caption1,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Building20Regular } from '@fluentui/react-icons/svg/building';
import { PersonAdd20Regular } from '@fluentui/react-icons/svg/person-add';
import { useTranslation } from 'react-i18next';
import { useProfiles, useSetActiveProfile } from '../data/profiles';
import { useErrorText } from '../components/use-error-text';
import { CrossEnvironmentStatus } from './CrossEnvironmentStatus';
import { EnvironmentBadge } from './EnvironmentBadge';
import { useEnvironmentText } from './environment-text';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
  popover: { minWidth: '320px', maxWidth: '480px' },
  option: { display: 'flex', flexDirection: 'column' },
  environments: { color: tokens.colorNeutralForeground3 },
  unconfirmed: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  production: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** The header's profile picker: the active profile's name, its two environments, and a menu to switch. */
export function ProfileSwitcher() {
  const { t } = useTranslation();
  const styles = useStyles();
  const profiles = useProfiles();
  const setActive = useSetActiveProfile();
  const describe = useEnvironmentText();
  const errorText = useErrorText();

  if (profiles.isPending) return <Spinner size="tiny" label={t('app.loading')} />;
  if (profiles.isError) {
    return (
      <Text role="alert" className={styles.error}>
        {errorText(profiles.error)}
      </Text>
    );
  }
  const { profiles: list, activeProfileId } = profiles.data;
  if (list.length === 0) {
    return (
      <Button
        as="a"
        href="#/settings"
        appearance="subtle"
        icon={<PersonAdd20Regular />}
        title={t('profile.addInSettings')}
      >
        {t('profile.none')}
      </Button>
    );
  }
  const active = list.find((p) => p.id === activeProfileId);
  return (
    <div className={styles.root}>
      <Menu
        checkedValues={{ profile: activeProfileId ? [activeProfileId] : [] }}
        onCheckedValueChange={(_, data) => {
          const chosen = data.checkedItems[0];
          if (chosen && chosen !== activeProfileId) setActive.mutate(chosen);
        }}
      >
        <MenuTrigger disableButtonEnhancement>
          <MenuButton
            appearance="subtle"
            icon={<Building20Regular />}
            aria-label={active ? t('profile.switcherLabel', { name: active.name }) : undefined}
          >
            {active ? active.name : t('profile.choose')}
          </MenuButton>
        </MenuTrigger>
        <MenuPopover className={styles.popover}>
          <MenuList aria-label={t('profile.menuLabel')}>
            {list.map((p) => (
              <MenuItemRadio key={p.id} name="profile" value={p.id}>
                <span className={styles.option}>
                  <Text weight="semibold">{p.name}</Text>
                  <Caption1
                    className={p.visma.environment === 'production' ? styles.production : styles.environments}
                  >
                    {describe(p).both}
                    {p.demo ? ` · ${t('environment.demo')}` : ''}
                  </Caption1>
                  {p.crossEnvironment === 'unconfirmed' && (
                    <Caption1 className={styles.production}>
                      {t('crossEnvironment.notConfirmedShort')}
                    </Caption1>
                  )}
                </span>
              </MenuItemRadio>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      {active && <EnvironmentBadge profile={active} />}
      {active && <CrossEnvironmentStatus profile={active} />}
      {setActive.isError && (
        <Text role="alert" className={styles.error}>
          {t('profile.switchFailed', { message: errorText(setActive.error) })}
        </Text>
      )}
    </div>
  );
}
