import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ReviewItemView } from '../../../shared/contract/engine-schemas';
import type { MasterDataDecision } from '../../data/review';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/** What a row's buttons ask the queue to do. */
export interface RowActionHandlers {
  preview(item: ReviewItemView): void;
  replay(item: ReviewItemView): void;
  approve(item: ReviewItemView): void;
  ignore(item: ReviewItemView): void;
  resolve(item: ReviewItemView, decision: MasterDataDecision): void;
}

const decisions: readonly MasterDataDecision[] = ['accept', 'reject', 'keep-st', 'keep-visma'];

/** The buttons of one review item: exactly the actions the engine allows for it, each naming its document. */
export function RowActions(props: { item: ReviewItemView; busy: boolean; on: RowActionHandlers }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { item, busy, on } = props;
  const allowed = new Set(item.actions);
  const named = (label: string) => `${label}: ${item.sourceNumber}`;
  const button = (label: string, onClick: () => void, primary = false) => (
    <Button
      key={label}
      size="small"
      appearance={primary ? 'primary' : 'secondary'}
      disabled={busy}
      aria-label={named(label)}
      onClick={onClick}
    >
      {label}
    </Button>
  );
  return (
    <div className={styles.root}>
      {item.kind === 'document' &&
        item.id !== null &&
        button(t('pages.review.action.preview'), () => on.preview(item))}
      {allowed.has('replay') && button(t('pages.review.action.replay'), () => on.replay(item))}
      {allowed.has('approve') && button(t('pages.review.action.approve'), () => on.approve(item), true)}
      {allowed.has('ignore') && button(t('pages.review.action.ignoreEllipsis'), () => on.ignore(item))}
      {decisions
        .filter((d) => allowed.has(d))
        .map((d) => button(t(`pages.review.action.${d}`), () => on.resolve(item, d), d === 'accept'))}
    </div>
  );
}
