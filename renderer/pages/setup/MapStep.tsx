import { Link, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/use-error-text';
import { useSetupStatus } from '../../data/setup';
import { useCodeLabels } from '../../i18n/use-code-labels';
import { MappingTabs } from '../mappings/MappingTabs';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '1100px' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * Step 5: how much is left that blocks posting (master-data questions and documents waiting for a rule, as the engine
 * knows them), the mapping tabs themselves (matched, suggested with a confidence, left; accept all above a threshold),
 * and the way to the full Mappings page.
 */
export function MapStep({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const labels = useCodeLabels();
  const status = useSetupStatus(profileId);
  if (status.isPending) return <Spinner size="small" label={t('app.loading')} />;
  if (status.isError)
    return (
      <Text role="alert" className={styles.error}>
        {t('setup.map.failed', { message: errorText(status.error) })}
      </Text>
    );
  const { reviewItems, waiting, rules } = status.data;
  const left = reviewItems + waiting.reduce((n, w) => n + w.count, 0);
  return (
    <div className={styles.root}>
      <Text>{t('setup.map.intro')}</Text>
      <Text weight="semibold" role="status" data-testid="map-left">
        {left === 0 ? t('setup.map.nothingLeft') : t('setup.map.left', { count: left })}
      </Text>
      <ul className={styles.list}>
        <li>{t('setup.map.rules', { count: rules })}</li>
        {reviewItems > 0 && <li>{t('setup.map.reviewItems', { count: reviewItems })}</li>}
        {waiting.map((w) => (
          <li key={w.code}>{t('setup.map.waiting', { reason: labels.reason(w.code), count: w.count })}</li>
        ))}
      </ul>
      <MappingTabs profileId={profileId} />
      <Link href="#/mappings">{t('setup.map.open')}</Link>
    </div>
  );
}
