import { useMemo, type ReactElement } from 'react';
import { Badge, Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDown16Regular } from '@fluentui/react-icons/svg/arrow-sort-down';
import { ArrowSortUp16Regular } from '@fluentui/react-icons/svg/arrow-sort-up';
import { Checkmark16Regular } from '@fluentui/react-icons/svg/checkmark';
import { Dismiss16Regular } from '@fluentui/react-icons/svg/dismiss';
import { Link16Regular } from '@fluentui/react-icons/svg/link';
import { LinkDismiss16Regular } from '@fluentui/react-icons/svg/link-dismiss';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LinkRowView, LinkSort } from '../../../shared/contract/mapping-schemas';
import { VirtualRows } from '../../components/VirtualRows';
import { recordText } from './RecordPicker';
import { useReasonText } from './reason-text';

/** The height of one link row in pixels (the windowing relies on it being fixed). */
export const LINK_ROW_HEIGHT = 48;
const COLUMNS = '92px minmax(110px, 1.2fr) 100px minmax(160px, 2fr) 84px 64px 150px';

const useStyles = makeStyles({
  table: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  row: {
    display: 'grid',
    gridTemplateColumns: COLUMNS,
    alignItems: 'center',
    height: `${LINK_ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    paddingInline: tokens.spacingHorizontalS,
  },
  header: { backgroundColor: tokens.colorNeutralBackground2 },
  cell: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    paddingInline: tokens.spacingHorizontalXS,
  },
  stack: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  minor: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  placeholder: { color: tokens.colorNeutralForeground3 },
  sortButton: {
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const SORTABLE: { sort: LinkSort | null; label: string; numeric?: boolean }[] = [
  { sort: 'st', label: 'pages.mappings.links.column.st' },
  { sort: 'name', label: 'pages.mappings.links.column.name' },
  { sort: null, label: 'pages.mappings.links.column.status' },
  { sort: 'visma', label: 'pages.mappings.links.column.visma' },
  { sort: 'confidence', label: 'pages.mappings.links.column.confidence', numeric: true },
  { sort: 'waiting', label: 'pages.mappings.links.column.waiting', numeric: true },
];

/** What a row's action asks for. */
export type LinkRowAction = 'accept' | 'reject' | 'link' | 'unlink';

/** The props of the link grid. */
export interface LinkGridProps {
  label: string;
  total: number;
  rowAt: (index: number) => LinkRowView | undefined;
  sort: LinkSort;
  direction: 'asc' | 'desc';
  onSort: (sort: LinkSort) => void;
  onAction: (row: LinkRowView, action: LinkRowAction) => void;
  onRange: (first: number, last: number) => void;
  height: number;
  resetKey: string;
  busy: boolean;
}

const STATUS_COLOR = { matched: 'success', suggested: 'warning', left: 'danger' } as const;

/** What every row shares, read once per grid render rather than once per row (hooks cost on a long list). */
interface RowShared {
  t: TFunction;
  styles: ReturnType<typeof useStyles>;
  reasonText: ReturnType<typeof useReasonText>;
}

function Row(props: LinkGridProps & { index: number; shared: RowShared }) {
  const { t, styles, reasonText } = props.shared;
  const row = props.rowAt(props.index);
  const rowIndex = props.index + 2;
  if (!row)
    return (
      <div role="row" aria-rowindex={rowIndex} className={styles.row} data-testid="link-row-loading">
        <span role="cell" className={mergeClasses(styles.cell, styles.placeholder)}>
          {t('pages.mappings.links.loadingRow')}
        </span>
      </div>
    );
  const name = row.stName ?? row.stId;
  const visma = row.vismaKey ? recordText(row.vismaKey, row.vismaName) : '–';
  const detail = row.suggestion
    ? row.suggestion.reasons.map(reasonText).join(', ')
    : row.origin
      ? t(`pages.mappings.links.origin.${row.origin}`)
      : '';
  const action = (kind: LinkRowAction, icon: ReactElement, label: string, text: string) => (
    <Button
      size="small"
      appearance={kind === 'accept' ? 'primary' : 'subtle'}
      icon={icon}
      aria-label={label}
      title={label}
      disabled={props.busy}
      onClick={() => props.onAction(row, kind)}
    >
      {kind === 'accept' ? text : undefined}
    </Button>
  );
  return (
    <div role="row" aria-rowindex={rowIndex} className={styles.row} data-testid={`link-row-${row.stId}`}>
      <span role="cell" className={styles.cell}>
        {row.stId}
      </span>
      <span role="cell" className={styles.cell} title={name}>
        <Text weight="semibold">{name}</Text>
      </span>
      <span role="cell" className={styles.cell}>
        <Badge appearance="tint" color={STATUS_COLOR[row.status]}>
          {t(`pages.mappings.links.status.${row.status}`)}
        </Badge>
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.stack)} title={`${visma} ${detail}`}>
        <span>{visma}</span>
        {detail && (
          <Text size={200} className={styles.minor}>
            {detail}
          </Text>
        )}
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.number)}>
        {row.suggestion ? t('pages.mappings.links.percent', { percent: row.suggestion.confidence }) : '–'}
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.number)}>
        {row.waiting || '–'}
      </span>
      <span role="cell" className={styles.actions}>
        {row.status === 'suggested' &&
          action(
            'accept',
            <Checkmark16Regular />,
            t('pages.mappings.links.acceptLabel', { name }),
            t('pages.mappings.links.accept'),
          )}
        {row.status === 'suggested' &&
          action('reject', <Dismiss16Regular />, t('pages.mappings.links.rejectLabel', { name }), '')}
        {action('link', <Link16Regular />, t('pages.mappings.links.linkLabel', { name }), '')}
        {row.status === 'matched' &&
          action('unlink', <LinkDismiss16Regular />, t('pages.mappings.links.unlinkLabel', { name }), '')}
      </span>
    </div>
  );
}

/** The links of one kind as an ARIA table whose body is windowed; column headers sort in main. */
export function LinkGrid(props: LinkGridProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reasonText = useReasonText();
  const shared = useMemo(() => ({ t, styles, reasonText }), [t, styles, reasonText]);
  return (
    <div role="table" aria-label={props.label} aria-rowcount={props.total + 1} className={styles.table}>
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)}>
          {SORTABLE.map((c) => {
            const active = c.sort !== null && props.sort === c.sort;
            const label = t(c.label as 'pages.mappings.links.column.st');
            return (
              <span
                key={c.label}
                role="columnheader"
                aria-sort={
                  c.sort === null
                    ? undefined
                    : active
                      ? props.direction === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : 'none'
                }
                className={mergeClasses(styles.cell, c.numeric && styles.number)}
              >
                {c.sort === null ? (
                  <Text weight="semibold">{label}</Text>
                ) : (
                  <Button
                    appearance="transparent"
                    size="small"
                    className={styles.sortButton}
                    icon={
                      active ? (
                        props.direction === 'asc' ? (
                          <ArrowSortUp16Regular />
                        ) : (
                          <ArrowSortDown16Regular />
                        )
                      ) : undefined
                    }
                    iconPosition="after"
                    onClick={() => props.onSort(c.sort!)}
                  >
                    {label}
                  </Button>
                )}
              </span>
            );
          })}
          <span role="columnheader" />
        </div>
      </div>
      <VirtualRows
        key={props.resetKey}
        role="rowgroup"
        rowCount={props.total}
        rowHeight={LINK_ROW_HEIGHT}
        height={props.height}
        overscan={4}
        onRange={props.onRange}
        renderRow={(index) => <Row key={index} {...props} index={index} shared={shared} />}
      />
    </div>
  );
}
