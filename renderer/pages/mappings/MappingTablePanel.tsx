import { useState } from 'react';
import {
  Button,
  SearchBox,
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
import { Add20Regular } from '@fluentui/react-icons/svg/add';
import { ArrowRight16Regular } from '@fluentui/react-icons/svg/arrow-right';
import { ArrowSortDown16Regular } from '@fluentui/react-icons/svg/arrow-sort-down';
import { ArrowSortUp16Regular } from '@fluentui/react-icons/svg/arrow-sort-up';
import { Delete20Regular } from '@fluentui/react-icons/svg/delete';
import { Edit20Regular } from '@fluentui/react-icons/svg/edit';
import { useTranslation } from 'react-i18next';
import type { MappingRuleView } from '../../../shared/contract/engine-schemas';
import { ResultBar, type ActionResult } from '../../components/ResultBar';
import { DeleteMappingDialog } from './DeleteMappingDialog';
import { MappingDialog } from './MappingDialog';
import type { MappingTableSpec } from './mapping-tables';
import { recordText } from './RecordPicker';

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
  search: { maxWidth: '360px' },
  name: { color: tokens.colorNeutralForeground2 },
  sortButton: { minWidth: 0, paddingInline: 0, fontWeight: tokens.fontWeightSemibold },
});

/** The rules whose key, target or names hold `text` (case ignored). */
export function filteredRules(rules: readonly MappingRuleView[], text: string): MappingRuleView[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [...rules];
  return rules.filter((r) =>
    [r.sourceKey, r.sourceName ?? '', ...Object.values(r.target), ...Object.values(r.names ?? {})].some((v) =>
      v.toLowerCase().includes(needle),
    ),
  );
}

/** Rules by source key or by first target, in number order. */
export function sortedRules(
  rules: MappingRuleView[],
  by: 'source' | 'target',
  direction: 'asc' | 'desc',
): MappingRuleView[] {
  const key = (r: MappingRuleView) => (by === 'source' ? r.sourceKey : (Object.values(r.target)[0] ?? ''));
  const sign = direction === 'asc' ? 1 : -1;
  return rules.sort(
    (a, b) =>
      sign * key(a).localeCompare(key(b), undefined, { numeric: true }) ||
      a.sourceKey.localeCompare(b.sourceKey),
  );
}

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
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ by: 'source' | 'target'; direction: 'asc' | 'desc' }>({
    by: 'source',
    direction: 'asc',
  });
  const rules = sortedRules(filteredRules(props.rules, search), sort.by, sort.direction);
  const sortButton = (by: 'source' | 'target', label: string) => {
    const active = sort.by === by;
    return (
      <Button
        appearance="transparent"
        size="small"
        className={styles.sortButton}
        icon={
          active ? (
            sort.direction === 'asc' ? (
              <ArrowSortUp16Regular />
            ) : (
              <ArrowSortDown16Regular />
            )
          ) : undefined
        }
        iconPosition="after"
        onClick={() => setSort({ by, direction: active && sort.direction === 'asc' ? 'desc' : 'asc' })}
      >
        {label}
      </Button>
    );
  };
  const ariaSort = (by: 'source' | 'target') =>
    sort.by === by ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
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
      {props.rules.length > 0 && (
        <SearchBox
          className={styles.search}
          value={search}
          placeholder={t('pages.mappings.searchPlaceholder')}
          aria-label={t('pages.mappings.search')}
          onChange={(_, data) => setSearch(data.value)}
        />
      )}
      {rules.length === 0 ? (
        <Text className={styles.empty}>{t('pages.mappings.emptyTable')}</Text>
      ) : (
        <Table size="small" aria-label={t(`pages.mappings.table.${spec.id}.name`)}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell aria-sort={ariaSort('source')}>
                {sortButton('source', t(`pages.mappings.table.${spec.id}.source`))}
              </TableHeaderCell>
              <TableHeaderCell className={styles.arrow} aria-hidden="true" />
              {spec.fields.map((field, i) => (
                <TableHeaderCell key={field} aria-sort={i === 0 ? ariaSort('target') : undefined}>
                  {i === 0
                    ? sortButton('target', t(`pages.mappings.field.${field}`))
                    : t(`pages.mappings.field.${field}`)}
                </TableHeaderCell>
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
                  {rule.sourceName && <Text className={styles.name}> {rule.sourceName}</Text>}
                </TableCell>
                <TableCell className={styles.arrow} aria-hidden="true">
                  <ArrowRight16Regular />
                </TableCell>
                {spec.fields.map((field) => (
                  <TableCell key={field}>
                    {rule.target[field] ? recordText(rule.target[field], rule.names?.[field]) : '–'}
                  </TableCell>
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
