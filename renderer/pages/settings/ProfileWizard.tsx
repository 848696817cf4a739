import { useState, type FormEvent } from 'react';
import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/use-error-text';
import { useSaveProfile } from '../../data/profile-setup';
import { ConnectionTests } from './ConnectionTests';
import type { FormBinding } from './FormText';
import { ProfileStep, ServiceTitanStep, VismaStep } from './ProfileSetupSteps';
import {
  toSaveInput,
  validateStep,
  type FieldError,
  type FormField,
  type ProfileForm,
  type SetupStep,
} from './profile-form';

const STEPS: readonly SetupStep[] = ['profile', 'servicetitan', 'visma'];

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  step: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The setup of a profile as a light wizard inside the setup dialog: 1. the profile, 2. ServiceTitan, 3. Visma; saved
 * with `profiles.save`, then a last page to test both connections. Secrets are typed into empty password fields and
 * sent once.
 */
export function ProfileWizard(props: {
  title: string;
  initial: ProfileForm;
  creating: boolean;
  takenIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const save = useSaveProfile();
  const { creating } = props;
  const [form, setForm] = useState<ProfileForm>(props.initial);
  const [errors, setErrors] = useState<Partial<Record<FormField, FieldError>>>({});
  const [index, setIndex] = useState(0);
  const [savedId, setSavedId] = useState<string | null>(null);
  const step = STEPS[index] ?? 'profile';
  const last = index === STEPS.length - 1;

  const binding: FormBinding = {
    form,
    errors,
    set: (patch) => {
      setForm((prev) => ({ ...prev, ...patch }));
      setErrors((prev) => {
        const next = { ...prev };
        for (const key of Object.keys(patch) as FormField[]) delete next[key];
        return next;
      });
    },
  };

  function next(event: FormEvent) {
    event.preventDefault();
    const found = validateStep(step, form, { creating, takenIds: props.takenIds });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!last) {
      setIndex(index + 1);
      return;
    }
    save.mutate(toSaveInput(form, { editing: !creating }), {
      onSuccess: ({ profile }) => {
        // Secrets leave memory as soon as main has them.
        setForm((prev) => ({ ...prev, stClientSecret: '', stAppKey: '', vismaClientSecret: '' }));
        setSavedId(profile.id);
      },
    });
  }

  return (
    <form onSubmit={next} noValidate>
      <DialogBody>
        <DialogTitle>{props.title}</DialogTitle>
        <DialogContent className={styles.content}>
          {savedId ? (
            <>
              <MessageBar intent="success" layout="multiline">
                <MessageBarBody>{t('settings.setup.saved', { name: form.name.trim() })}</MessageBarBody>
              </MessageBar>
              <Text>{t('settings.setup.test.intro')}</Text>
              <ConnectionTests profileId={savedId} />
            </>
          ) : (
            <>
              <Text className={styles.step} aria-live="polite">
                {t('settings.setup.stepOf', {
                  step: index + 1,
                  total: STEPS.length,
                  title: t(`settings.setup.steps.${step}`),
                })}
              </Text>
              {step === 'profile' && <ProfileStep binding={binding} creating={creating} />}
              {step === 'servicetitan' && <ServiceTitanStep binding={binding} creating={creating} />}
              {step === 'visma' && <VismaStep binding={binding} creating={creating} />}
              {save.isError && (
                <Text role="alert" className={styles.error}>
                  {t('settings.setup.saveFailed', { message: errorText(save.error) })}
                </Text>
              )}
            </>
          )}
        </DialogContent>
        <DialogActions>
          {savedId ? (
            <Button appearance="primary" onClick={props.onClose}>
              {t('settings.setup.done')}
            </Button>
          ) : (
            <>
              <Button appearance="secondary" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
              {index > 0 && (
                <Button appearance="secondary" onClick={() => setIndex(index - 1)}>
                  {t('settings.setup.back')}
                </Button>
              )}
              <Button appearance="primary" type="submit" disabled={save.isPending}>
                {last ? t('settings.setup.save') : t('settings.setup.next')}
              </Button>
            </>
          )}
        </DialogActions>
      </DialogBody>
    </form>
  );
}
