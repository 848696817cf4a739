import type { ProfileInput } from '../../../shared/contract/engine-schemas';
import type { SecretKind } from '../../../shared/contract/schemas';
import { ST_HOSTS, VISMA_HOSTS } from '../../../shared/profile-config';

/** Everything the setup form edits, as the text the fields hold. Secrets start empty and are never read back. */
export interface ProfileForm {
  name: string;
  id: string;
  timeZone: string;
  stEnvironment: 'integration' | 'production';
  stTenantId: string;
  stClientId: string;
  stClientSecret: string;
  stAppKey: string;
  stAuthUrl: string;
  stApiBaseUrl: string;
  vismaEnvironment: 'sandbox' | 'production';
  vismaTenantId: string;
  vismaCompanyId: string;
  vismaCompanyName: string;
  vismaClientId: string;
  vismaClientSecret: string;
  vismaTokenUrl: string;
  vismaApiBaseUrl: string;
}

/** A field of the form. */
export type FormField = keyof ProfileForm;
/** Why a field is not accepted (a key under `settings.setup.error.`). */
export type FieldError = 'required' | 'idFormat' | 'idTaken' | 'tenantNumber' | 'url' | 'timeZone';
/** The wizard's steps that hold fields. */
export type SetupStep = 'profile' | 'servicetitan' | 'visma';

/** A new profile: Norwegian time zone, the safe environments (ServiceTitan integration, Visma sandbox). */
export function emptyForm(): ProfileForm {
  return {
    name: '',
    id: '',
    timeZone: 'Europe/Oslo',
    stEnvironment: 'integration',
    stTenantId: '',
    stClientId: '',
    stClientSecret: '',
    stAppKey: '',
    stAuthUrl: '',
    stApiBaseUrl: '',
    vismaEnvironment: 'sandbox',
    vismaTenantId: '',
    vismaCompanyId: '',
    vismaCompanyName: '',
    vismaClientId: '',
    vismaClientSecret: '',
    vismaTokenUrl: '',
    vismaApiBaseUrl: '',
  };
}

/** A stored address, or empty when it is the standard one (then a change of environment takes the new standard). */
const custom = (stored: string | undefined, standard: string) =>
  stored && stored !== standard ? stored : '';

/** The form for editing a saved profile: every stored field except the secrets, which start empty. */
export function formFromStored(p: ProfileInput): ProfileForm {
  const st = ST_HOSTS[p.servicetitan.environment];
  return {
    ...emptyForm(),
    name: p.name,
    id: p.id,
    timeZone: p.timeZone,
    stEnvironment: p.servicetitan.environment,
    stTenantId: p.servicetitan.tenantId,
    stClientId: p.servicetitan.clientId,
    stAuthUrl: custom(p.servicetitan.authUrl, st.authUrl),
    stApiBaseUrl: custom(p.servicetitan.apiBaseUrl, st.apiBaseUrl),
    vismaEnvironment: p.visma.environment,
    vismaTenantId: p.visma.tenantId,
    vismaCompanyId: p.visma.companyId,
    vismaCompanyName: p.visma.companyName ?? '',
    vismaClientId: p.visma.clientId,
    vismaTokenUrl: custom(p.visma.tokenUrl, VISMA_HOSTS.tokenUrl),
    vismaApiBaseUrl: custom(p.visma.apiBaseUrl, VISMA_HOSTS.apiBaseUrl),
  };
}

/** A profile id proposed from the name: lower case, ASCII letters and digits, dashes between words. */
export function suggestId(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return ascii
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

const STEP_FIELDS: Record<SetupStep, FormField[]> = {
  profile: ['name', 'id', 'timeZone'],
  servicetitan: ['stTenantId', 'stClientId', 'stClientSecret', 'stAppKey', 'stAuthUrl', 'stApiBaseUrl'],
  visma: [
    'vismaTenantId',
    'vismaCompanyId',
    'vismaClientId',
    'vismaClientSecret',
    'vismaTokenUrl',
    'vismaApiBaseUrl',
  ],
};

const SECRET_FIELDS: Partial<Record<FormField, SecretKind>> = {
  stClientSecret: 'servicetitan.clientSecret',
  stAppKey: 'servicetitan.appKey',
  vismaClientSecret: 'visma.clientSecret',
};
const URL_FIELDS: ReadonlySet<FormField> = new Set([
  'stAuthUrl',
  'stApiBaseUrl',
  'vismaTokenUrl',
  'vismaApiBaseUrl',
]);

function isUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function check(field: FormField, form: ProfileForm, ctx: { creating: boolean; takenIds: readonly string[] }) {
  const value = form[field].trim();
  if (URL_FIELDS.has(field)) return value && !isUrl(value) ? 'url' : null;
  if (SECRET_FIELDS[field]) return ctx.creating && !value ? 'required' : null;
  if (!value) return 'required';
  if (field === 'id') {
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(value)) return 'idFormat';
    if (ctx.creating && ctx.takenIds.includes(value)) return 'idTaken';
  }
  if (field === 'stTenantId' && !/^\d+$/.test(value)) return 'tenantNumber';
  if (field === 'timeZone' && !isTimeZone(value)) return 'timeZone';
  return null;
}

/** The problems of one step's fields (an empty object when the step is complete). */
export function validateStep(
  step: SetupStep,
  form: ProfileForm,
  ctx: { creating: boolean; takenIds: readonly string[] },
): Partial<Record<FormField, FieldError>> {
  const errors: Partial<Record<FormField, FieldError>> = {};
  for (const field of STEP_FIELDS[step]) {
    const problem = check(field, form, ctx);
    if (problem) errors[field] = problem;
  }
  return errors;
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/**
 * The `profiles.save` input: the profile, and only the secrets that were typed (absent ones keep the stored). An
 * empty address is left out for a new profile (main uses the standard one); for an edit it is sent as the standard
 * address of the chosen environment, because main keeps a stored address that is left out.
 */
export function toSaveInput(
  form: ProfileForm,
  options: { editing: boolean } = { editing: false },
): {
  profile: ProfileInput;
  secrets: Partial<Record<SecretKind, string>>;
} {
  const secrets: Partial<Record<SecretKind, string>> = {};
  for (const [field, kind] of Object.entries(SECRET_FIELDS) as [FormField, SecretKind][]) {
    if (form[field]) secrets[kind] = form[field];
  }
  const st = ST_HOSTS[form.stEnvironment];
  const url = (value: string, standard: string) =>
    optional(value) ?? (options.editing ? standard : undefined);
  const drop = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return {
    profile: {
      id: form.id.trim(),
      name: form.name.trim(),
      timeZone: form.timeZone.trim(),
      servicetitan: drop({
        environment: form.stEnvironment,
        tenantId: form.stTenantId.trim(),
        clientId: form.stClientId.trim(),
        authUrl: url(form.stAuthUrl, st.authUrl),
        apiBaseUrl: url(form.stApiBaseUrl, st.apiBaseUrl),
      }),
      visma: drop({
        environment: form.vismaEnvironment,
        tenantId: form.vismaTenantId.trim(),
        companyId: form.vismaCompanyId.trim(),
        companyName: optional(form.vismaCompanyName),
        clientId: form.vismaClientId.trim(),
        tokenUrl: url(form.vismaTokenUrl, VISMA_HOSTS.tokenUrl),
        apiBaseUrl: url(form.vismaApiBaseUrl, VISMA_HOSTS.apiBaseUrl),
      }),
    },
    secrets,
  };
}
