import type { TFunction } from 'i18next';

/** A refusal from main as a message code and its values (`errors.api.<code>`). */
export interface ApiErrorText {
  code: string;
  params: Record<string, string | number>;
}

type Say = (key: string, values?: Record<string, string | number>) => string;

/** A refused mapping target said in words: which record, what is wrong with it, and where it was asked for. */
function targetRefusal(say: Say, params: ApiErrorText['params']): string {
  const p = (name: string) => String(params[name] ?? '');
  const table = p('table');
  const where = !table.startsWith('links.')
    ? say('errors.api.targetRefused.rule', { table, key: p('key') })
    : say(
        p('what') === 'customer'
          ? 'errors.api.targetRefused.linkCustomer'
          : 'errors.api.targetRefused.linkVendor',
        {
          key: p('key'),
        },
      );
  const named = params.name === undefined ? '' : say('errors.api.targetRefused.named', { name: p('name') });
  const refusal = ['missing', 'expired'].includes(p('refusal')) ? p('refusal') : 'inactive';
  const sentence = say(`errors.api.targetRefused.${refusal}`, {
    what: say(`errors.api.what.${p('what')}`),
    value: p('value'),
    named,
    where,
  });
  const others = Number(params.others ?? 0);
  return others > 0 ? `${sentence} ${say('errors.api.targetRefused.others', { count: others })}` : sentence;
}

/** Main's refusal in the UI language, or undefined when this version has no text for its code. */
export function apiErrorText(
  t: TFunction,
  exists: (key: string) => boolean,
  text: ApiErrorText,
): string | undefined {
  const say = t as unknown as Say;
  if (text.code === 'targetRefused') return targetRefusal(say, text.params);
  const key = `errors.api.${text.code}`;
  return exists(key) ? say(key, text.params) : undefined;
}
