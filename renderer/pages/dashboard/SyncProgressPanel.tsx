import { Button, Field, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons/svg/dismiss-circle';
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from '../../../shared/contract/schemas';
import { useFormat } from '../../i18n/use-format';
import { SYNC_PHASES, isKnownPhase, runFraction } from './sync-phases';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
  },
  detail: { color: tokens.colorNeutralForeground2 },
  cancel: { alignSelf: 'flex-start' },
});

/** The running sync: which step it is on, how far that step is, and the engine's notice or message if it sent one. */
export function SyncProgressPanel({
  progress,
  onCancel,
  cancelling = false,
}: {
  progress: SyncProgress | null;
  /** Shows Cancel: the engine stops at its next safe point (between documents). */
  onCancel?: () => void;
  cancelling?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  const known = progress && isKnownPhase(progress.phase) ? progress.phase : null;
  const step = known
    ? t('pages.dashboard.progress.step', {
        step: SYNC_PHASES.indexOf(known) + 1,
        total: SYNC_PHASES.length,
        phase: t(`pages.dashboard.phase.${known}`),
      })
    : t('pages.dashboard.progress.starting');
  let detail = '';
  if (progress && progress.total !== undefined && progress.total > 0) {
    detail = t('pages.dashboard.progress.ofTotal', {
      done: format.number(progress.done),
      total: format.number(progress.total),
    });
  } else if (progress && progress.done > 0) {
    detail = t('pages.dashboard.progress.done', { done: format.number(progress.done) });
  }
  const fraction = progress ? runFraction(progress) : undefined;
  const notice =
    progress?.notice?.code === 'visma_rate_limit_wait'
      ? t('pages.dashboard.progress.rateLimitWait', { time: format.dateTime(progress.notice.resumeAt) })
      : (progress?.message ?? '');
  return (
    <div className={styles.root} data-testid="sync-progress">
      <Field label={step} validationState="none" hint={detail || undefined}>
        <ProgressBar value={fraction} thickness="large" aria-label={step} />
      </Field>
      {notice && (
        <Text className={styles.detail} role="status">
          {notice}
        </Text>
      )}
      {onCancel && (
        <Button
          className={styles.cancel}
          icon={<DismissCircleRegular />}
          disabled={cancelling}
          onClick={onCancel}
        >
          {cancelling ? t('pages.dashboard.progress.cancelling') : t('pages.dashboard.progress.cancel')}
        </Button>
      )}
    </div>
  );
}
