import { Button, Spinner, Tooltip } from '@fluentui/react-components';
import { ArrowSync20Regular } from '@fluentui/react-icons/svg/arrow-sync';
import { useTranslation } from 'react-i18next';

/**
 * The page's main action. Enabled when a profile is active and nothing runs; otherwise focusable but disabled, with
 * the reason as its description (so keyboard and screen-reader users learn why).
 */
export function SyncButton(props: { disabledReason: string | null; running: boolean; onClick?: () => void }) {
  const { t } = useTranslation();
  const label = props.running ? t('pages.dashboard.syncing') : t('pages.dashboard.syncNow');
  const icon = props.running ? <Spinner size="extra-tiny" /> : <ArrowSync20Regular />;
  if (props.disabledReason) {
    return (
      <Tooltip content={props.disabledReason} relationship="description">
        <Button appearance="primary" icon={icon} disabledFocusable>
          {label}
        </Button>
      </Tooltip>
    );
  }
  return (
    <Button appearance="primary" icon={icon} onClick={props.onClick}>
      {label}
    </Button>
  );
}
