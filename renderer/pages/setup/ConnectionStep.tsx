import { useState } from 'react';
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { PlugConnected20Regular } from '@fluentui/react-icons/svg/plug-connected';
import { Save20Regular } from '@fluentui/react-icons/svg/save';
import { useTranslation } from 'react-i18next';
import type { SetupDraft } from '../../../shared/contract/setup-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useConnectionTest, useSaveProfile } from '../../data/profile-setup';
import { useStoreSecrets, useTestUnsaved } from '../../data/setup';
import type { FormBinding } from '../settings/FormText';
import { ServiceTitanStep, VismaStep } from '../settings/ProfileSetupSteps';
import { toSaveInput } from '../settings/profile-form';
import { CheckList } from './CheckList';
import { secretsOf, unsavedTestOf, type Side } from './wizard-state';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** The tested values without the secrets. */
function withoutSecrets(input: ReturnType<typeof unsavedTestOf>): unknown {
  if (input.system === 'servicetitan') {
    const { clientSecret: _secret, appKey: _key, ...rest } = input.servicetitan;
    return rest;
  }
  const { clientSecret: _secret, ...rest } = input.visma;
  return rest;
}

/** How a side's secrets were kept: after a passing test, or saved anyway. */
export type StoredHow = Exclude<SetupDraft['stored']['servicetitan'], 'none'>;

/**
 * Steps 2 and 3: one side's connection. Its values are tested as typed (`connection.testUnsaved`, one line per
 * check) before anything is saved; only a passing test — or "Save anyway" after a failed one — stores the secrets
 * (ServiceTitan's in the keychain; Visma's with the whole profile). The demo's saved connection is tested as saved.
 */
export function ConnectionStep(props: {
  side: Side;
  demo: boolean;
  binding: FormBinding;
  profileId: string;
  stored: SetupDraft['stored']['servicetitan'];
  /** Checks the step's fields and shows their errors; false when something is missing. */
  validate: () => boolean;
  onStored: (how: StoredHow) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const unsaved = useTestUnsaved();
  const saved = useConnectionTest(props.profileId, props.side);
  const storeSecrets = useStoreSecrets();
  const saveProfile = useSaveProfile();
  const { form } = props.binding;
  const test = props.demo ? saved : unsaved;
  // A report belongs to the values it tested: change a field and it no longer counts (the secrets are left out of
  // the comparison: they are cleared from memory as soon as they are stored).
  const values = props.demo ? '' : JSON.stringify(withoutSecrets(unsavedTestOf(form, props.side)));
  const [testedValues, setTestedValues] = useState<string | null>(null);
  const report = testedValues === values ? test.data : undefined;
  const keeping = storeSecrets.isPending || saveProfile.isPending;
  const keepError = storeSecrets.error ?? saveProfile.error;

  function keep(how: StoredHow) {
    const done = { onSuccess: () => props.onStored(how) };
    if (props.side === 'servicetitan')
      storeSecrets.mutate({ profileId: props.profileId, secrets: secretsOf(form, 'servicetitan') }, done);
    else saveProfile.mutate(toSaveInput(form), done);
  }

  function run() {
    if (props.demo) {
      setTestedValues(values);
      saved.mutate(undefined, { onSuccess: (r) => r.ok && props.onStored('tested') });
      return;
    }
    if (!props.validate()) return;
    setTestedValues(values);
    unsaved.mutate(unsavedTestOf(form, props.side), { onSuccess: (r) => r.ok && keep('tested') });
  }

  return (
    <div className={styles.root}>
      {props.demo ? (
        <Text>{t('setup.conn.demo')}</Text>
      ) : props.side === 'servicetitan' ? (
        <ServiceTitanStep binding={props.binding} creating={props.stored === 'none'} />
      ) : (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('setup.visma.tenantTitle')}</MessageBarTitle>
              {t('setup.visma.tenantExplain')}
            </MessageBarBody>
          </MessageBar>
          <VismaStep binding={props.binding} creating={props.stored === 'none'} />
        </>
      )}
      {props.stored !== 'none' && !report && <Text>{t('setup.conn.storedBefore')}</Text>}
      <div className={styles.actions}>
        <Button
          icon={test.isPending || keeping ? <Spinner size="extra-tiny" /> : <PlugConnected20Regular />}
          disabled={test.isPending || keeping}
          onClick={run}
        >
          {test.isPending ? t('setup.conn.testing') : t('setup.conn.test')}
        </Button>
        {!props.demo && report && !report.ok && props.stored === 'none' && (
          <Button icon={<Save20Regular />} disabled={keeping} onClick={() => keep('unchecked')}>
            {t('setup.conn.saveAnyway')}
          </Button>
        )}
      </div>
      {test.isError && (
        <Text role="alert" className={styles.error}>
          {errorText(test.error)}
        </Text>
      )}
      {keepError && (
        <Text role="alert" className={styles.error}>
          {t('setup.conn.saveFailed', { message: errorText(keepError) })}
        </Text>
      )}
      {report && (
        <div role="status">
          <Text weight="semibold">
            {report.ok
              ? t('setup.conn.passed')
              : props.stored === 'unchecked'
                ? t('setup.conn.savedAnyway')
                : t('setup.conn.failed')}
          </Text>
          <CheckList report={report} />
        </div>
      )}
    </div>
  );
}
