import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons/svg/arrow-download';
import { ArrowUpload20Regular } from '@fluentui/react-icons/svg/arrow-upload';
import { useTranslation } from 'react-i18next';
import type {
  ImportPlanView,
  MappingChangeView,
  MappingFormat,
} from '../../../shared/contract/mapping-schemas';
import { ResultBar, type ActionResult } from '../../components/ResultBar';
import { useErrorText } from '../../components/use-error-text';
import { useExportMappings, useImportMappings } from '../../data/mappings';
import { downloadText } from '../audit/csv';
import { useRefusalText } from './refusal-text';

const useStyles = makeStyles({
  bar: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: '160px', overflowY: 'auto' },
  refused: { color: tokens.colorPaletteRedForeground1 },
});

const targetText = (t: Record<string, string> | null) =>
  t
    ? Object.entries(t)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')
    : '–';

function ChangeList(props: { title: string; changes: MappingChangeView[]; testId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  if (props.changes.length === 0) return null;
  return (
    <section data-testid={props.testId}>
      <Text weight="semibold">{props.title}</Text>
      <ul className={styles.list}>
        {props.changes.map((c) => (
          <li key={`${c.table}:${c.key}`}>
            {t('pages.mappings.file.row', {
              table: c.table,
              key: c.key,
              before: targetText(c.before),
              after: targetText(c.after),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What a checked file would change, and what is refused (by name). */
function PlanView(props: { plan: ImportPlanView }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const refusalText = useRefusalText();
  const { plan } = props;
  const nothing = plan.adds.length + plan.changes.length + plan.removals.length === 0;
  return (
    <div className={styles.content}>
      {plan.refusals.length > 0 && (
        <section data-testid="import-refusals" role="alert">
          <Text weight="semibold" className={styles.refused}>
            {t('pages.mappings.file.refusals', { count: plan.refusals.length })}
          </Text>
          <ul className={styles.list}>
            {plan.refusals.map((r) => (
              <li key={`${r.table}:${r.key}:${r.field}`} className={styles.refused}>
                {t('pages.mappings.file.refusalRow', { table: r.table, key: r.key, text: refusalText(r) })}
              </li>
            ))}
          </ul>
          <Text>{t('pages.mappings.file.refusedNote')}</Text>
        </section>
      )}
      <ChangeList
        title={t('pages.mappings.file.adds', { count: plan.adds.length })}
        changes={plan.adds}
        testId="import-adds"
      />
      <ChangeList
        title={t('pages.mappings.file.changes', { count: plan.changes.length })}
        changes={plan.changes}
        testId="import-changes"
      />
      <ChangeList
        title={t('pages.mappings.file.removals', { count: plan.removals.length })}
        changes={plan.removals}
        testId="import-removals"
      />
      <Text>
        {nothing
          ? t('pages.mappings.file.nothing')
          : t('pages.mappings.file.unchanged', { count: plan.unchanged })}
      </Text>
    </div>
  );
}

/** Checks a chosen file against Visma (a dry run listing what it would change), then applies it on request. */
function ImportDialog(props: { profileId: string; onClose: (result: ActionResult | null) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const importer = useImportMappings(props.profileId);
  const [file, setFile] = useState<{ format: MappingFormat; content: string } | null>(null);
  const [plan, setPlan] = useState<ImportPlanView | null>(null);
  const run = (apply: boolean) =>
    file &&
    importer.mutate(
      { ...file, apply },
      {
        onSuccess: (answer) => {
          setPlan(answer);
          if (answer.applied)
            props.onClose({
              intent: 'success',
              text: t('pages.mappings.file.applied', {
                adds: answer.adds.length,
                changes: answer.changes.length,
                removals: answer.removals.length,
              }),
            });
        },
      },
    );
  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && props.onClose(null)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('pages.mappings.file.importTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>{t('pages.mappings.file.importExplain')}</Text>
            <Field label={t('pages.mappings.file.chooseFile')}>
              <input
                type="file"
                accept=".json,.csv,application/json,text/csv"
                onChange={(e) => {
                  const chosen = e.target.files?.[0];
                  setPlan(null);
                  importer.reset();
                  if (!chosen) return setFile(null);
                  void chosen
                    .text()
                    .then((content) =>
                      setFile({ format: /\.csv$/i.test(chosen.name) ? 'csv' : 'json', content }),
                    );
                }}
              />
            </Field>
            {importer.isPending && <Spinner size="tiny" label={t('pages.mappings.file.checking')} />}
            {importer.isError && (
              <Text role="alert" className={styles.refused}>
                {t('pages.mappings.file.failed', { message: errorText(importer.error) })}
              </Text>
            )}
            {plan && <PlanView plan={plan} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => props.onClose(null)}>
              {t('pages.mappings.file.close')}
            </Button>
            <Button disabled={!file || importer.isPending} onClick={() => run(false)}>
              {t('pages.mappings.file.check')}
            </Button>
            <Button
              appearance="primary"
              disabled={!plan || plan.refusals.length > 0 || importer.isPending}
              onClick={() => run(true)}
            >
              {t('pages.mappings.file.apply')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Export (JSON or CSV) and import of the mappings, for the mappings page. */
export function MappingFiles(props: { profileId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const exporter = useExportMappings(props.profileId);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const download = (format: MappingFormat) =>
    exporter.mutate(format, {
      onSuccess: ({ filename, content }) => {
        downloadText(filename, content, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
        setResult({ intent: 'success', text: t('pages.mappings.file.exported', { file: filename }) });
      },
      onError: (error) =>
        setResult({
          intent: 'error',
          text: t('pages.mappings.file.exportFailed', { message: errorText(error) }),
        }),
    });
  return (
    <div>
      <div className={styles.bar}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<ArrowDownload20Regular />}>{t('pages.mappings.file.export')}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => download('json')}>{t('pages.mappings.file.exportJson')}</MenuItem>
              <MenuItem onClick={() => download('csv')}>{t('pages.mappings.file.exportCsv')}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button icon={<ArrowUpload20Regular />} onClick={() => setImporting(true)}>
          {t('pages.mappings.file.import')}
        </Button>
      </div>
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      {importing && (
        <ImportDialog
          profileId={props.profileId}
          onClose={(r) => {
            setImporting(false);
            if (r) setResult(r);
          }}
        />
      )}
    </div>
  );
}
