import { Button } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { useTranslation } from 'react-i18next';
import type { ActionResult } from '../../components/ResultBar';
import { useErrorText } from '../../components/use-error-text';
import { useReconciliationExport } from '../../data/reconciliation';
import { downloadText } from '../audit/csv';

/** Downloads the auditor's CSV of the period as main writes it (file name included), and says how that went. */
export function ExportButton(props: {
  profileId: string;
  period: string;
  disabled: boolean;
  onResult: (result: ActionResult | null) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const exporter = useReconciliationExport(props.profileId);
  function run() {
    props.onResult(null);
    exporter.mutate(props.period, {
      onSuccess: ({ filename, csv }) => {
        downloadText(filename, csv);
        props.onResult({ intent: 'success', text: t('pages.reconciliation.exported', { file: filename }) });
      },
      onError: (error) =>
        props.onResult({
          intent: 'error',
          text: t('pages.reconciliation.exportFailed', { message: errorText(error) }),
        }),
    });
  }
  return (
    <Button
      appearance="primary"
      icon={<ArrowDownload20Regular />}
      disabled={props.disabled || exporter.isPending}
      onClick={run}
    >
      {exporter.isPending ? t('pages.reconciliation.exporting') : t('pages.reconciliation.export')}
    </Button>
  );
}
