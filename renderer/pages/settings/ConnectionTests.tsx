import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled } from '@fluentui/react-icons/svg/checkmark-circle';
import { DismissCircle20Filled } from '@fluentui/react-icons/svg/dismiss-circle';
import { PlugConnected20Regular } from '@fluentui/react-icons/svg/plug-connected';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../components/use-error-text';
import { useConnectionTest } from '../../data/profile-setup';

const useStyles = makeStyles({
  side: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  checks: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  check: {
    display: 'grid',
    gridTemplateColumns: '20px 1fr',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
  },
  ok: { color: tokens.colorPaletteGreenForeground1, display: 'flex' },
  bad: { color: tokens.colorPaletteRedForeground1, display: 'flex' },
  message: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** One side's test: the button, then every check with ✓ or ✗ and what it found. */
function ConnectionTest(props: {
  profileId: string;
  system: 'servicetitan' | 'visma';
  label: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const test = useConnectionTest(props.profileId, props.system);
  return (
    <section className={styles.side} aria-label={props.label} data-testid={`connection-${props.system}`}>
      <Button
        icon={test.isPending ? <Spinner size="extra-tiny" /> : <PlugConnected20Regular />}
        disabled={test.isPending}
        autoFocus={props.autoFocus}
        onClick={() => test.mutate()}
      >
        {props.label}
      </Button>
      {test.isError && (
        <Text role="alert" className={styles.error}>
          {errorText(test.error)}
        </Text>
      )}
      {test.data && (
        <>
          <Text weight="semibold" role="status">
            {test.data.ok ? t('settings.setup.test.passed') : t('settings.setup.test.failed')}
          </Text>
          <ul className={styles.checks}>
            {test.data.checks.map((check, i) => (
              <li key={i} className={styles.check}>
                <span className={check.ok ? styles.ok : styles.bad}>
                  {check.ok ? (
                    <CheckmarkCircle20Filled aria-label={t('settings.setup.test.ok')} />
                  ) : (
                    <DismissCircle20Filled aria-label={t('settings.setup.test.notOk')} />
                  )}
                </span>
                <span>
                  <Text weight="semibold">{check.name}</Text>
                  {check.message && <Text className={styles.message}> — {check.message}</Text>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * Test connection for both systems of a saved profile. The first button takes the focus: the wizard's buttons are
 * gone by then, and focus must stay inside the dialog.
 */
export function ConnectionTests({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ConnectionTest
        profileId={profileId}
        system="servicetitan"
        label={t('settings.setup.test.servicetitan')}
        autoFocus
      />
      <ConnectionTest profileId={profileId} system="visma" label={t('settings.setup.test.visma')} />
    </>
  );
}
