import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle20Regular } from '@fluentui/react-icons/svg/checkmark-circle';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ProfileSettingsView } from '../../../shared/contract/engine-schemas';
import type { ProfileSummary } from '../../../shared/contract/schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useErrorText } from '../../components/use-error-text';
import { useProfileSettings, useSaveProfileSettings } from '../../data/profile-settings';
import { useProfiles, useSetActiveProfile } from '../../data/profiles';
import { useDeleteDraft } from '../../data/setup';
import { useRunSync } from '../../data/sync';
import { ConfirmEnvironmentsButton } from '../../frame/ConfirmEnvironmentsButton';
import { ScheduleField } from '../settings/ScheduleField';
import { SettingsSubsection } from '../settings/SettingsSubsection';
import { WebhookFields } from '../settings/WebhookFields';
import type { SyncBinding } from '../settings/sync-binding';
import { changeOf, formOf, validateSyncForm, type SyncField, type SyncForm } from '../settings/sync-form';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  finish: { alignSelf: 'flex-start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Saves the schedule and webhooks, makes the profile active, forgets the draft, then runs the first sync. */
function useFinish(profileId: string) {
  const save = useSaveProfileSettings(profileId);
  const setActive = useSetActiveProfile();
  const deleteDraft = useDeleteDraft();
  const sync = useRunSync(profileId);
  const [state, setState] = useState<{ saving: boolean; error: unknown }>({ saving: false, error: null });
  async function finish(form: SyncForm) {
    setState({ saving: true, error: null });
    try {
      await save.mutateAsync(changeOf(form));
      await setActive.mutateAsync(profileId);
      await deleteDraft.mutateAsync(profileId);
    } catch (error) {
      setState({ saving: false, error });
      return;
    }
    setState({ saving: false, error: null });
    sync.mutate();
  }
  return { finish, ...state, sync };
}

function FinishForm(props: { profile: ProfileSummary; view: ProfileSettingsView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const [form, setForm] = useState<SyncForm>(() => formOf(props.view));
  const [attempted, setAttempted] = useState(false);
  const { finish, saving, error, sync } = useFinish(props.profile.id);
  const problems = validateSyncForm(form);
  const errors: Partial<Record<SyncField, string>> = {};
  if (attempted)
    for (const [field, problem] of Object.entries(problems))
      errors[field as SyncField] = t(`settings.sync.error.${problem}`);
  const started = sync.isPending || sync.isSuccess || sync.isError;
  const binding: SyncBinding = {
    form,
    errors,
    disabled: saving || started,
    set: (patch) => setForm((current) => ({ ...current, ...patch })),
  };
  const unconfirmed = props.profile.crossEnvironment === 'unconfirmed';
  const summary = sync.data?.summary;
  return (
    <div className={styles.root}>
      <Text>{t('setup.finish.intro')}</Text>
      <SettingsSubsection title={t('settings.sync.when')}>
        <ScheduleField binding={binding} timeZone={props.profile.timeZone} />
      </SettingsSubsection>
      <WebhookFields binding={binding} profileId={props.profile.id} saved={props.view.webhook} />
      {unconfirmed && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('setup.finish.confirmFirst')}</MessageBarBody>
          <MessageBarActions>
            <ConfirmEnvironmentsButton profile={props.profile} />
          </MessageBarActions>
        </MessageBar>
      )}
      {!started && (
        <Button
          className={styles.finish}
          appearance="primary"
          icon={saving ? <Spinner size="extra-tiny" /> : <CheckmarkCircle20Regular />}
          disabled={saving || unconfirmed}
          onClick={() => {
            setAttempted(true);
            if (Object.keys(problems).length === 0) void finish(form);
          }}
        >
          {saving ? t('setup.finish.saving') : t('setup.finish.finish')}
        </Button>
      )}
      {error !== null && (
        <Text role="alert" className={styles.error}>
          {t('setup.finish.failed', { message: errorText(error) })}
        </Text>
      )}
      <div role="status" aria-live="polite">
        {sync.isPending && <Spinner size="small" label={t('setup.finish.syncing')} />}
        {summary && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t('setup.finish.synced', {
                posted: summary.documents.invoices.posted + summary.documents.bills.posted,
                review: summary.reviewQueue,
              })}
            </MessageBarBody>
          </MessageBar>
        )}
        {sync.isError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {t('setup.finish.syncFailed', { message: errorText(sync.error) })}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {(sync.isSuccess || sync.isError) && (
        <Button className={styles.finish} appearance="primary" onClick={() => void navigate('/')}>
          {t('setup.finish.toDashboard')}
        </Button>
      )}
    </div>
  );
}

/** Step 7: schedule and webhooks (the Settings fields), the typed confirmation where needed, Finish and first sync. */
export function FinishStep({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const profiles = useProfiles();
  const settings = useProfileSettings(profileId);
  const profile = profiles.data?.profiles.find((p) => p.id === profileId);
  if (settings.isError) return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!profile || !settings.data) return <Spinner size="small" label={t('app.loading')} />;
  return <FinishForm profile={profile} view={settings.data} />;
}
