import { useMemo, useState } from 'react';
import { Button, Field, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowRepeatAll20Regular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ReviewItemView } from '../../shared/contract/engine-schemas';
import type { ProfileSummary } from '../../shared/contract/schemas';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageLayout } from '../components/PageLayout';
import { ResultBar, type ActionResult } from '../components/ResultBar';
import { WithActiveProfile } from '../components/WithActiveProfile';
import { useErrorText } from '../components/use-error-text';
import { useReviewAction, useReviewList, type ReviewAction } from '../data/review';
import { useCodeLabels } from '../i18n/use-code-labels';
import { masterDataRef } from './review/conflict-values';
import { IgnoreDialog } from './review/IgnoreDialog';
import { PreviewDialog } from './review/PreviewDialog';
import { useResultText } from './review/result-text';
import type { RowActionHandlers } from './review/RowActions';
import { ReviewTable, isReplayable } from './review/ReviewTable';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  filter: { minWidth: '260px' },
  spacer: { flexGrow: 1 },
});

const ALL = '';

function ReviewQueue({ profile }: { profile: ProfileSummary }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const errorText = useErrorText();
  const resultText = useResultText();
  const list = useReviewList(profile.id);
  const act = useReviewAction(profile.id);
  const [params] = useSearchParams();
  const [chosenReason, setReason] = useState(() => params.get('reason') ?? ALL);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [previewing, setPreviewing] = useState<ReviewItemView | null>(null);
  const [ignoring, setIgnoring] = useState<ReviewItemView | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);

  const items = useMemo(() => list.data?.items ?? [], [list.data]);
  const reasons = useMemo(() => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item.reason, (counts.get(item.reason) ?? 0) + 1);
    return [...counts].sort(([a], [b]) => codes.reason(a).localeCompare(codes.reason(b)));
  }, [items, codes]);
  // A reason no item has (any more, or from a link) shows everything.
  const reason = reasons.some(([code]) => code === chosenReason) ? chosenReason : ALL;
  const shown = reason === ALL ? items : items.filter((i) => i.reason === reason);
  const replayable = shown.filter(isReplayable);
  const chosen = replayable.filter((i) => selected.has(i.key));

  function run(action: ReviewAction, number: string) {
    setResult(null);
    act.mutate(action, {
      onSuccess: ({ results }) => {
        setResult(resultText(action, results, number));
        setSelected(new Set());
        setIgnoring(null);
      },
      onError: (error) => {
        setResult({ intent: 'error', text: t('pages.review.result.failed', { message: errorText(error) }) });
        setIgnoring(null);
      },
    });
  }

  const replay = (targets: ReviewItemView[]) =>
    run({ type: 'replay', ids: targets.flatMap((i) => (i.id === null ? [] : [i.id])) }, '');
  const on: RowActionHandlers = {
    preview: (item) => setPreviewing(item),
    replay: (item) => replay([item]),
    approve: (item) => item.id !== null && run({ type: 'approve', id: item.id }, item.sourceNumber),
    ignore: (item) => setIgnoring(item),
    resolve: (item, decision) =>
      run({ type: 'resolve', ref: masterDataRef(item.key), decision }, item.sourceNumber),
  };

  if (list.isPending) return <Spinner label={t('app.loading')} />;
  if (list.isError) return <ErrorNotice error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <ResultBar result={result} onDismiss={() => setResult(null)} />
      {items.length === 0 ? (
        <EmptyState
          icon={<CheckmarkCircleRegular />}
          title={t('pages.review.emptyTitle')}
          body={t('pages.review.emptyBody')}
        />
      ) : (
        <>
          <div className={styles.toolbar}>
            <Field label={t('pages.review.filterLabel')} className={styles.filter}>
              <Select value={reason} onChange={(_, data) => setReason(data.value)}>
                <option value={ALL}>{t('pages.review.allReasons', { n: items.length })}</option>
                {reasons.map(([code, count]) => (
                  <option key={code} value={code}>
                    {t('pages.review.reasonOption', { reason: codes.reason(code), n: count })}
                  </option>
                ))}
              </Select>
            </Field>
            <span className={styles.spacer} />
            <Button
              icon={<ArrowRepeatAll20Regular />}
              disabled={chosen.length === 0 || act.isPending}
              onClick={() => replay(chosen)}
            >
              {t('pages.review.replaySelected', { n: chosen.length })}
            </Button>
            <Button
              appearance="primary"
              icon={<ArrowRepeatAll20Regular />}
              disabled={replayable.length === 0 || act.isPending}
              onClick={() => replay(replayable)}
            >
              {t('pages.review.replayAll', { n: replayable.length })}
            </Button>
          </div>
          <ReviewTable
            items={shown}
            selected={selected}
            busy={act.isPending}
            on={on}
            onToggle={(key) =>
              setSelected((prev) => {
                const next = new Set(prev);
                if (next.has(key)) next.delete(key);
                else next.add(key);
                return next;
              })
            }
            onToggleAll={() =>
              setSelected(
                chosen.length === replayable.length ? new Set() : new Set(replayable.map((i) => i.key)),
              )
            }
          />
        </>
      )}
      {previewing?.id != null && (
        <PreviewDialog
          profileId={profile.id}
          id={previewing.id}
          sourceNumber={previewing.sourceNumber}
          onClose={() => setPreviewing(null)}
        />
      )}
      {ignoring?.id != null && (
        <IgnoreDialog
          sourceNumber={ignoring.sourceNumber}
          busy={act.isPending}
          onClose={() => setIgnoring(null)}
          onConfirm={(text) =>
            ignoring.id !== null &&
            run({ type: 'ignore', id: ignoring.id, reason: text }, ignoring.sourceNumber)
          }
        />
      )}
    </>
  );
}

/**
 * Documents and master-data questions that need a person, each with the actions the engine allows for it. Other pages
 * link here with `?reason=<reason code>` to open it filtered.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  return (
    <PageLayout title={t('pages.review.title')} description={t('pages.review.description')}>
      <WithActiveProfile>{(profile) => <ReviewQueue key={profile.id} profile={profile} />}</WithActiveProfile>
    </PageLayout>
  );
}
