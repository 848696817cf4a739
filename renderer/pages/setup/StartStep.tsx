import { Radio, RadioGroup, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FormBinding } from '../settings/FormText';
import { ProfileStep } from '../settings/ProfileSetupSteps';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  choice: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalXXL },
});

/** How the setup starts. */
export type StartMode = 'demo' | 'connect';

/** Step 1: the demo company or the user's own systems; for those, the profile's name, id and time zone. */
export function StartStep(props: {
  mode: StartMode;
  onMode: (mode: StartMode) => void;
  binding: FormBinding;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <RadioGroup
        aria-label={t('setup.start.heading')}
        value={props.mode}
        disabled={props.disabled}
        onChange={(_, data) => props.onMode(data.value === 'demo' ? 'demo' : 'connect')}
      >
        <div className={styles.choice}>
          <Radio value="demo" label={t('setup.start.demo')} />
          <Text className={styles.hint}>{t('setup.start.demoHint')}</Text>
          <Radio value="connect" label={t('setup.start.connect')} />
          <Text className={styles.hint}>{t('setup.start.connectHint')}</Text>
        </div>
      </RadioGroup>
      {props.mode === 'connect' && <ProfileStep binding={props.binding} creating />}
    </div>
  );
}
