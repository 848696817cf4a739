import { describe, expect, it } from 'vitest';
import { ApiError, dispatch, type Handlers } from '../../../main/api/dispatch';
import { redactor } from '../../../main/log/redactor';

const handlers = {
  'settings.setLocale': ({ locale }: { locale: string }) => Promise.resolve({ locale }),
  'profiles.setActive': () => Promise.reject(new ApiError('not_found', 'There is no profile "x".')),
  'app.info': () => Promise.reject(new Error('disk on fire with secret hunter2-long')),
} as unknown as Handlers;

describe('dispatch', () => {
  it('runs a valid call', async () => {
    expect(await dispatch(handlers, 'settings.setLocale', { locale: 'nb' })).toEqual({
      ok: true,
      value: { locale: 'nb' },
    });
  });
  it('refuses invalid input with the field named, without running the handler', async () => {
    const r = await dispatch(handlers, 'settings.setLocale', { locale: 'de', extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid_input');
      expect(r.error.issues?.map((i) => i.path)).toContain('locale');
    }
  });
  it('refuses unknown channels, including prototype names', async () => {
    for (const name of ['nope', 'constructor', '__proto__', 'toString']) {
      const r = await dispatch(handlers, name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });
  it('passes ApiError codes through and never throws', async () => {
    expect(await dispatch(handlers, 'profiles.setActive', { profileId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
  it('turns unexpected errors into internal errors with secrets masked', async () => {
    redactor.add('hunter2-long');
    const r = await dispatch(handlers, 'app.info', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!r.ok) expect(r.error.message).not.toContain('hunter2-long');
  });
});
