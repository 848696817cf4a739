import {
  Button,
  Caption1,
  Label,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons/svg/document-arrow-down';
import { FolderOpen20Regular } from '@fluentui/react-icons/svg/folder-open';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useExportDiagnostics, useOpenDataFolder } from '../../data/profile-admin';
import { useAppInfo } from '../../data/settings';
import { CopyButton } from './CopyButton';
import { SettingsSection } from './SettingsSection';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  hint: { color: tokens.colorNeutralForeground2 },
  action: { alignSelf: 'flex-start' },
});

/**
 * Where the app keeps its data, with a copy button (and Open in the app, which can ask the file manager), and
 * "Export diagnostics": one folder for support, secrets redacted.
 */
export function DataFolderSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const info = useAppInfo();
  const open = useOpenDataFolder();
  const diagnostics = useExportDiagnostics();
  const labelId = useId();
  const dataDir = info.data?.dataDir;
  return (
    <SettingsSection
      title={t('settings.dataFolder.heading')}
      description={t('settings.dataFolder.description')}
    >
      {info.isError && <ErrorNotice error={info.error} onRetry={() => void info.refetch()} />}
      {dataDir !== undefined && (
        <div className={styles.line}>
          <Label id={labelId}>{t('settings.dataFolder.label')}</Label>
          <Text className={styles.path} aria-labelledby={labelId} data-testid="data-folder">
            {dataDir}
          </Text>
          <CopyButton text={dataDir} what={t('settings.dataFolder.pathWhat')} />
          {info.data?.host === 'electron' && (
            <Button size="small" icon={<FolderOpen20Regular />} onClick={() => open.mutate()}>
              {t('settings.dataFolder.open')}
            </Button>
          )}
        </div>
      )}
      {open.isError && (
        <div role="alert">
          <Text>{t('settings.dataFolder.openFailed')}</Text>
          <ErrorNotice error={open.error} />
        </div>
      )}
      {open.isSuccess && open.data.opened && (
        <Caption1 role="status">{t('settings.dataFolder.opened')}</Caption1>
      )}
      <Caption1 className={styles.hint}>{t('settings.dataFolder.exportHint')}</Caption1>
      <Button
        className={styles.action}
        icon={<DocumentArrowDown20Regular />}
        disabled={diagnostics.isPending}
        onClick={() => diagnostics.mutate()}
      >
        {diagnostics.isPending ? t('settings.dataFolder.exporting') : t('settings.dataFolder.export')}
      </Button>
      {diagnostics.isError && (
        <div role="alert">
          <Text>{t('settings.dataFolder.exportFailed')}</Text>
          <ErrorNotice error={diagnostics.error} />
        </div>
      )}
      {diagnostics.isSuccess && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('settings.dataFolder.exportedTitle')}</MessageBarTitle>
            <div className={styles.line}>
              <Text className={styles.path}>{diagnostics.data.folder}</Text>
              <CopyButton text={diagnostics.data.folder} what={t('settings.dataFolder.diagnosticsWhat')} />
            </div>
            <Caption1>
              {t('settings.dataFolder.exportedFiles', { count: diagnostics.data.files.length })}
            </Caption1>
          </MessageBarBody>
        </MessageBar>
      )}
    </SettingsSection>
  );
}
