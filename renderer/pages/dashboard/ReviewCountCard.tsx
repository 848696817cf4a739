import { Link, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Panel } from '../../components/Panel';
import { useFormat } from '../../i18n/use-format';

const useStyles = makeStyles({
  count: {
    fontSize: tokens.fontSizeHero900,
    lineHeight: tokens.lineHeightHero900,
    fontWeight: tokens.fontWeightSemibold,
  },
  attention: { color: tokens.colorPaletteDarkOrangeForeground1 },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * How many items wait in the review queue, with the way there; when master-data questions are among them, the split
 * (so the count adds up with the documents the sync's banner and Recent syncs report).
 */
export function ReviewCountCard({ count, questions }: { count: number; questions: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  return (
    <Panel title={t('pages.dashboard.reviewCard.title')}>
      <Text className={mergeClasses(styles.count, count > 0 && styles.attention)} data-testid="review-count">
        {format.number(count)}
      </Text>
      <Text className={styles.muted}>
        {count === 0
          ? t('pages.dashboard.reviewCard.none')
          : questions > 0
            ? t('pages.dashboard.reviewCard.split', {
                documents: format.number(count - questions),
                questions: format.number(questions),
              })
            : t('pages.dashboard.reviewCard.waiting')}
      </Text>
      <Link href="#/review">{t('pages.dashboard.reviewCard.open')}</Link>
    </Panel>
  );
}
