import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Label,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../shared/contract/schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useCreateWindowsTask, useWindowsTask } from '../../data/profile-admin';
import { CopyButton } from './CopyButton';
import { useScheduleText } from './use-schedule-text';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  command: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    userSelect: 'all',
  },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hint: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Schedule in Windows": the exact `schtasks /Create` command for the profile's schedule with a copy button, why
 * there is none when there is none, and — in the Windows app — a button that creates the task.
 */
export function WindowsTaskDialog(props: { profile: ProfileSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const scheduleText = useScheduleText();
  const task = useWindowsTask(props.profile.id, true);
  const create = useCreateWindowsTask();
  const commandId = useId();
  const data = task.data;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('settings.windowsTask.title', { name: props.profile.name })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('settings.windowsTask.body')}</Text>
            {task.isPending && <Spinner size="small" label={t('settings.windowsTask.loading')} />}
            {task.isError && <ErrorNotice error={task.error} onRetry={() => void task.refetch()} />}
            {data && (
              <>
                <Text>{t('settings.windowsTask.schedule', { words: scheduleText(data.schedule) })}</Text>
                {data.problem && (
                  <MessageBar intent={data.command ? 'warning' : 'info'} layout="multiline">
                    <MessageBarBody>{t(`settings.windowsTask.problem.${data.problem}`)}</MessageBarBody>
                  </MessageBar>
                )}
                {data.command && (
                  <>
                    <div className={styles.line}>
                      <Label id={commandId}>{t('settings.windowsTask.command')}</Label>
                      <CopyButton text={data.command} what={t('settings.windowsTask.commandWhat')} />
                    </div>
                    <pre
                      className={styles.command}
                      aria-labelledby={commandId}
                      data-testid="windows-task-command"
                    >
                      {data.command}
                    </pre>
                    {!data.canRun && (
                      <Caption1 className={styles.hint}>{t('settings.windowsTask.copyHint')}</Caption1>
                    )}
                    <Caption1 className={styles.hint}>
                      {t('settings.windowsTask.timeZone', { timeZone: props.profile.timeZone })}
                    </Caption1>
                  </>
                )}
                {create.isSuccess && (
                  <MessageBar intent="success" layout="multiline">
                    <MessageBarBody>
                      {t('settings.windowsTask.created', { task: create.data.taskName })}
                    </MessageBarBody>
                  </MessageBar>
                )}
                {create.isError && (
                  <div role="alert">
                    <Text>{t('settings.windowsTask.createFailed')}</Text>
                    <ErrorNotice error={create.error} />
                  </div>
                )}
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose}>
              {t('common.close')}
            </Button>
            {data?.canRun && data.command && (
              <Button
                appearance="primary"
                disabled={create.isPending || create.isSuccess}
                onClick={() => create.mutate(props.profile.id)}
              >
                {create.isPending ? t('settings.windowsTask.creating') : t('settings.windowsTask.create')}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
