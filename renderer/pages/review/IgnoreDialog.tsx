import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** The shortest reason the engine accepts. */
export const MIN_IGNORE_REASON = 3;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Asks why a document should never be posted; the reason goes to the audit log. */
export function IgnoreDialog(props: {
  sourceNumber: string;
  busy: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const valid = reason.trim().length >= MIN_IGNORE_REASON;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (valid) props.onConfirm(reason.trim());
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{t('pages.review.ignore.title', { number: props.sourceNumber })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t('pages.review.ignore.body')}</Text>
              <Field
                label={t('pages.review.ignore.reason')}
                required
                validationState={touched && !valid ? 'error' : 'none'}
                validationMessage={touched && !valid ? t('pages.review.ignore.tooShort') : undefined}
              >
                <Textarea
                  value={reason}
                  maxLength={500}
                  resize="vertical"
                  onChange={(_, data) => setReason(data.value)}
                  onBlur={() => setTouched(true)}
                />
              </Field>
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={props.busy}>
                {t('pages.review.action.ignore')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
