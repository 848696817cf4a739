import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { LedgerBackupView, LedgerRestoreView } from '../../../shared/contract/ledger-schemas';
import { BridgeCallError } from '../../bridge/client';
import { useErrorText } from '../../components/use-error-text';
import { useRestoreLedger } from '../../data/ledger';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1 },
  detail: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
});

/**
 * Asks before a backup replaces the ledger, says what happens to the current file, and shows a refusal plainly. It
 * stays mounted and closes through `open`, so the dialog hands the page back to screen readers when it closes.
 */
export function RestoreBackupDialog(props: {
  backup: LedgerBackupView;
  open: boolean;
  onClose: (restored: LedgerRestoreView | null) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const errorText = useErrorText();
  const restore = useRestoreLedger();
  const refused = restore.error instanceof BridgeCallError && restore.error.code === 'conflict';
  const close = (result: LedgerRestoreView | null) => {
    restore.reset();
    props.onClose(result);
  };
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_, data) => !data.open && close(null)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {t('settings.backups.confirmTitle', { date: format.dateTime(props.backup.createdAt) })}
          </DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('settings.backups.confirmBody')}</Text>
            {restore.isError && (
              <div role="alert">
                <Text className={styles.error}>
                  {refused ? t('settings.backups.restoreRefused') : t('settings.backups.restoreFailed')}
                </Text>
                <Text as="p" size={200} className={styles.detail}>
                  {errorText(restore.error)}
                </Text>
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => close(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              appearance="primary"
              disabled={restore.isPending}
              onClick={() => restore.mutate(props.backup.name, { onSuccess: (result) => close(result) })}
            >
              {restore.isPending ? t('settings.backups.restoring') : t('settings.backups.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
