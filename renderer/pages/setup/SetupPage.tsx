import { useState } from 'react';
import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { SetupDraft } from '../../../shared/contract/setup-schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageLayout } from '../../components/PageLayout';
import { useProfiles } from '../../data/profiles';
import { useSetupDrafts } from '../../data/setup';
import { SetupWizard, freshStart, type WizardStart } from './SetupWizard';
import { formOfDraft } from './wizard-state';

/** Where a draft resumes: its fields (secrets empty), mode, what is stored, and its step. */
function resumeOf(draft: SetupDraft): WizardStart {
  return {
    form: formOfDraft(draft),
    mode: draft.mode,
    stored: draft.stored,
    step: draft.step,
    resumed: true,
  };
}

/**
 * The setup page (`#/setup`): resumes the newest wizard in progress, or starts a new one (`#/setup?new=1`, the
 * "Add company" button). What it starts with is fixed once, so saving the draft never restarts the wizard.
 */
export function SetupPage() {
  const { t } = useTranslation();
  const drafts = useSetupDrafts();
  const profiles = useProfiles();
  const [params] = useSearchParams();
  const fresh = params.get('new') === '1';
  const [chosen, setChosen] = useState<{ start: WizardStart; taken: string[] } | null>(null);
  let content;
  if (drafts.isError || profiles.isError) {
    const error = drafts.error ?? profiles.error;
    content = (
      <ErrorNotice error={error} onRetry={() => void Promise.all([drafts.refetch(), profiles.refetch()])} />
    );
  } else if (!chosen && drafts.data && profiles.data) {
    const draft = fresh ? undefined : drafts.data[0];
    const taken = profiles.data.profiles.map((p) => p.id);
    setChosen({ start: draft ? resumeOf(draft) : freshStart(), taken });
  }
  if (!content)
    content = chosen ? (
      <SetupWizard start={chosen.start} takenIds={chosen.taken} />
    ) : (
      <Spinner size="small" label={t('app.loading')} />
    );
  return (
    <PageLayout title={t('setup.title')} description={t('setup.description')}>
      {content}
    </PageLayout>
  );
}
