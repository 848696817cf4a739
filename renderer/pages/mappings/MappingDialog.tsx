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
import { useRecordLookup, useSetMapping } from '../../data/mappings';
import {
  FIELD_RECORDS,
  SOURCE_RECORDS,
  targetFrom,
  type MappingField,
  type MappingTableSpec,
} from './mapping-tables';
import { RecordPicker } from './RecordPicker';
import { useRefusalText } from './refusal-text';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Refusals = Partial<Record<MappingField, string>>;

/**
 * Adds a rule to a table, or edits one (its source key then stays). Targets are picked from Visma's records by number
 * or name; a number typed by hand that Visma does not have, or has inactive, is refused by name before saving (and
 * main refuses it again).
 */
export function MappingDialog(props: {
  profileId: string;
  spec: MappingTableSpec;
  rule: MappingRuleView | null;
  onClose: (saved: string | null) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const refusalText = useRefusalText();
  const lookup = useRecordLookup(props.profileId);
  const save = useSetMapping(props.profileId);
  const { spec, rule } = props;
  const [sourceKey, setSourceKey] = useState(rule?.sourceKey ?? '');
  const [values, setValues] = useState<Partial<Record<MappingField, string>>>(rule?.target ?? {});
  const [tried, setTried] = useState(false);
  const [refused, setRefused] = useState<Refusals>({});
  const [checking, setChecking] = useState(false);
  const target = targetFrom(spec, values);
  const keyMissing = sourceKey.trim() === '';
  const sourceKind = SOURCE_RECORDS[spec.id];

  async function refusalsOf(chosen: Record<string, string>): Promise<Refusals> {
    const out: Refusals = {};
    for (const [field, value] of Object.entries(chosen) as [MappingField, string][]) {
      const what = FIELD_RECORDS[field];
      const record = await lookup(what, value);
      const code = !record ? 'missing' : !record.active ? 'inactive' : null;
      if (code)
        out[field] = refusalText({
          what,
          value,
          code,
          ...(record?.name && { name: record.name }),
        });
    }
    return out;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (keyMissing || !target) return;
    setChecking(true);
    const found = await refusalsOf(target).finally(() => setChecking(false));
    setRefused(found);
    if (Object.keys(found).length > 0) return;
    const key = sourceKey.trim();
    save.mutate({ table: spec.id, sourceKey: key, target }, { onSuccess: () => props.onClose(key) });
  }

  const fieldError = (field: MappingField) =>
    refused[field] ??
    (tried && !target && (spec.need === 'all' ? !values[field]?.trim() : true)
      ? spec.need === 'all'
        ? t('pages.mappings.dialog.fieldRequired')
        : t('pages.mappings.dialog.oneRequired')
      : undefined);
  const keyLabel = t(`pages.mappings.table.${spec.id}.source`);
  const keyError = tried && keyMissing ? t('pages.mappings.dialog.keyRequired') : undefined;
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose(null)}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>
              {rule
                ? t('pages.mappings.dialog.editTitle', { table: t(`pages.mappings.table.${spec.id}.name`) })
                : t('pages.mappings.dialog.addTitle', { table: t(`pages.mappings.table.${spec.id}.name`) })}
            </DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t(`pages.mappings.table.${spec.id}.explain`)}</Text>
              {sourceKind && rule === null ? (
                <RecordPicker
                  profileId={props.profileId}
                  kind={sourceKind}
                  label={keyLabel}
                  required
                  error={keyError}
                  onChange={setSourceKey}
                />
              ) : (
                <Field
                  label={keyLabel}
                  required
                  validationState={keyError ? 'error' : 'none'}
                  validationMessage={keyError}
                >
                  <Input
                    value={rule?.sourceName ? `${sourceKey} ${rule.sourceName}` : sourceKey}
                    disabled={rule !== null}
                    maxLength={100}
                    onChange={(_, data) => setSourceKey(data.value)}
                  />
                </Field>
              )}
              {spec.fields.map((field) => (
                <RecordPicker
                  key={field}
                  profileId={props.profileId}
                  kind={FIELD_RECORDS[field]}
                  label={t(`pages.mappings.field.${field}`)}
                  required={spec.need === 'all'}
                  initial={
                    rule?.target[field] ? { key: rule.target[field], name: rule.names?.[field] } : undefined
                  }
                  error={fieldError(field)}
                  onChange={(key) => {
                    setValues((prev) => ({ ...prev, [field]: key }));
                    setRefused((prev) => ({ ...prev, [field]: undefined }));
                  }}
                />
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
              <Button appearance="primary" type="submit" disabled={save.isPending || checking}>
                {t('common.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
