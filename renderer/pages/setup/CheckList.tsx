import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons/svg/checkmark-circle';
import { DismissCircle20Filled } from '@fluentui/react-icons/svg/dismiss-circle';
import { useTranslation } from 'react-i18next';
import type { ConnectionReport } from '../../../shared/contract/engine-schemas';

const useStyles = makeStyles({
  checks: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  check: { display: 'grid', gridTemplateColumns: '20px 1fr', gap: tokens.spacingHorizontalS },
  ok: { color: tokens.colorPaletteGreenForeground1, display: 'flex' },
  bad: { color: tokens.colorPaletteRedForeground1, display: 'flex' },
  message: { color: tokens.colorNeutralForeground2 },
});

/** A connection test's checks, one line each: ✓ or ✗, the check's name and what it found (main's words). */
export function CheckList({ report }: { report: ConnectionReport }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <ul className={styles.checks} data-testid="connection-checks">
      {report.checks.map((check, i) => (
        <li key={i} className={styles.check}>
          <span className={check.ok ? styles.ok : styles.bad}>
            {check.ok ? (
              <CheckmarkCircle20Filled aria-label={t('setup.conn.ok')} />
            ) : (
              <DismissCircle20Filled aria-label={t('setup.conn.notOk')} />
            )}
          </span>
          <span>
            <Text weight="semibold">{check.name}</Text>
            {check.message && <Text className={styles.message}> — {check.message}</Text>}
          </span>
        </li>
      ))}
    </ul>
  );
}
