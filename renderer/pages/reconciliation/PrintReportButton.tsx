import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import { Print20Regular } from '@fluentui/react-icons/svg/print';
import { useTranslation } from 'react-i18next';
import type { ActionResult } from '../../components/ResultBar';
import { useErrorText } from '../../components/use-error-text';
import { printHtml } from './print-report';

/** "Print report": loads the period's printable report from main and opens the print dialog on it. */
export function PrintReportButton(props: {
  load: () => Promise<string>;
  disabled: boolean;
  onResult: (result: ActionResult | null) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [busy, setBusy] = useState(false);
  async function run() {
    props.onResult(null);
    setBusy(true);
    try {
      await printHtml(await props.load());
    } catch (error) {
      props.onResult({
        intent: 'error',
        text: t('pages.reconciliation.print.failed', { message: errorText(error) }),
      });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Button icon={<Print20Regular />} disabled={props.disabled || busy} onClick={() => void run()}>
      {busy ? t('pages.reconciliation.print.preparing') : t('pages.reconciliation.print.button')}
    </Button>
  );
}
