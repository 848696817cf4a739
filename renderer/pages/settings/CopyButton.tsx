import { useState } from 'react';
import { Button, Caption1 } from '@fluentui/react-components';
import { Checkmark20Regular } from '@fluentui/react-icons/svg/checkmark';
import { Copy20Regular } from '@fluentui/react-icons/svg/copy';
import { useTranslation } from 'react-i18next';

/** Copies `text` to the clipboard; where the clipboard is not allowed it says how to copy by hand. */
export function CopyButton(props: { text: string; what: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <Button
        size="small"
        icon={state === 'copied' ? <Checkmark20Regular /> : <Copy20Regular />}
        aria-label={t('settings.copy.copyNamed', { what: props.what })}
        onClick={() => void copy()}
      >
        {state === 'copied' ? t('settings.copy.copied') : t('settings.copy.copy')}
      </Button>
      {state === 'failed' && <Caption1 role="status">{t('settings.copy.failed')}</Caption1>}
    </>
  );
}
