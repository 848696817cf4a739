import {
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../shared/contract/schemas';
import type { ProfileRemovalView } from '../../../shared/contract/settings-schemas';
import { CopyButton } from './CopyButton';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  para: { display: 'block', margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** What a removal did: secrets deleted, where the ledger backup is (with a copy button), which profile is active. */
export function RemovalResult(props: {
  removal: ProfileRemovalView;
  name: string;
  profiles: ProfileSummary[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { removal } = props;
  const active = props.profiles.find((p) => p.id === removal.activeProfileId);
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('settings.removal.doneTitle', { name: props.name })}</MessageBarTitle>
        <Text as="p" className={styles.para}>
          {t('settings.removal.doneSecrets', { count: removal.secretsDeleted.length })}
        </Text>
        {removal.backupFile ? (
          <div className={styles.line}>
            <Caption1 className={styles.path}>
              {t('settings.removal.doneBackup', { file: removal.backupFile })}
            </Caption1>
            <CopyButton text={removal.backupFile} what={t('settings.removal.backupPath')} />
          </div>
        ) : (
          <Caption1 as="p" className={styles.para}>
            {t('settings.removal.doneNoBackup')}
          </Caption1>
        )}
        <Text as="p" className={styles.para}>
          {active || removal.activeProfileId
            ? t('settings.removal.doneActive', { name: active?.name ?? removal.activeProfileId })
            : t('settings.removal.doneNoActive')}
        </Text>
      </MessageBarBody>
    </MessageBar>
  );
}
