import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SetupStep } from '../../../shared/contract/setup-schemas';
import { WIZARD_STEPS } from './wizard-state';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  item: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusCircular,
    color: tokens.colorNeutralForeground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  done: { color: tokens.colorNeutralForeground2 },
  current: {
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorBrandBackground,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
});

/** The seven steps as a row of numbered labels, the current one marked (`aria-current="step"`). */
export function StepList({ step }: { step: SetupStep }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const at = WIZARD_STEPS.indexOf(step);
  return (
    <ol className={styles.list} aria-label={t('setup.stepsLabel')}>
      {WIZARD_STEPS.map((s, i) => (
        <li
          key={s}
          aria-current={i === at ? 'step' : undefined}
          className={mergeClasses(styles.item, i < at && styles.done, i === at && styles.current)}
        >
          <Text size={200}>{`${i + 1}. ${t(`setup.steps.${s}`)}`}</Text>
        </li>
      ))}
    </ol>
  );
}
