import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '../../../shared/contract/engine-schemas';
import { useCodeLabels, type CodeLabels } from '../../i18n/use-code-labels';

/** The key of an audit message code's text; a code this version has no text for is shown as the engine's sentence. */
const messageKey = (code: string) => `pages.audit.message.${code}`;

/** Message values that are themselves codes, said in words: document types and review reasons. */
function readableParams(params: AuditEntryView['messageParams'], codes: CodeLabels): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    const text = String(value);
    if (name === 'docType') out[name] = codes.vismaDocType(text);
    else if (name === 'sourceType') out[name] = codes.sourceType(text);
    else if (name === 'reason') out[name] = codes.reason(text);
    else out[name] = text;
  }
  return out;
}

/** An audit entry's message in the UI language when it carries a known code, else the engine's own sentence. */
export function useAuditMessage(): (entry: AuditEntryView) => string {
  const { t, i18n } = useTranslation();
  // Each message text names its own values; the engine stores exactly those beside the code.
  const translate = t as unknown as (key: string, values: Record<string, string>) => string;
  const codes = useCodeLabels();
  return useCallback(
    (entry) =>
      entry.messageCode && i18n.exists(messageKey(entry.messageCode))
        ? translate(messageKey(entry.messageCode), readableParams(entry.messageParams, codes))
        : (entry.message ?? ''),
    [translate, codes, i18n],
  );
}
