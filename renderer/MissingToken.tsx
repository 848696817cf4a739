import { LockClosedRegular } from '@fluentui/react-icons/svg/lock-closed';
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { EmptyState } from './components/EmptyState';

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalXXXL, maxWidth: '720px', margin: '0 auto' },
});

/** Shown in a browser that opened the host without its per-run token: says where to find the right address. */
export function MissingToken() {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <EmptyState
        icon={<LockClosedRegular />}
        title={t('app.missingTokenTitle')}
        body={t('app.missingTokenBody')}
      />
    </main>
  );
}
