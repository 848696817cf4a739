import { useState, type FormEvent } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  Subtitle1,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SetupDraft, SetupMasterDataView, SetupStep } from '../../../shared/contract/setup-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useSaveDraft, useStartDemo } from '../../data/setup';
import type { FormBinding } from '../settings/FormText';
import {
  emptyForm,
  validateStep,
  type FieldError,
  type FormField,
  type ProfileForm,
} from '../settings/profile-form';
import { ConnectionStep, type StoredHow } from './ConnectionStep';
import { FinishStep } from './FinishStep';
import { MapStep } from './MapStep';
import { MasterDataStep } from './MasterDataStep';
import { PreviewStep } from './PreviewStep';
import { StartStep, type StartMode } from './StartStep';
import { StepList } from './StepList';
import { WIZARD_STEPS, draftOf, nextStep, previousStep, type Side } from './wizard-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Where a wizard starts: a fresh form, or a draft being resumed. */
export interface WizardStart {
  form: ProfileForm;
  mode: StartMode;
  stored: SetupDraft['stored'];
  step: SetupStep;
  resumed: boolean;
}

/** A wizard from nothing. */
export function freshStart(): WizardStart {
  return {
    form: emptyForm(),
    mode: 'connect',
    stored: { servicetitan: 'none', visma: 'none' },
    step: 'start',
    resumed: false,
  };
}

const SIDE_FIELDS: Record<Side, readonly FormField[]> = {
  servicetitan: [
    'stEnvironment',
    'stTenantId',
    'stClientId',
    'stClientSecret',
    'stAppKey',
    'stAuthUrl',
    'stApiBaseUrl',
  ],
  visma: [
    'vismaEnvironment',
    'vismaTenantId',
    'vismaCompanyId',
    'vismaCompanyName',
    'vismaClientId',
    'vismaClientSecret',
    'vismaTokenUrl',
    'vismaApiBaseUrl',
  ],
};
const SECRETS: Record<Side, Partial<ProfileForm>> = {
  servicetitan: { stClientSecret: '', stAppKey: '' },
  visma: { vismaClientSecret: '' },
};

/**
 * The first-run / "Add company" wizard: seven steps, each checked before the next, with a draft (never a secret)
 * saved on every move so closing the app loses nothing. Secrets live only in this component's memory until a
 * passing test (or "Save anyway") stores them, and are forgotten right after.
 */
export function SetupWizard({ start, takenIds }: { start: WizardStart; takenIds: readonly string[] }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const saveDraft = useSaveDraft();
  const startDemo = useStartDemo();
  const [form, setForm] = useState(start.form);
  const [mode, setMode] = useState(start.mode);
  const [stored, setStored] = useState(start.stored);
  const [step, setStep] = useState(start.step);
  const [errors, setErrors] = useState<Partial<Record<FormField, FieldError>>>({});
  const [counts, setCounts] = useState<SetupMasterDataView | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const profileId = form.id.trim();

  const go = (
    to: SetupStep,
    next: { form?: ProfileForm; mode?: StartMode; stored?: SetupDraft['stored'] } = {},
  ) => {
    setStep(to);
    setBlocked(null);
    const draft = draftOf(
      next.form ?? form,
      { mode: next.mode ?? mode, stored: next.stored ?? stored },
      to,
      new Date(),
    );
    saveDraft.mutate(draft);
  };

  const binding: FormBinding = {
    form,
    errors,
    set: (patch) => {
      setForm((prev) => ({ ...prev, ...patch }));
      setErrors((prev) => {
        const rest = { ...prev };
        for (const key of Object.keys(patch) as FormField[]) delete rest[key];
        return rest;
      });
      // A changed connection must be tested again before the wizard goes on.
      for (const side of ['servicetitan', 'visma'] as const)
        if (Object.keys(patch).some((k) => SIDE_FIELDS[side].includes(k as FormField)))
          setStored((prev) => ({ ...prev, [side]: 'none' }));
    },
  };

  const validate = (which: 'profile' | Side) => {
    const found = validateStep(which, form, { creating: true, takenIds });
    setErrors(found);
    return Object.keys(found).length === 0;
  };

  const onStored = (side: Side) => (how: StoredHow) => {
    const next = { ...stored, [side]: how };
    setStored(next);
    setForm((prev) => ({ ...prev, ...SECRETS[side] }));
    saveDraft.mutate(draftOf(form, { mode, stored: next }, step, new Date()));
  };

  function next(event: FormEvent) {
    event.preventDefault();
    if (step === 'start') {
      if (mode === 'demo') {
        startDemo.mutate(undefined, {
          onSuccess: (profile) => {
            const demoForm = {
              ...emptyForm(),
              id: profile.id,
              name: profile.name,
              timeZone: profile.timeZone,
            };
            setForm(demoForm);
            go('servicetitan', { form: demoForm, mode: 'demo' });
          },
        });
      } else if (validate('profile')) go('servicetitan');
      return;
    }
    if ((step === 'servicetitan' || step === 'visma') && stored[step] === 'none') {
      setBlocked(t('setup.conn.needsTest'));
      return;
    }
    if (step === 'masterdata' && !counts) {
      setBlocked(t('setup.masterdata.needsRead'));
      return;
    }
    go(nextStep(step));
  }

  const index = WIZARD_STEPS.indexOf(step);
  // Once a secret is stored under the profile id, the start step (where the id is chosen) is behind the wizard.
  const canGoBack =
    index > 0 && !(step === 'servicetitan' && (mode === 'demo' || stored.servicetitan !== 'none'));
  const demo = mode === 'demo';
  return (
    <form className={styles.root} onSubmit={next} noValidate>
      <StepList step={step} />
      {start.resumed && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('setup.resumed', { name: start.form.name || start.form.id })}</MessageBarBody>
        </MessageBar>
      )}
      <Subtitle1 as="h2" aria-live="polite">
        {t('setup.stepOf', { step: index + 1, total: WIZARD_STEPS.length, title: t(`setup.steps.${step}`) })}
      </Subtitle1>
      {step === 'start' && (
        <StartStep mode={mode} onMode={setMode} binding={binding} disabled={startDemo.isPending} />
      )}
      {step === 'start' && startDemo.isPending && <Text>{t('setup.start.starting')}</Text>}
      {step === 'start' && startDemo.isError && (
        <Text role="alert" className={styles.error}>
          {t('setup.start.failed', { message: errorText(startDemo.error) })}
        </Text>
      )}
      {(step === 'servicetitan' || step === 'visma') && (
        <ConnectionStep
          key={step}
          side={step}
          demo={demo}
          binding={binding}
          profileId={profileId}
          stored={stored[step]}
          validate={() => validate(step)}
          onStored={onStored(step)}
        />
      )}
      {step === 'masterdata' && <MasterDataStep profileId={profileId} counts={counts} onCounts={setCounts} />}
      {step === 'map' && <MapStep profileId={profileId} />}
      {step === 'preview' && <PreviewStep profileId={profileId} />}
      {step === 'finish' && <FinishStep profileId={profileId} />}
      {blocked && (
        <Text role="alert" className={styles.error}>
          {blocked}
        </Text>
      )}
      {saveDraft.isError && (
        <Text role="alert" className={styles.error}>
          {t('setup.saveDraftFailed', { message: errorText(saveDraft.error) })}
        </Text>
      )}
      <div className={styles.actions}>
        {canGoBack && (
          <Button appearance="secondary" onClick={() => go(previousStep(step))}>
            {t('setup.back')}
          </Button>
        )}
        {step !== 'finish' && (
          <Button appearance="primary" type="submit" disabled={startDemo.isPending}>
            {t('setup.next')}
          </Button>
        )}
      </div>
    </form>
  );
}
