import { useState } from 'react';
import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowCounterclockwise20Regular } from '@fluentui/react-icons/svg/arrow-counterclockwise';
import { Save20Regular } from '@fluentui/react-icons/svg/save';
import { useTranslation } from 'react-i18next';
import type { LedgerBackupView, LedgerRestoreView } from '../../../shared/contract/ledger-schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useBackupLedger, useLedgerStatus } from '../../data/ledger';
import { useFormat } from '../../i18n/use-format';
import { RestoreBackupDialog } from './RestoreBackupDialog';
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
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1 },
  detail: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
  backupNow: { alignSelf: 'flex-start' },
  para: { display: 'block', margin: `${tokens.spacingVerticalXS} 0 0` },
});

/** The ledger's backups with date, size and why each was made; Restore (with a confirmation) and Back up now. */
export function BackupsSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const status = useLedgerStatus();
  const backupNow = useBackupLedger();
  const [chosen, setChosen] = useState<LedgerBackupView | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [restored, setRestored] = useState<LedgerRestoreView | null>(null);
  const data = status.data;
  const sizeText = (bytes: number) =>
    t('settings.backups.sizeMb', { size: format.number(bytes / 1048576, 1) });
  return (
    <SettingsSection title={t('settings.backups.heading')} description={t('settings.backups.description')}>
      {status.isPending && <Spinner size="small" label={t('app.loading')} />}
      {status.isError && <ErrorNotice error={status.error} onRetry={() => void status.refetch()} />}
      {data?.state === 'damaged' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('settings.backups.damagedTitle')}</MessageBarTitle>
            <Text as="p" className={styles.para}>
              {t('settings.backups.damagedBody')}
            </Text>
            {data.problem && (
              <Caption1 as="p" className={mergeClasses(styles.para, styles.detail)}>
                {data.problem}
              </Caption1>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {restored && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('settings.backups.restoredTitle')}</MessageBarTitle>
            {restored.setAside
              ? t('settings.backups.restoredBody', { file: restored.setAside })
              : t('settings.backups.restoredNoFile')}
          </MessageBarBody>
        </MessageBar>
      )}
      {data && data.backups.length === 0 && <Text>{t('settings.backups.none')}</Text>}
      {data && data.backups.length > 0 && (
        <ul className={styles.list} aria-label={t('settings.backups.listLabel')}>
          {data.backups.map((b) => (
            <li key={b.name} className={styles.item}>
              <div className={styles.text}>
                <Text weight="semibold">{format.dateTime(b.createdAt)}</Text>
                <Caption1 className={styles.detail}>
                  {t('settings.backups.details', {
                    size: sizeText(b.sizeBytes),
                    reason: t(`settings.backups.reason.${b.reason}`),
                  })}
                </Caption1>
              </div>
              {data.canRestore && (
                <Button
                  icon={<ArrowCounterclockwise20Regular />}
                  aria-label={t('settings.backups.restoreNamed', { date: format.dateTime(b.createdAt) })}
                  onClick={() => {
                    setRestored(null);
                    setChosen(b);
                    setConfirming(true);
                  }}
                >
                  {t('settings.backups.restore')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && data.state === 'open' && data.backupsDir !== '' && (
        <Button
          className={styles.backupNow}
          icon={<Save20Regular />}
          disabled={backupNow.isPending}
          onClick={() => backupNow.mutate()}
        >
          {backupNow.isPending ? t('settings.backups.backingUp') : t('settings.backups.backupNow')}
        </Button>
      )}
      {backupNow.isError && <ErrorNotice error={backupNow.error} />}
      {data && (
        <Caption1 className={styles.detail}>
          {t('settings.backups.where', { folder: data.backupsDir || '—' })}
        </Caption1>
      )}
      {chosen && (
        <RestoreBackupDialog
          backup={chosen}
          open={confirming}
          onClose={(result) => {
            setConfirming(false);
            if (result) setRestored(result);
          }}
        />
      )}
    </SettingsSection>
  );
}
