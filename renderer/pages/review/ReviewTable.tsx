import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TableSelectionCell,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReviewItemView } from '../../../shared/contract/engine-schemas';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import { conflictValues } from './conflict-values';
import { RowActions, type RowActionHandlers } from './RowActions';

const useStyles = makeStyles({
  source: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground2 },
  reason: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
  },
  values: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  selectCol: { width: '44px' },
  sourceCol: { width: '110px' },
  stateCol: { width: '100px' },
  reasonCol: { width: '34%' },
  vismaCol: { width: '80px' },
  updatedCol: { width: '110px' },
  actionsCol: { width: '200px' },
});

/** True when the item can be picked for a bulk replay. */
export function isReplayable(item: ReviewItemView): boolean {
  return item.id !== null && item.actions.includes('replay');
}

/** The queue as a table with a checkbox per replayable document and the item's own actions on each row. */
export function ReviewTable(props: {
  items: ReviewItemView[];
  selected: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onToggleAll: () => void;
  busy: boolean;
  on: RowActionHandlers;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const format = useFormat();
  const selectable = props.items.filter(isReplayable);
  const chosen = selectable.filter((i) => props.selected.has(i.key)).length;
  const allState = chosen === 0 ? false : chosen === selectable.length ? true : 'mixed';
  return (
    <Table aria-label={t('pages.review.tableLabel')}>
      <TableHeader>
        <TableRow>
          <TableSelectionCell
            className={styles.selectCol}
            checked={allState}
            checkboxIndicator={{ 'aria-label': t('pages.review.selectAll') }}
            onClick={props.onToggleAll}
            invisible={selectable.length === 0}
          />
          <TableHeaderCell className={styles.sourceCol}>{t('pages.review.column.source')}</TableHeaderCell>
          <TableHeaderCell className={styles.reasonCol}>{t('pages.review.column.reason')}</TableHeaderCell>
          <TableHeaderCell className={styles.stateCol}>{t('pages.review.column.state')}</TableHeaderCell>
          <TableHeaderCell className={styles.vismaCol}>{t('pages.review.column.visma')}</TableHeaderCell>
          <TableHeaderCell className={styles.updatedCol}>{t('pages.review.column.updated')}</TableHeaderCell>
          <TableHeaderCell className={styles.actionsCol}>{t('pages.review.column.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.items.map((item) => {
          const conflict = conflictValues(item.details);
          return (
            <TableRow key={item.key} data-testid={`review-row-${item.key}`}>
              <TableSelectionCell
                checked={props.selected.has(item.key)}
                invisible={!isReplayable(item)}
                checkboxIndicator={{
                  'aria-label': t('pages.review.selectOne', { number: item.sourceNumber }),
                }}
                onClick={() => isReplayable(item) && props.onToggle(item.key)}
              />
              <TableCell>
                <span className={styles.source}>
                  <Text size={200} className={styles.muted}>
                    {codes.sourceType(item.sourceType)}
                  </Text>
                  <Text weight="semibold">{item.sourceNumber}</Text>
                </span>
              </TableCell>
              <TableCell>
                <span className={styles.reason}>
                  <Text weight="semibold">{codes.reason(item.reason)}</Text>
                  <Text size={200}>{item.text}</Text>
                  {conflict && (
                    <span className={styles.values}>
                      <Text size={200}>{t('pages.review.conflict.st', { value: conflict.st || '–' })}</Text>
                      <Text size={200}>
                        {t('pages.review.conflict.visma', { value: conflict.visma || '–' })}
                      </Text>
                    </span>
                  )}
                </span>
              </TableCell>
              <TableCell>{codes.state(item.state)}</TableCell>
              <TableCell>{item.vismaDocNumber ?? '–'}</TableCell>
              <TableCell>{item.updatedAt ? format.dateTime(item.updatedAt) : '–'}</TableCell>
              <TableCell>
                <RowActions item={item} busy={props.busy} on={props.on} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
