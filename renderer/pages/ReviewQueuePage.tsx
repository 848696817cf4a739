import { useCallback, useMemo, useState } from 'react';
import { Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons/svg/checkmark-circle';
import { useTranslation } from 'react-i18next';
import type { ReviewItemView, ReviewSort } from '../../shared/contract/engine-schemas';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { ResultBar, type ActionResult } from '../components/ResultBar';
import { WithActiveProfile } from '../components/WithActiveProfile';
import { useErrorText } from '../components/use-error-text';
import {
  useReviewAction,
  useReviewDetail,
  useReviewWindow,
  type ReviewAction,
  type ReviewFilter,
} from '../data/review';
import { useCodeLabels } from '../i18n/use-code-labels';
import { ApproveChoiceDialog } from './review/ApproveChoiceDialog';
import { masterDataRef } from './review/conflict-values';
import { DetailPanel, type DetailActions } from './review/DetailPanel';
import { IgnoreDialog } from './review/IgnoreDialog';
import { itemLabel } from './review/item-label';
import { PreviewDialog } from './review/PreviewDialog';
import { QueueGrid } from './review/QueueGrid';
import { QueueToolbar } from './review/QueueToolbar';
import { useResultText } from './review/result-text';
import { useReviewUrl } from './review/review-url';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // The open item's details go under the table: beside it the table's columns would not fit at 1280 px.
  split: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

const GRID_HEIGHT = 480;

/** One string for the filter and order (a new one remounts the grid at the top). */
function filterKeyOf(f: ReviewFilter): string {
  return JSON.stringify([f.kind, f.reason, f.search, f.sort, f.direction]);
}

function ids(items: readonly ReviewItemView[]): number[] {
  return items.flatMap((i) => (i.id === null ? [] : [i.id]));
}

/** The loaded rows of the window, the open item (from the rows, the selection or a deep link), and a lookup. */
function useRows(profileId: string, openKey: string | null, selected: ReadonlyMap<string, ReviewItemView>) {
  const [url] = useReviewUrl();
  const filterKey = filterKeyOf(url);
  const [range, setRange] = useState({ filterKey, first: 0 });
  // A new filter or order starts at the top; the row in view under the old one means nothing any more.
  const firstRow = range.filterKey === filterKey ? range.first : 0;
  const win = useReviewWindow(profileId, url, firstRow);
  const data = win.data;
  const itemAt = useCallback((index: number) => (data ? data.items[index - data.offset] : undefined), [data]);
  const openDocId = openKey?.startsWith('doc:') ? Number(openKey.slice(4)) : null;
  const loadedOpen =
    data?.items.find((i) => i.key === openKey) ?? (openKey ? selected.get(openKey) : undefined);
  const linked = useReviewDetail(profileId, loadedOpen ? null : openDocId);
  const onRange = useCallback((first: number) => setRange({ filterKey, first }), [filterKey]);
  return { win, data, itemAt, onRange, filterKey, open: loadedOpen ?? linked.data?.item ?? null };
}

function ReviewQueue({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const errorText = useErrorText();
  const resultText = useResultText();
  const act = useReviewAction(profile.id);
  const [url, setUrl] = useReviewUrl();
  const [selected, setSelected] = useState<ReadonlyMap<string, ReviewItemView>>(new Map());
  const { win, data, itemAt, onRange, filterKey, open } = useRows(profile.id, url.selected, selected);
  // The fix in place is open for one item; opening another closes it.
  const [fixingKey, setFixingKey] = useState<string | null>(null);
  const fixing = fixingKey !== null && fixingKey === url.selected;
  const [approving, setApproving] = useState<ReviewItemView[] | null>(null);
  const [ignoring, setIgnoring] = useState<ReviewItemView[] | null>(null);
  const [previewing, setPreviewing] = useState<ReviewItemView | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const approvingOne = approving?.length === 1 ? approving[0]!.id : null;
  const approvingDetail = useReviewDetail(profile.id, approvingOne);

  // Ages count to when the rows were read, so they do not tick between reads.
  const now = win.dataUpdatedAt;

  function run(action: ReviewAction, number: string, after?: () => void) {
    setResult(null);
    act.mutate(action, {
      onSuccess: (outcome) => {
        setResult(resultText(outcome, number));
        setSelected(new Map());
        setIgnoring(null);
        setApproving(null);
        after?.();
      },
      onError: (error) => {
        setResult({ intent: 'error', text: t('pages.review.result.failed', { message: errorText(error) }) });
        setIgnoring(null);
        setApproving(null);
      },
    });
  }

  const on: DetailActions = {
    replay: (item) => run({ type: 'replay', ids: ids([item]) }, item.sourceNumber),
    approve: (item) => setApproving([item]),
    ignore: (item) => setIgnoring([item]),
    preview: (item) => setPreviewing(item),
    fix: (item, lines) =>
      item.id !== null &&
      run({ type: 'fix', id: item.id, lines }, item.sourceNumber, () => setFixingKey(null)),
    resolve: (item, decision) =>
      run({ type: 'resolve', ref: masterDataRef(item.key), decision }, itemLabel(item, codes)),
  };

  const loaded = useMemo(() => data?.items ?? [], [data]);
  const chosenLoaded = loaded.filter((i) => selected.has(i.key)).length;
  const toggle = (item: ReviewItemView) =>
    setSelected((prev) => {
      const next = new Map(prev);
      if (next.has(item.key)) next.delete(item.key);
      else next.set(item.key, item);
      return next;
    });
  const toggleLoaded = () =>
    setSelected((prev) => {
      const next = new Map(prev);
      const all = loaded.every((i) => next.has(i.key));
      for (const i of loaded) {
        if (all) next.delete(i.key);
        else next.set(i.key, i);
      }
      return next;
    });
  const sortBy = (sort: ReviewSort) =>
    setUrl({ sort, direction: url.sort === sort && url.direction === 'asc' ? 'desc' : 'asc' });
  const picked = [...selected.values()];
  const several = (n: number) => t('pages.review.nDocuments', { n });

  if (win.isPending) return <Spinner label={t('app.loading')} />;
  if (win.isError) return <ErrorNotice error={win.error} onRetry={() => void win.refetch()} />;
  if (data?.queueTotal === 0)
    return (
      <>
        <ResultBar result={result} onDismiss={() => setResult(null)} />
        <EmptyState
          icon={<CheckmarkCircleRegular />}
          title={t('pages.review.emptyTitle')}
          body={t('pages.review.emptyBody')}
        />
      </>
    );
  return (
    <div className={styles.root}>
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      <QueueToolbar
        url={url}
        onChange={setUrl}
        reasons={data?.reasons ?? []}
        total={data?.total ?? 0}
        queueTotal={data?.queueTotal ?? 0}
        selected={picked}
        busy={act.isPending}
        onReplay={(items) => run({ type: 'replay', ids: ids(items) }, '')}
        onApprove={(items) => setApproving(items)}
        onIgnore={(items) => setIgnoring(items)}
        onClear={() => setSelected(new Map())}
      />
      <div className={styles.split}>
        <QueueGrid
          resetKey={filterKey}
          total={data?.total ?? 0}
          itemAt={itemAt}
          sort={url.sort}
          direction={url.direction}
          onSort={sortBy}
          selected={selected}
          onToggle={toggle}
          allLoaded={chosenLoaded === 0 ? false : chosenLoaded === loaded.length ? true : 'mixed'}
          onToggleLoaded={toggleLoaded}
          openKey={url.selected}
          onOpen={(item) => setUrl({ selected: item.key })}
          onRange={onRange}
          scrollToIndex={null}
          height={GRID_HEIGHT}
          now={now}
        />
        {open && (
          <DetailPanel
            profileId={profile.id}
            item={open}
            busy={act.isPending}
            fixing={fixing}
            on={on}
            onClose={() => setUrl({ selected: null })}
          />
        )}
      </div>
      {previewing?.id != null && (
        <PreviewDialog
          profileId={profile.id}
          id={previewing.id}
          sourceNumber={previewing.sourceNumber}
          onClose={() => setPreviewing(null)}
        />
      )}
      {approving && (
        <ApproveChoiceDialog
          subject={approving.length === 1 ? approving[0]!.sourceNumber : several(approving.length)}
          holdingAccount={approvingDetail.data?.holdingAccount ?? null}
          busy={act.isPending}
          onClose={() => setApproving(null)}
          onKeep={() =>
            run(
              { type: 'approve', ids: ids(approving) },
              approving.length === 1 ? approving[0]!.sourceNumber : '',
            )
          }
          {...(approving.length === 1 && {
            onFix: () => {
              setUrl({ selected: approving[0]!.key });
              setFixingKey(approving[0]!.key);
              setApproving(null);
            },
          })}
        />
      )}
      {ignoring && (
        <IgnoreDialog
          sourceNumber={ignoring.length === 1 ? ignoring[0]!.sourceNumber : several(ignoring.length)}
          busy={act.isPending}
          onClose={() => setIgnoring(null)}
          onConfirm={(text) =>
            run(
              { type: 'ignore', ids: ids(ignoring), reason: text },
              ignoring.length === 1 ? ignoring[0]!.sourceNumber : '',
            )
          }
        />
      )}
    </div>
  );
}

/**
 * Documents and master-data questions that need a person: a windowed table over the whole queue (filtered, searched
 * and sorted in main), bulk actions, and the open item's details beside it. The URL holds the filter, the order and
 * the open item, so `#/review?reason=account_missing&item=doc:42` opens exactly that.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.review.title')} description={t('pages.review.description')}>
      <WithActiveProfile>{(profile) => <ReviewQueue key={profile.id} profile={profile} />}</WithActiveProfile>
    </PageLayout>
  );
}
