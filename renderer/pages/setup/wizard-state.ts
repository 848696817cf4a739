import { SETUP_STEPS, type SetupDraft, type SetupStep } from '../../../shared/contract/setup-schemas';
import type { ChannelInput } from '../../../shared/contract/channels';
import type { SecretKind } from '../../../shared/contract/schemas';
import { emptyForm, toSaveInput, type ProfileForm } from '../settings/profile-form';

/** The steps in order (both modes pass every one; the demo's connections are tested as saved). */
export const WIZARD_STEPS: readonly SetupStep[] = SETUP_STEPS;

/** The step after `step` (the last one stays). */
export function nextStep(step: SetupStep): SetupStep {
  return WIZARD_STEPS[Math.min(WIZARD_STEPS.indexOf(step) + 1, WIZARD_STEPS.length - 1)]!;
}

/** The step before `step` (the first one stays). */
export function previousStep(step: SetupStep): SetupStep {
  return WIZARD_STEPS[Math.max(WIZARD_STEPS.indexOf(step) - 1, 0)]!;
}

/** The non-secret part of the form, as a draft keeps it. */
export function draftFormOf(form: ProfileForm): SetupDraft['form'] {
  return {
    name: form.name,
    timeZone: form.timeZone,
    stEnvironment: form.stEnvironment,
    stTenantId: form.stTenantId,
    stClientId: form.stClientId,
    stAuthUrl: form.stAuthUrl,
    stApiBaseUrl: form.stApiBaseUrl,
    vismaEnvironment: form.vismaEnvironment,
    vismaTenantId: form.vismaTenantId,
    vismaCompanyId: form.vismaCompanyId,
    vismaCompanyName: form.vismaCompanyName,
    vismaClientId: form.vismaClientId,
    vismaTokenUrl: form.vismaTokenUrl,
    vismaApiBaseUrl: form.vismaApiBaseUrl,
  };
}

/** The form a draft resumes with: its fields, the profile id, and empty secrets (they were never kept). */
export function formOfDraft(draft: SetupDraft): ProfileForm {
  return { ...emptyForm(), ...draft.form, id: draft.profileId };
}

/** A draft of the form at a step, stamped now. */
export function draftOf(
  form: ProfileForm,
  base: Pick<SetupDraft, 'mode' | 'stored'>,
  step: SetupStep,
  now: Date,
): SetupDraft {
  return {
    profileId: form.id.trim(),
    mode: base.mode,
    step,
    form: draftFormOf(form),
    stored: base.stored,
    updatedAt: now.toISOString(),
  };
}

/** Which side a connection step tests. */
export type Side = 'servicetitan' | 'visma';

/** The secrets of one side as typed (only those that were). */
export function secretsOf(form: ProfileForm, side: Side): Partial<Record<SecretKind, string>> {
  const all = toSaveInput(form).secrets;
  const kinds: SecretKind[] =
    side === 'servicetitan' ? ['servicetitan.clientSecret', 'servicetitan.appKey'] : ['visma.clientSecret'];
  return Object.fromEntries(kinds.filter((k) => all[k]).map((k) => [k, all[k]]));
}

/** The `connection.testUnsaved` input of one side: the typed values, secrets included, standard hosts left out. */
export function unsavedTestOf(form: ProfileForm, side: Side): ChannelInput<'connection.testUnsaved'> {
  const { profile } = toSaveInput(form);
  if (side === 'servicetitan')
    return {
      system: 'servicetitan',
      servicetitan: {
        ...profile.servicetitan,
        clientSecret: form.stClientSecret,
        appKey: form.stAppKey,
      },
    };
  const { companyName: _name, ...visma } = profile.visma;
  return { system: 'visma', visma: { ...visma, clientSecret: form.vismaClientSecret } };
}
