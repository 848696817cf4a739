import { Button, Checkbox, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDown16Regular } from '@fluentui/react-icons/svg/arrow-sort-down';
import { ArrowSortUp16Regular } from '@fluentui/react-icons/svg/arrow-sort-up';
import { useTranslation } from 'react-i18next';
import type { ReviewItemView, ReviewSort } from '../../../shared/contract/engine-schemas';
import { VirtualRows } from '../../components/VirtualRows';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat, useLocale } from '../../i18n/use-format';
import { ageText } from './age';
import { itemLabel } from './item-label';

/** The height of one queue row in pixels (the windowing relies on it being fixed). */
export const ROW_HEIGHT = 40;
const COLUMNS = '44px minmax(110px, 1fr) minmax(140px, 1.6fr) 100px 130px minmax(160px, 1.8fr) 80px';

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
    height: `${ROW_HEIGHT}px`,
    boxSizing: 'border-box',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    paddingInline: tokens.spacingHorizontalS,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  header: {
    cursor: 'default',
    backgroundColor: tokens.colorNeutralBackground2,
    ':hover': { backgroundColor: tokens.colorNeutralBackground2 },
  },
  open: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2 },
  },
  cell: {
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    paddingInline: tokens.spacingHorizontalXS,
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  link: { minWidth: 0, padding: 0, fontWeight: tokens.fontWeightSemibold, justifyContent: 'flex-start' },
  placeholder: { color: tokens.colorNeutralForeground3 },
  sortButton: {
    minWidth: 0,
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
});

/** One sortable column: its sort key and its label's message code. */
const SORTABLE: { sort: ReviewSort; label: string; numeric?: boolean }[] = [
  { sort: 'number', label: 'pages.review.column.number' },
  { sort: 'party', label: 'pages.review.column.party' },
  { sort: 'date', label: 'pages.review.column.date' },
  { sort: 'amount', label: 'pages.review.column.amount', numeric: true },
  { sort: 'reason', label: 'pages.review.column.reason' },
  { sort: 'age', label: 'pages.review.column.age' },
];

/** The props of the queue grid. */
export interface QueueGridProps {
  total: number;
  /** The item at a row index, or undefined while its window loads. */
  itemAt: (index: number) => ReviewItemView | undefined;
  sort: ReviewSort;
  direction: 'asc' | 'desc';
  onSort: (sort: ReviewSort) => void;
  selected: ReadonlyMap<string, ReviewItemView>;
  onToggle: (item: ReviewItemView) => void;
  /** Whether every loaded row is selected (true), some (mixed) or none. */
  allLoaded: boolean | 'mixed';
  onToggleLoaded: () => void;
  openKey: string | null;
  onOpen: (item: ReviewItemView) => void;
  onRange: (first: number, last: number) => void;
  scrollToIndex: number | null;
  height: number;
  now: number;
  /** A new value scrolls back to the top (a new filter or order). */
  resetKey: string;
}

function Row(props: QueueGridProps & { index: number }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const format = useFormat();
  const locale = useLocale();
  const item = props.itemAt(props.index);
  const rowIndex = props.index + 2;
  if (!item)
    return (
      <div role="row" aria-rowindex={rowIndex} className={styles.row} data-testid="review-row-loading">
        <span role="cell" className={mergeClasses(styles.cell, styles.placeholder)}>
          {t('pages.review.loadingRow')}
        </span>
      </div>
    );
  const label = itemLabel(item, codes);
  const open = item.key === props.openKey;
  return (
    <div
      role="row"
      aria-rowindex={rowIndex}
      aria-selected={open}
      className={mergeClasses(styles.row, open && styles.open)}
      data-testid={`review-row-${item.key}`}
      onClick={() => props.onOpen(item)}
    >
      <span role="cell" onClick={(e) => e.stopPropagation()}>
        <Checkbox
          checked={props.selected.has(item.key)}
          aria-label={t('pages.review.selectOne', { number: label })}
          onChange={() => props.onToggle(item)}
        />
      </span>
      <span role="cell" className={styles.cell}>
        <Button
          appearance="transparent"
          size="small"
          className={styles.link}
          aria-label={t('pages.review.openOne', { number: label })}
          onClick={(e) => {
            e.stopPropagation();
            props.onOpen(item);
          }}
        >
          {label}
        </Button>
      </span>
      <span role="cell" className={styles.cell}>
        {item.party ?? '–'}
      </span>
      <span role="cell" className={styles.cell}>
        {item.documentDate ? format.date(item.documentDate.slice(0, 10)) : '–'}
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.number)}>
        {item.amount ? format.money(item.amount as `${number}`) : '–'}
      </span>
      <span role="cell" className={styles.cell} title={codes.reason(item.reason)}>
        {codes.reason(item.reason)}
      </span>
      <span role="cell" className={mergeClasses(styles.cell, styles.number)}>
        {item.updatedAt ? ageText(item.updatedAt, props.now, locale) : '–'}
      </span>
    </div>
  );
}

/**
 * The review queue as an ARIA table whose body is windowed: only the rows in view (plus a few) are in the DOM,
 * whatever the queue's size. Column headers sort (in main); a row opens the item's details.
 */
export function QueueGrid(props: QueueGridProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div
      role="table"
      aria-label={t('pages.review.tableLabel')}
      aria-rowcount={props.total + 1}
      className={styles.table}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className={mergeClasses(styles.row, styles.header)}>
          <span role="columnheader">
            <Checkbox
              checked={props.allLoaded}
              aria-label={t('pages.review.selectAll')}
              onChange={props.onToggleLoaded}
            />
          </span>
          {SORTABLE.map((c) => {
            const active = props.sort === c.sort;
            return (
              <span
                key={c.sort}
                role="columnheader"
                aria-sort={active ? (props.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                className={mergeClasses(styles.cell, c.numeric && styles.number)}
              >
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
                  onClick={() => props.onSort(c.sort)}
                >
                  <Text weight="semibold">{t(c.label as 'pages.review.column.number')}</Text>
                </Button>
              </span>
            );
          })}
        </div>
      </div>
      <VirtualRows
        key={props.resetKey}
        role="rowgroup"
        rowCount={props.total}
        rowHeight={ROW_HEIGHT}
        height={props.height}
        overscan={10}
        onRange={props.onRange}
        scrollToIndex={props.scrollToIndex}
        renderRow={(index) => <Row key={index} {...props} index={index} />}
      />
    </div>
  );
}
