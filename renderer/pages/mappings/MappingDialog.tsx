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
  Input,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MappingRuleView } from '../../../shared/contract/engine-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useSetMapping } from '../../data/mappings';
import { maxLength, targetFrom, type MappingField, type MappingTableSpec } from './mapping-tables';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** Adds a rule to a table, or edits one (its source key then stays). */
export function MappingDialog(props: {
  profileId: string;
  spec: MappingTableSpec;
  rule: MappingRuleView | null;
  onClose: (saved: string | null) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const save = useSetMapping(props.profileId);
  const { spec, rule } = props;
  const [sourceKey, setSourceKey] = useState(rule?.sourceKey ?? '');
  const [values, setValues] = useState<Partial<Record<MappingField, string>>>(rule?.target ?? {});
  const [tried, setTried] = useState(false);
  const target = targetFrom(spec, values);
  const keyMissing = sourceKey.trim() === '';

  function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (keyMissing || !target) return;
    const key = sourceKey.trim();
    save.mutate({ table: spec.id, sourceKey: key, target }, { onSuccess: () => props.onClose(key) });
  }

  const fieldError = (field: MappingField) =>
    tried && !target && (spec.need === 'all' ? !values[field]?.trim() : true);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose(null)}>
      <DialogSurface>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>
              {rule
                ? t('pages.mappings.dialog.editTitle', { table: t(`pages.mappings.table.${spec.id}.name`) })
                : t('pages.mappings.dialog.addTitle', { table: t(`pages.mappings.table.${spec.id}.name`) })}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t(`pages.mappings.table.${spec.id}.explain`)}</Text>
              <Field
                label={t(`pages.mappings.table.${spec.id}.source`)}
                required
                validationState={tried && keyMissing ? 'error' : 'none'}
                validationMessage={tried && keyMissing ? t('pages.mappings.dialog.keyRequired') : undefined}
              >
                <Input
                  value={sourceKey}
                  disabled={rule !== null}
                  maxLength={100}
                  onChange={(_, data) => setSourceKey(data.value)}
                />
              </Field>
              {spec.fields.map((field) => (
                <Field
                  key={field}
                  label={t(`pages.mappings.field.${field}`)}
                  required={spec.need === 'all'}
                  validationState={fieldError(field) ? 'error' : 'none'}
                  validationMessage={
                    fieldError(field)
                      ? spec.need === 'all'
                        ? t('pages.mappings.dialog.fieldRequired')
                        : t('pages.mappings.dialog.oneRequired')
                      : undefined
                  }
                >
                  <Input
                    value={values[field] ?? ''}
                    maxLength={maxLength(field)}
                    onChange={(_, data) => setValues((prev) => ({ ...prev, [field]: data.value }))}
                  />
                </Field>
              ))}
              {save.isError && (
                <Text role="alert" className={styles.error}>
                  {t('pages.mappings.dialog.saveFailed', { message: errorText(save.error) })}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => props.onClose(null)}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={save.isPending}>
                {t('common.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
