import { Link, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SyncRunView } from '../../../shared/contract/engine-schemas';

const SYSTEM_NAMES = { servicetitan: 'ServiceTitan', visma: 'Visma.net' } as const;

/**
 * What to do after a run that failed on a refused credential or a system out of reach; nothing for other runs (the
 * last-run card shows their reason). It goes away with the next run that gets through.
 */
export function RunFailureWarning({ run }: { run: SyncRunView }) {
  const { t } = useTranslation();
  const failure = run.status === 'failed' ? run.failure : null;
  if (!failure || failure.kind === 'other' || !failure.system) return null;
  const system = SYSTEM_NAMES[failure.system];
  const credentials = failure.kind === 'credentials';
  return (
    <MessageBar
      intent={credentials ? 'error' : 'warning'}
      layout="multiline"
      data-testid="run-failure-warning"
    >
      <MessageBarBody>
        <MessageBarTitle>
          {t(
            credentials
              ? 'pages.dashboard.runFailure.credentialsTitle'
              : 'pages.dashboard.runFailure.unreachableTitle',
            {
              system,
            },
          )}
        </MessageBarTitle>
        {t(
          credentials
            ? 'pages.dashboard.runFailure.credentialsBody'
            : 'pages.dashboard.runFailure.unreachableBody',
          {
            system,
          },
        )}{' '}
        {credentials && <Link href="#/settings">{t('pages.dashboard.runFailure.openSettings')}</Link>}
      </MessageBarBody>
    </MessageBar>
  );
}
