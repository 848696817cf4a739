import { useState } from 'react';
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, ArrowRight16Regular, Delete20Regular, Edit20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { MappingRuleView } from '../../../shared/contract/engine-schemas';
import { ResultBar, type ActionResult } from '../../components/ResultBar';
import { DeleteMappingDialog } from './DeleteMappingDialog';
import { MappingDialog } from './MappingDialog';
import type { MappingTableSpec } from './mapping-tables';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  header: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalM },
  explain: { flexGrow: 1, color: tokens.colorNeutralForeground2 },
  add: { flexShrink: 0, whiteSpace: 'nowrap' },
  arrow: { color: tokens.colorNeutralForeground3, width: '32px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  actionsCol: { width: '96px' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  empty: { color: tokens.colorNeutralForeground2, padding: `${tokens.spacingVerticalL} 0` },
});

type Editing = { rule: MappingRuleView | null } | null;

/** One mapping table: what it is for, its rules (source key → target), and add, edit and delete. */
export function MappingTablePanel(props: {
  profileId: string;
  spec: MappingTableSpec;
  rules: MappingRuleView[];
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { spec } = props;
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<MappingRuleView | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const rules = [...props.rules].sort((a, b) =>
    a.sourceKey.localeCompare(b.sourceKey, undefined, { numeric: true }),
  );
  return (
    <div className={styles.root}>
      <div className={styles.header}>
        <Text className={styles.explain}>{t(`pages.mappings.table.${spec.id}.explain`)}</Text>
        <Button
          className={styles.add}
          appearance="primary"
          icon={<Add20Regular />}
          onClick={() => setEditing({ rule: null })}
        >
          {t('pages.mappings.add')}
        </Button>
      </div>
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      {rules.length === 0 ? (
        <Text className={styles.empty}>{t('pages.mappings.emptyTable')}</Text>
      ) : (
        <Table size="small" aria-label={t(`pages.mappings.table.${spec.id}.name`)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t(`pages.mappings.table.${spec.id}.source`)}</TableHeaderCell>
              <TableHeaderCell className={styles.arrow} aria-hidden="true" />
              {spec.fields.map((field) => (
                <TableHeaderCell key={field}>{t(`pages.mappings.field.${field}`)}</TableHeaderCell>
              ))}
              <TableHeaderCell className={styles.actionsCol}>
                <span className={styles.hidden}>{t('pages.mappings.actions')}</span>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rules.map((rule) => (
              <TableRow key={rule.sourceKey}>
                <TableCell>
                  <Text weight="semibold">{rule.sourceKey}</Text>
                </TableCell>
                <TableCell className={styles.arrow} aria-hidden="true">
                  <ArrowRight16Regular />
                </TableCell>
                {spec.fields.map((field) => (
                  <TableCell key={field}>{rule.target[field] ?? '–'}</TableCell>
                ))}
                <TableCell>
                  <span className={styles.actions}>
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<Edit20Regular />}
                      aria-label={t('pages.mappings.edit', { key: rule.sourceKey })}
                      onClick={() => setEditing({ rule })}
                    />
                    <Button
                      size="small"
                      appearance="subtle"
                      icon={<Delete20Regular />}
                      aria-label={t('pages.mappings.remove', { key: rule.sourceKey })}
                      onClick={() => setDeleting(rule)}
                    />
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <MappingDialog
          profileId={props.profileId}
          spec={spec}
          rule={editing.rule}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setResult({ intent: 'success', text: t('pages.mappings.saved', { key: saved }) });
          }}
        />
      )}
      {deleting && (
        <DeleteMappingDialog
          profileId={props.profileId}
          rule={deleting}
          onClose={(deleted) => {
            if (deleted)
              setResult({
                intent: 'success',
                text: t('pages.mappings.deleted', { key: deleting.sourceKey }),
              });
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}
