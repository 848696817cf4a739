import { useState, type FormEvent } from 'react';
import { Body1, Button, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { Save20Regular } from '@fluentui/react-icons/svg/save';
import { useTranslation } from 'react-i18next';
import type { ProfileSettingsView } from '../../../shared/contract/engine-schemas';
import type { ProfileSummary } from '../../../shared/contract/schemas';
import { BridgeCallError } from '../../bridge/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ResultBar, type ActionResult } from '../../components/ResultBar';
import { useErrorText } from '../../components/use-error-text';
import { useProfileSettings, useSaveProfileSettings } from '../../data/profile-settings';
import { useActiveProfile } from '../../data/profiles';
import { PostingFields } from './PostingFields';
import { ScheduleField } from './ScheduleField';
import { SettingsSection } from './SettingsSection';
import { SettingsSubsection } from './SettingsSubsection';
import { WebhookFields } from './WebhookFields';
import type { SyncBinding } from './sync-binding';
import {
  changeOf,
  formOf,
  isDirty,
  validateSyncForm,
  type SyncError,
  type SyncField,
  type SyncForm,
} from './sync-form';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '720px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/** The words for how a save went: success, or saved with a receiver that did not start. */
function useSavedResult(): (view: ProfileSettingsView, profile: ProfileSummary) => ActionResult {
  const { t } = useTranslation();
  return (view, profile) => {
    const hook = view.webhook;
    if (hook.enabled && !hook.listeningOn) {
      const reason = hook.hmacKeySet ? t('settings.webhooks.notRunning') : t('settings.webhooks.noKey');
      return {
        intent: 'warning',
        text: t('settings.sync.savedNotListening', { profile: profile.name, reason }),
      };
    }
    return { intent: 'success', text: t('settings.sync.saved', { profile: profile.name }) };
  };
}

function SyncSettingsForm({ profile, view }: { profile: ProfileSummary; view: ProfileSettingsView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const savedResult = useSavedResult();
  const save = useSaveProfileSettings(profile.id);
  const [form, setForm] = useState<SyncForm>(() => formOf(view));
  const [attempted, setAttempted] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);

  const problems = validateSyncForm(form);
  const dirty = isDirty(form, view);
  const errors: Partial<Record<SyncField, string>> = {};
  if (attempted)
    for (const [field, problem] of Object.entries(problems) as [SyncField, SyncError][])
      errors[field] = t(`settings.sync.error.${problem}`);
  if (refused && !errors.customSchedule) errors.customSchedule = refused;

  const binding: SyncBinding = {
    form,
    errors,
    disabled: save.isPending,
    set: (patch) => {
      setForm((current) => ({ ...current, ...patch }));
      if ('customSchedule' in patch || 'scheduleChoice' in patch) setRefused(null);
      setResult(null);
    },
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    setResult(null);
    if (Object.keys(problems).length > 0) return;
    save.mutate(changeOf(form), {
      onSuccess: (next) => {
        setForm(formOf(next));
        setAttempted(false);
        setResult(savedResult(next, profile));
      },
      onError: (error) => {
        // Main checks a custom schedule itself and says in words what is wrong: show that at the field.
        if (
          error instanceof BridgeCallError &&
          error.code === 'invalid_input' &&
          form.scheduleChoice === 'custom'
        )
          setRefused(error.message);
        else
          setResult({ intent: 'error', text: t('settings.sync.saveFailed', { message: errorText(error) }) });
      },
    });
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <SettingsSubsection title={t('settings.sync.posting')}>
        <PostingFields binding={binding} />
      </SettingsSubsection>
      <SettingsSubsection title={t('settings.sync.when')}>
        <ScheduleField binding={binding} timeZone={profile.timeZone} />
      </SettingsSubsection>
      <WebhookFields binding={binding} profileId={profile.id} saved={view.webhook} />
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          icon={<Save20Regular />}
          disabled={save.isPending || !dirty}
        >
          {save.isPending ? t('settings.sync.saving') : t('settings.sync.save')}
        </Button>
        <Button
          disabled={save.isPending || !dirty}
          onClick={() => {
            setForm(formOf(view));
            setAttempted(false);
            setRefused(null);
          }}
        >
          {t('settings.sync.undo')}
        </Button>
      </div>
    </form>
  );
}

function ActiveProfileSettings({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const settings = useProfileSettings(profile.id);
  if (settings.isPending) return <Spinner size="small" label={t('app.loading')} />;
  if (settings.isError) return <ErrorNotice error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SyncSettingsForm profile={profile} view={settings.data} />;
}

/** The active profile's sync settings: holding account, posting switches, schedule and webhooks, saved together. */
export function SyncSettingsSection() {
  const { t } = useTranslation();
  const active = useActiveProfile();
  return (
    <SettingsSection
      title={t('settings.sync.heading')}
      description={active ? t('settings.sync.description', { profile: active.name }) : undefined}
    >
      {active === undefined && <Spinner size="small" label={t('app.loading')} />}
      {active === null && <Body1>{t('settings.sync.noProfile')}</Body1>}
      {active && <ActiveProfileSettings key={active.id} profile={active} />}
    </SettingsSection>
  );
}
