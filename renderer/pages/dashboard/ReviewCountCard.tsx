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

/** How many items wait in the review queue, with the way there. */
export function ReviewCountCard({ count }: { count: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const styles = useStyles();
  return (
    <Panel title={t('pages.dashboard.reviewCard.title')}>
      <Text className={mergeClasses(styles.count, count > 0 && styles.attention)} data-testid="review-count">
        {format.number(count)}
      </Text>
      <Text className={styles.muted}>
        {count > 0 ? t('pages.dashboard.reviewCard.waiting') : t('pages.dashboard.reviewCard.none')}
      </Text>
      <Link href="#/review">{t('pages.dashboard.reviewCard.open')}</Link>
    </Panel>
  );
}
