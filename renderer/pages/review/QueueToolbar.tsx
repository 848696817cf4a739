import { Button, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRepeatAll20Regular } from '@fluentui/react-icons/svg/arrow-repeat-all';
import { SearchRegular } from '@fluentui/react-icons/svg/search';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReviewItemView } from '../../../shared/contract/engine-schemas';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { useFormat } from '../../i18n/use-format';
import type { ReviewUrlState } from './review-url';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  search: { minWidth: '280px' },
  filter: { minWidth: '220px' },
  spacer: { flexGrow: 1 },
  bulk: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const ALL = '';

/** The queue's search box, kind and reason filters, counts, and the bulk actions on the selection. */
export function QueueToolbar(props: {
  url: ReviewUrlState;
  onChange: (change: Partial<ReviewUrlState>) => void;
  reasons: { reason: string; count: number }[];
  total: number;
  queueTotal: number;
  selected: ReviewItemView[];
  busy: boolean;
  onReplay: (items: ReviewItemView[]) => void;
  onApprove: (items: ReviewItemView[]) => void;
  onIgnore: (items: ReviewItemView[]) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const format = useFormat();
  const { url, onChange } = props;
  const [text, setText] = useState(url.search ?? '');
  const settled = useDebouncedValue(text, 250, { leading: true });
  useEffect(() => {
    if ((url.search ?? '') !== settled.trim())
      onChange({ search: settled.trim() || undefined, selected: null });
  }, [settled, url.search, onChange]);
  const reasons = useMemo(
    () => [...props.reasons].sort((a, b) => codes.reason(a.reason).localeCompare(codes.reason(b.reason))),
    [props.reasons, codes],
  );
  const reasonCount = reasons.reduce((n, r) => n + r.count, 0);
  const can = (action: ReviewItemView['actions'][number]) =>
    props.selected.filter((i) => i.id !== null && i.actions.includes(action));
  const replayable = can('replay');
  const approvable = can('approve');
  const ignorable = can('ignore');
  return (
    <>
      <div className={styles.bar}>
        <Field label={t('pages.review.searchLabel')} className={styles.search}>
          <Input
            type="search"
            value={text}
            contentBefore={<SearchRegular />}
            placeholder={t('pages.review.searchPlaceholder')}
            onChange={(_, data) => setText(data.value)}
          />
        </Field>
        <Field label={t('pages.review.kindLabel')}>
          <Select
            value={url.kind ?? ALL}
            onChange={(_, data) =>
              onChange({
                kind: (data.value || undefined) as ReviewUrlState['kind'],
                reason: undefined,
                selected: null,
              })
            }
          >
            <option value={ALL}>{t('pages.review.kind.all')}</option>
            <option value="document">{t('pages.review.kind.document')}</option>
            <option value="masterdata">{t('pages.review.kind.masterdata')}</option>
          </Select>
        </Field>
        <Field label={t('pages.review.filterLabel')} className={styles.filter}>
          <Select
            value={url.reason ?? ALL}
            onChange={(_, data) => onChange({ reason: data.value || undefined, selected: null })}
          >
            <option value={ALL}>{t('pages.review.allReasons', { n: format.number(reasonCount) })}</option>
            {url.reason && !reasons.some((r) => r.reason === url.reason) && (
              <option value={url.reason}>
                {t('pages.review.reasonOption', { reason: codes.reason(url.reason), n: format.number(0) })}
              </option>
            )}
            {reasons.map((r) => (
              <option key={r.reason} value={r.reason}>
                {t('pages.review.reasonOption', {
                  reason: codes.reason(r.reason),
                  n: format.number(r.count),
                })}
              </option>
            ))}
          </Select>
        </Field>
        <span className={styles.spacer} />
        <Text role="status" data-testid="review-count">
          {t('pages.review.count', {
            shown: format.number(props.total),
            total: format.number(props.queueTotal),
          })}
        </Text>
      </div>
      {props.selected.length > 0 && (
        <div className={styles.bulk} role="toolbar" aria-label={t('pages.review.bulk.label')}>
          <Text weight="semibold">{t('pages.review.bulk.selected', { n: props.selected.length })}</Text>
          <Button
            icon={<ArrowRepeatAll20Regular />}
            disabled={props.busy || replayable.length === 0}
            onClick={() => props.onReplay(replayable)}
          >
            {t('pages.review.bulk.replay', { n: replayable.length })}
          </Button>
          <Button
            disabled={props.busy || approvable.length === 0}
            onClick={() => props.onApprove(approvable)}
          >
            {t('pages.review.bulk.approve', { n: approvable.length })}
          </Button>
          <Button disabled={props.busy || ignorable.length === 0} onClick={() => props.onIgnore(ignorable)}>
            {t('pages.review.bulk.ignore', { n: ignorable.length })}
          </Button>
          <Button appearance="subtle" onClick={props.onClear}>
            {t('pages.review.bulk.clear')}
          </Button>
        </div>
      )}
    </>
  );
}
