import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANGED_FIELDS, oneOf } from '../../i18n/codes';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import type { Entry } from './close-view';
import { amount } from './recon-view';

type Params = Entry['reason']['params'];

/** Every parameter a reason text may name; one the engine left out reads as a dash rather than as `{{name}}`. */
const PARAM_NAMES = [
  'vismaNumber',
  'status',
  'reviewReason',
  'state',
  'fields',
  'differences',
  'amountDifference',
  'vatDifference',
  'count',
  'numbers',
  'periods',
  'reversal',
  'by',
  'why',
  'date',
  'marker',
] as const;

const list = (value: string | number | undefined) =>
  value === undefined || value === ''
    ? []
    : String(value)
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);

const isDecimal = (value: string) => /^-?\d+(\.\d+)?$/.test(value);

/** Turns a reason's parameters into words of the UI language: codes named, figures, dates and periods formatted. */
function useParamWords(): (params: Params) => Record<(typeof PARAM_NAMES)[number], string> {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const format = useFormat();
  return useCallback(
    (params) => {
      const words = Object.fromEntries(PARAM_NAMES.map((name) => [name, '–'])) as Record<
        (typeof PARAM_NAMES)[number],
        string
      >;
      for (const name of PARAM_NAMES) {
        const raw = params[name];
        if (raw !== undefined && raw !== '') words[name] = String(raw);
      }
      const field = (f: string) => (oneOf(CHANGED_FIELDS, f) ? t(`recon.field.${f}`) : f);
      const period = (p: string) =>
        /^\d{6}$/.test(p) ? format.month(Number(p.slice(0, 4)), Number(p.slice(4, 6)) - 1) : p;
      if (params.reviewReason !== undefined) words.reviewReason = codes.reason(String(params.reviewReason));
      if (params.state !== undefined) words.state = codes.state(String(params.state));
      if (list(params.fields).length > 0) words.fields = list(params.fields).map(field).join(', ');
      if (list(params.differences).length > 0)
        words.differences = list(params.differences).map(field).join(', ');
      for (const name of ['amountDifference', 'vatDifference'] as const)
        if (isDecimal(words[name])) words[name] = format.number(amount(words[name]), 2);
      if (list(params.numbers).length > 0) words.numbers = list(params.numbers).join(', ');
      if (list(params.periods).length > 0) words.periods = list(params.periods).map(period).join(', ');
      if (typeof params.count === 'number') words.count = format.number(params.count);
      if (/^\d{4}-\d{2}-\d{2}/.test(words.date)) words.date = format.date(words.date.slice(0, 10));
      return words;
    },
    [t, codes, format],
  );
}

/**
 * The reason an entry is in its bucket, in plain words of the UI language (`recon.reason.<code>` with its
 * parameters; the contract admits only codes every language has a text for).
 */
export function useReasonText(): (reason: Entry['reason']) => string {
  const { t } = useTranslation();
  const words = useParamWords();
  return useCallback(({ code, params }) => t(`recon.reason.${code}`, words(params)), [t, words]);
}
