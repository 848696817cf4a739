import { memo, useCallback, useState } from 'react';
import {
  Button,
  Field,
  Input,
  SearchBox,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type {
  LinkKindInput,
  LinkRowView,
  LinkSort,
  LinkStatus,
} from '../../../shared/contract/mapping-schemas';
import { ResultBar, type ActionResult } from '../../components/ResultBar';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useErrorText } from '../../components/use-error-text';
import { initialLinkFilter, useAcceptAbove, useLinkChange, useLinkWindow } from '../../data/mappings';
import { useFormat } from '../../i18n/use-format';
import { LinkDialog } from './LinkDialog';
import { LinkGrid, type LinkRowAction } from './LinkGrid';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  explain: { color: tokens.colorNeutralForeground2 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  threshold: { width: '96px' },
  summary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  blocking: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const STATUSES: (LinkStatus | 'all')[] = ['all', 'suggested', 'left', 'matched'];
const GRID_HEIGHT = 480;

/** Whole percent 1–100 from what was typed, or null. */
export function thresholdOf(text: string): number | null {
  const n = /^\s*(\d{1,3})\s*%?\s*$/.exec(text)?.[1];
  const value = n === undefined ? NaN : Number(n);
  return value >= 1 && value <= 100 ? value : null;
}

/**
 * One link tab (customers, or vendors ↔ suppliers): what is matched, what is suggested (why, and how sure) and what
 * is left, read from main in windows so a tenant with thousands of parties shows its first rows at once; a search,
 * a status filter, sortable columns, "accept all at or above N %" in one click, and what still blocks posting.
 */
export const LinkTab = memo(function LinkTab(props: { profileId: string; kind: LinkKindInput }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const format = useFormat();
  const errorText = useErrorText();
  const [status, setStatus] = useState<LinkStatus | 'all'>('all');
  const [searchText, setSearchText] = useState('');
  const search = useDebouncedValue(searchText, 250, { leading: true }).trim();
  const [sort, setSort] = useState<{ sort: LinkSort; direction: 'asc' | 'desc' }>(() => {
    const { sort, direction } = initialLinkFilter(props.kind);
    return { sort, direction };
  });
  const [firstRow, setFirstRow] = useState(0);
  const [threshold, setThreshold] = useState('90');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [linking, setLinking] = useState<LinkRowView | null>(null);
  const filter = {
    kind: props.kind,
    ...(status !== 'all' && { status }),
    ...(search && { search }),
    ...sort,
  };
  const window = useLinkWindow(props.profileId, filter, firstRow);
  const change = useLinkChange(props.profileId);
  const acceptAbove = useAcceptAbove(props.profileId);
  const data = window.data;
  const rowAt = useCallback(
    (index: number) =>
      data && index >= data.offset && index < data.offset + data.rows.length
        ? data.rows[index - data.offset]
        : undefined,
    [data],
  );
  const onRange = useCallback((first: number) => setFirstRow(first), []);
  const fail = (error: unknown) =>
    setResult({ intent: 'error', text: t('pages.mappings.links.failed', { message: errorText(error) }) });

  function act(row: LinkRowView, action: LinkRowAction) {
    const name = row.stName ?? row.stId;
    if (action === 'link') return setLinking(row);
    const done = (text: string) => () => setResult({ intent: 'success', text });
    if (action === 'unlink')
      return change.mutate(
        { type: 'link', kind: props.kind, stId: row.stId, vismaKey: null },
        { onSuccess: done(t('pages.mappings.links.unlinked', { name })), onError: fail },
      );
    change.mutate(
      { type: 'decide', suggestionId: row.suggestion!.id, accept: action === 'accept' },
      {
        onSuccess: done(t(`pages.mappings.links.${action === 'accept' ? 'accepted' : 'rejected'}`, { name })),
        onError: fail,
      },
    );
  }

  const percent = thresholdOf(threshold);
  const counts = data?.counts;
  return (
    <div className={styles.root}>
      <Text className={styles.explain}>{t(`pages.mappings.links.explain.${props.kind}`)}</Text>
      <div className={styles.toolbar}>
        <Field label={t('pages.mappings.links.statusFilter')}>
          <TabList
            size="small"
            selectedValue={status}
            onTabSelect={(_, d) => {
              setStatus(d.value as LinkStatus | 'all');
              setFirstRow(0);
            }}
          >
            {STATUSES.map((s) => (
              <Tab key={s} value={s}>
                {t(`pages.mappings.links.status.${s}`)}
              </Tab>
            ))}
          </TabList>
        </Field>
        <Field label={t('pages.mappings.search')}>
          <SearchBox
            value={searchText}
            placeholder={t('pages.mappings.searchPlaceholder')}
            onChange={(_, d) => {
              setSearchText(d.value);
              setFirstRow(0);
            }}
          />
        </Field>
        <Field label={t('pages.mappings.links.threshold')}>
          <Input className={styles.threshold} value={threshold} onChange={(_, d) => setThreshold(d.value)} />
        </Field>
        <Button
          appearance="primary"
          disabled={percent === null || acceptAbove.isPending || (counts?.suggested ?? 0) === 0}
          onClick={() =>
            acceptAbove.mutate(
              { kind: props.kind, threshold: percent! },
              {
                onSuccess: (r) =>
                  setResult({
                    intent: r.skipped > 0 ? 'warning' : 'success',
                    text: t('pages.mappings.links.acceptedAll', {
                      accepted: format.number(r.accepted),
                      skipped: format.number(r.skipped),
                    }),
                  }),
                onError: fail,
              },
            )
          }
        >
          {t('pages.mappings.links.acceptAll', { threshold: percent ?? '–' })}
        </Button>
      </div>
      {data && (
        <div className={styles.summary}>
          <Text data-testid={`link-counts-${props.kind}`}>
            {t('pages.mappings.links.counts', {
              matched: format.number(data.counts.matched),
              suggested: format.number(data.counts.suggested),
              left: format.number(data.counts.left),
            })}
          </Text>
          <Text
            data-testid={`link-blocking-${props.kind}`}
            className={data.blocking.parties > 0 ? styles.blocking : undefined}
          >
            {data.blocking.parties > 0
              ? t('pages.mappings.links.blocking', {
                  parties: format.number(data.blocking.parties),
                  documents: format.number(data.blocking.documents),
                })
              : t('pages.mappings.links.blockingNone')}
          </Text>
        </div>
      )}
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      {data && data.total === 0 ? (
        <Text>{t('pages.mappings.links.noRows')}</Text>
      ) : (
        <LinkGrid
          label={t(`pages.mappings.links.tableLabel.${props.kind}`)}
          total={data?.total ?? 0}
          rowAt={rowAt}
          sort={sort.sort}
          direction={sort.direction}
          onSort={(s) =>
            setSort((prev) => ({
              sort: s,
              direction: prev.sort === s && prev.direction === 'asc' ? 'desc' : 'asc',
            }))
          }
          onAction={act}
          onRange={onRange}
          height={GRID_HEIGHT}
          resetKey={JSON.stringify(filter)}
          busy={change.isPending || acceptAbove.isPending}
        />
      )}
      {linking && (
        <LinkDialog
          profileId={props.profileId}
          kind={props.kind}
          row={linking}
          onClose={(linked) => {
            if (linked)
              setResult({
                intent: 'success',
                text: t('pages.mappings.links.linked', {
                  name: linking.stName ?? linking.stId,
                  visma: linked,
                }),
              });
            setLinking(null);
          }}
        />
      )}
    </div>
  );
});
