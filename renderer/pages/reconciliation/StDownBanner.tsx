import { MessageBar, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReconciliationView } from '../../../shared/contract/engine-schemas';

/** Says so when ServiceTitan could not be read and the ledger stood in for it, with what ServiceTitan answered. */
export function StDownBanner({ view }: { view: ReconciliationView }) {
  const { t } = useTranslation();
  if (view.servicetitanLive) return null;
  return (
    <MessageBar intent="warning" layout="multiline" data-testid="recon-st-down">
      <MessageBarBody>
        <MessageBarTitle>{t('pages.reconciliation.stDown.title')}</MessageBarTitle>
        {t('pages.reconciliation.stDown.body')}
        {view.servicetitanError && (
          <Text block>{t('pages.reconciliation.stDown.reason', { message: view.servicetitanError })}</Text>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
