import { phoneKey } from './normalize-name';

/** The party fields kept equal between ServiceTitan and Visma, in one side-neutral shape. */

/** Fields mapped both ways (payment terms are not: ServiceTitan's vendor read model does not carry them). */
export const PARTY_FIELDS = ['name', 'active', 'street', 'zip', 'city', 'country', 'email', 'phone'] as const;
/** One mapped field. */
export type PartyField = (typeof PARTY_FIELDS)[number];
/** Field values as text; `active` is "active" or "inactive"; empty text means "no value". */
export type PartyFields = Record<PartyField, string>;

/** The words an accountant reads for each field. */
export const FIELD_LABELS: Record<PartyField, string> = {
  name: 'name',
  active: 'active/inactive',
  street: 'street address',
  zip: 'postal code',
  city: 'city',
  country: 'country',
  email: 'e-mail',
  phone: 'phone',
};

/** Builds the side-neutral fields from possibly missing values (trimmed; null and undefined become empty). */
export function partyFields(
  values: Partial<Record<Exclude<PartyField, 'active'>, string | null | undefined>> & { active: boolean },
): PartyFields {
  const t = (v: string | null | undefined) => (v ?? '').trim();
  return {
    name: t(values.name),
    active: values.active ? 'active' : 'inactive',
    street: t(values.street),
    zip: t(values.zip),
    city: t(values.city),
    country: t(values.country).toUpperCase(),
    email: t(values.email),
    phone: t(values.phone),
  };
}

/** Whether two values mean the same (case and spacing ignored; phone numbers compared by digits). */
export function sameValue(field: PartyField, a: string, b: string): boolean {
  if (field === 'phone') return phoneKey(a) === phoneKey(b);
  return a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads stored snapshot JSON back into fields (unknown or missing keys become empty). */
export function fieldsFromJson(json: string): PartyFields {
  const raw = JSON.parse(json) as Partial<PartyFields>;
  const out = {} as PartyFields;
  for (const f of PARTY_FIELDS) out[f] = typeof raw[f] === 'string' ? raw[f] : '';
  return out;
}
