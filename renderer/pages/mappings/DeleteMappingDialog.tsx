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
import type { MappingRuleView } from '../../../shared/contract/engine-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useSetMapping } from '../../data/mappings';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Confirms removing a rule; documents that needed it fall back to the next rule or wait in the review queue. */
export function DeleteMappingDialog(props: {
  profileId: string;
  rule: MappingRuleView;
  onClose: (deleted: boolean) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const remove = useSetMapping(props.profileId);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && props.onClose(false)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('pages.mappings.delete.title', { key: props.rule.sourceKey })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('pages.mappings.delete.body')}</Text>
            {remove.isError && (
              <Text role="alert" className={styles.error}>
                {t('pages.mappings.dialog.saveFailed', { message: errorText(remove.error) })}
              </Text>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => props.onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              appearance="primary"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(
                  { table: props.rule.table, sourceKey: props.rule.sourceKey, target: null },
                  { onSuccess: () => props.onClose(true) },
                )
              }
            >
              {t('pages.mappings.delete.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
