import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/**
 * Approving a holding-account document is a choice, never a click-through: post its lines to the right account
 * (the fix in place; not offered for several documents at once) or keep them on the holding account (audited).
 */
export function ApproveChoiceDialog(props: {
  /** The document's number, or "3 documents". */
  subject: string;
  holdingAccount: string | null;
  busy: boolean;
  /** Absent when several documents are approved together. */
  onFix?: () => void;
  onKeep: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('pages.review.approveChoice.title', { number: props.subject })}</DialogTitle>
          <DialogContent>
            <Text>
              {props.holdingAccount
                ? t('pages.review.approveChoice.body', { account: props.holdingAccount })
                : t('pages.review.approveChoice.bodyNoAccount')}
            </Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button appearance="secondary" disabled={props.busy} onClick={props.onKeep}>
              {t('pages.review.approveChoice.keep')}
            </Button>
            {props.onFix && (
              <Button appearance="primary" disabled={props.busy} onClick={props.onFix}>
                {t('pages.review.approveChoice.fix')}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
