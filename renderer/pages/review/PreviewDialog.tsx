import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReplayPreviewView } from '../../../shared/contract/engine-schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useReviewPreview } from '../../data/review';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { PlannedDocument } from './PlannedDocument';

const useStyles = makeStyles({
  surface: { maxWidth: '920px', width: '92vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  headline: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  badge: { flexShrink: 0, whiteSpace: 'nowrap' },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

/** The badge colour of a replay outcome. */
export function outcomeColor(
  outcome: ReplayPreviewView['outcome'],
): 'success' | 'danger' | 'warning' | 'informative' {
  if (outcome === 'ready') return 'success';
  if (outcome === 'blocked') return 'danger';
  if (outcome === 'correct-in-place') return 'informative';
  return 'warning';
}

function PreviewBody({ preview }: { preview: ReplayPreviewView }) {
  const { t } = useTranslation();
  const codes = useCodeLabels();
  const styles = useStyles();
  return (
    <>
      <div className={styles.headline}>
        <Badge appearance="tint" color={outcomeColor(preview.outcome)} className={styles.badge}>
          {t(`pages.review.outcome.${preview.outcome}`)}
        </Badge>
        <Text>{preview.text}</Text>
      </div>
      {preview.problems && preview.problems.length > 0 && (
        <>
          <Subtitle2 as="h3">{t('pages.review.preview.problems')}</Subtitle2>
          <ul className={styles.problems}>
            {preview.problems.map((p, i) => (
              <li key={i}>
                <Text weight="semibold">{codes.reason(p.code)}</Text>
                {p.detail && <Text> — {p.detail}</Text>}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.planned && <PlannedDocument planned={preview.planned} />}
    </>
  );
}

/** What replaying one document would post to Visma right now, or what still stops it. */
export function PreviewDialog(props: {
  profileId: string;
  id: number;
  sourceNumber: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const preview = useReviewPreview(props.profileId, props.id);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('pages.review.preview.title', { number: props.sourceNumber })}</DialogTitle>
          <DialogContent className={styles.content}>
            {preview.isPending && <Spinner label={t('app.loading')} />}
            {preview.isError && <ErrorNotice error={preview.error} onRetry={() => void preview.refetch()} />}
            {preview.data && <PreviewBody preview={preview.data} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
