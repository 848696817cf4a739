import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { useTranslation } from 'react-i18next';

/** What an action reports back: success, a warning (done, but something needs a look), or an error. */
export interface ActionResult {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

/** The outcome of the last action, announced politely, until the user dismisses it or acts again. */
export function ResultBar(props: { result: ActionResult | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      {props.result && (
        <MessageBar intent={props.result.intent} layout="multiline">
          <MessageBarBody>{props.result.text}</MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                aria-label={t('common.dismiss')}
                icon={<DismissRegular />}
                onClick={props.onDismiss}
              />
            }
          />
        </MessageBar>
      )}
    </div>
  );
}
