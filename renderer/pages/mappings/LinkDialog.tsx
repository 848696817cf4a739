import { useState, type FormEvent } from 'react';
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
import type { LinkKindInput, LinkRowView } from '../../../shared/contract/mapping-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useLinkChange, useRecordLookup } from '../../data/mappings';
import { RecordPicker, recordText } from './RecordPicker';
import { useRefusalText } from './refusal-text';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Links one ServiceTitan party to a Visma customer or supplier picked by number or name; refuses what Visma lacks. */
export function LinkDialog(props: {
  profileId: string;
  kind: LinkKindInput;
  row: LinkRowView;
  onClose: (linked: string | null) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const refusalText = useRefusalText();
  const lookup = useRecordLookup(props.profileId);
  const change = useLinkChange(props.profileId);
  const [key, setKey] = useState(props.row.vismaKey ?? '');
  const [refused, setRefused] = useState<string | undefined>();
  const name = props.row.stName ?? props.row.stId;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!key) return setRefused(t('pages.mappings.dialog.fieldRequired'));
    const record = await lookup(props.kind, key);
    if (!record || !record.active) {
      return setRefused(
        refusalText({
          what: props.kind,
          value: key,
          code: record ? 'inactive' : 'missing',
          ...(record?.name && { name: record.name }),
        }),
      );
    }
    change.mutate(
      { type: 'link', kind: props.kind, stId: props.row.stId, vismaKey: key },
      { onSuccess: () => props.onClose(recordText(record.key, record.name)) },
    );
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose(null)}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{t('pages.mappings.links.dialogTitle', { name })}</DialogTitle>
            <DialogContent className={styles.content}>
              <RecordPicker
                profileId={props.profileId}
                kind={props.kind}
                label={t(`pages.mappings.links.picker.${props.kind}`)}
                required
                initial={
                  props.row.vismaKey
                    ? { key: props.row.vismaKey, name: props.row.vismaName ?? undefined }
                    : undefined
                }
                error={refused}
                onChange={(value) => {
                  setKey(value);
                  setRefused(undefined);
                }}
              />
              {change.isError && (
                <Text role="alert" className={styles.error}>
                  {t('pages.mappings.links.failed', { message: errorText(change.error) })}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => props.onClose(null)}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={change.isPending}>
                {t('pages.mappings.links.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
