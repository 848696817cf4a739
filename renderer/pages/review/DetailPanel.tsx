import { Button, Spinner, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons/svg/dismiss';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinePickInput, ReviewItemView } from '../../../shared/contract/engine-schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useReviewDetail, type MasterDataDecision } from '../../data/review';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { conflictValues } from './conflict-values';
import { FixHeld } from './FixHeld';
import { itemLabel } from './item-label';
import { HeaderComparison, LineComparison } from './SideBySide';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** What the panel's buttons ask the queue to do. */
export interface DetailActions {
  replay(item: ReviewItemView): void;
  approve(item: ReviewItemView): void;
  ignore(item: ReviewItemView): void;
  preview(item: ReviewItemView): void;
  fix(item: ReviewItemView, lines: LinePickInput[]): void;
  resolve(item: ReviewItemView, decision: MasterDataDecision): void;
}

const decisions: readonly MasterDataDecision[] = ['accept', 'reject', 'keep-st', 'keep-visma'];

function ItemButtons(props: { item: ReviewItemView; busy: boolean; on: DetailActions }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { item, busy, on } = props;
  const allowed = new Set(item.actions);
  return (
    <div className={styles.actions}>
      {allowed.has('replay') && (
        <Button disabled={busy} onClick={() => on.replay(item)}>
          {t('pages.review.action.replay')}
        </Button>
      )}
      {allowed.has('approve') && (
        <Button appearance="primary" disabled={busy} onClick={() => on.approve(item)}>
          {t('pages.review.action.approveEllipsis')}
        </Button>
      )}
      {allowed.has('ignore') && (
        <Button disabled={busy} onClick={() => on.ignore(item)}>
          {t('pages.review.action.ignoreEllipsis')}
        </Button>
      )}
      {item.kind === 'document' && (
        <Button disabled={busy} onClick={() => on.preview(item)}>
          {t('pages.review.action.preview')}
        </Button>
      )}
      {decisions
        .filter((d) => allowed.has(d))
        .map((d) => (
          <Button
            key={d}
            appearance={d === 'accept' ? 'primary' : 'secondary'}
            disabled={busy}
            onClick={() => on.resolve(item, d)}
          >
            {t(`pages.review.action.${d}`)}
          </Button>
        ))}
    </div>
  );
}

function DocumentBody(props: {
  profileId: string;
  item: ReviewItemView;
  busy: boolean;
  fixing: boolean;
  on: DetailActions;
}) {
  const { t } = useTranslation();
  const detail = useReviewDetail(props.profileId, props.item.id);
  if (detail.isPending) return <Spinner label={t('app.loading')} />;
  if (detail.isError) return <ErrorNotice error={detail.error} onRetry={() => void detail.refetch()} />;
  const held = props.item.actions.includes('approve');
  return (
    <>
      <HeaderComparison detail={detail.data} />
      <Subtitle2 as="h3">{t('pages.review.detail.lines')}</Subtitle2>
      {!detail.data.visma && <Text>{t('pages.review.detail.notPlanned')}</Text>}
      {detail.data.source.lines.length === 0 ? null : held && props.fixing ? (
        <FixHeld
          profileId={props.profileId}
          detail={detail.data}
          busy={props.busy}
          onFix={(lines) => props.on.fix(props.item, lines)}
        />
      ) : (
        <LineComparison detail={detail.data} />
      )}
    </>
  );
}

/**
 * The open item beside the queue: for a document, its ServiceTitan source beside its Visma payload with the
 * differences marked (and, for a held document, the fix in place); for a master-data question, its text and choices.
 */
export function DetailPanel(props: {
  profileId: string;
  item: ReviewItemView;
  busy: boolean;
  fixing: boolean;
  on: DetailActions;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const codes = useCodeLabels();
  const { item } = props;
  const headingId = useId();
  const conflict = conflictValues(item.details);
  return (
    <section className={styles.panel} aria-labelledby={headingId} data-testid="review-detail">
      <div className={styles.heading}>
        <Subtitle2 as="h2" id={headingId} className={styles.grow}>
          {t('pages.review.detail.title', { number: itemLabel(item, codes) })}
        </Subtitle2>
        <Button
          appearance="subtle"
          icon={<DismissRegular />}
          aria-label={t('pages.review.detail.close')}
          onClick={props.onClose}
        />
      </div>
      <Text weight="semibold">{codes.reason(item.reason)}</Text>
      <Text size={200}>{item.text}</Text>
      {conflict && (
        <Text size={200}>
          {t('pages.review.conflict.st', { value: conflict.st || '–' })} ·{' '}
          {t('pages.review.conflict.visma', { value: conflict.visma || '–' })}
        </Text>
      )}
      <ItemButtons item={item} busy={props.busy} on={props.on} />
      {item.kind === 'document' && item.id !== null && (
        <DocumentBody
          profileId={props.profileId}
          item={item}
          busy={props.busy}
          fixing={props.fixing}
          on={props.on}
        />
      )}
    </section>
  );
}
