import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../main/api/dispatch';
import { REFUSAL_CODES, refuse, refuseTargets } from '../../../main/api/refusals';
import { apiErrorText } from '../../../renderer/components/api-error-text';
import { createI18n } from '../../../renderer/i18n/create-i18n';
import { RefusalView } from '../../../shared/contract/mapping-schemas';
import { Locale } from '../../../shared/contract/schemas';

const handlers = {
  'profiles.setActive': ({ profileId }: { profileId: string }) =>
    Promise.reject(refuse('noProfile', { profile: profileId })),
} as unknown as Handlers;

const refusal = {
  table: 'expenseByGlAccount',
  key: '6900',
  field: 'account',
  what: 'account',
  value: '9999',
  code: 'missing',
} as const;

describe('refusals a handler gives on purpose', () => {
  it('travel with their message code and values beside the English sentence', async () => {
    expect(await dispatch(handlers, 'profiles.setActive', { profileId: 'north' })).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message: 'There is no profile "north".',
        messageCode: 'noProfile',
        messageParams: { profile: 'north' },
      },
    });
  });

  it.each(Locale.options)('have a text in %s for every code', async (locale) => {
    const i18n = await createI18n(locale);
    for (const code of REFUSAL_CODES) {
      const key = code === 'targetRefused' ? 'errors.api.targetRefused.missing' : `errors.api.${code}`;
      expect(i18n.exists(key), `${locale}: ${key}`).toBe(true);
    }
    for (const what of RefusalView.shape.what.options)
      expect(i18n.exists(`errors.api.what.${what}`), `${locale}: what.${what}`).toBe(true);
  });

  it('say a refused mapping target in the UI language, naming the record and the rule', async () => {
    const error = refuseTargets([refusal, { ...refusal, field: 'vatCode', what: 'vatCode', value: '77' }]);
    expect(error.message).toBe(
      'Visma has no account 9999 (the rule expenseByGlAccount "6900"). Visma has no VAT code 77 (the rule expenseByGlAccount "6900").',
    );
    const nb = await createI18n('nb');
    const text = apiErrorText(nb.t, (key) => nb.exists(key), error.text!);
    expect(text).toBe(
      'Visma har ingen konto 9999 (regelen expenseByGlAccount «6900»). Ett mål til i denne regelen avvises også.',
    );
    const inactive = refuseTargets([
      {
        table: 'links.customers',
        key: '9',
        field: 'customer',
        what: 'customer',
        value: '10005',
        code: 'inactive',
        name: 'Gamle Kunde AS',
      },
    ]);
    expect(apiErrorText(nb.t, (key) => nb.exists(key), inactive.text!)).toBe(
      'Visma kunde 10005 «Gamle Kunde AS» er inaktiv (koblingen til ServiceTitan-kunde 9).',
    );
  });

  it('fall back to main’s sentence for a code this version has no text for', async () => {
    const en = await createI18n('en');
    expect(
      apiErrorText(en.t, (key) => en.exists(key), { code: 'fromTheFuture', params: {} }),
    ).toBeUndefined();
  });
});
