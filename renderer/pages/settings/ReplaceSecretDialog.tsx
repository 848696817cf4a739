import { useState, type FormEvent } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SecretKind } from '../../../shared/contract/schemas';
import { useErrorText } from '../../components/use-error-text';
import { useSetSecret } from '../../data/secrets';
import type { SecretRule } from './secret-rules';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * Asks for a new secret value and sends it to the keychain. The field is a password field that starts empty:
 * the old value is never read back, and the new one is dropped from memory when the dialog closes. A `rule`
 * (e.g. the webhook key's length) is checked before anything is sent, and its problem shown at the field.
 */
export function ReplaceSecretDialog(props: {
  profileId: string;
  kind: SecretKind;
  label: string;
  rule?: SecretRule;
  onClose: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const setSecret = useSetSecret(props.profileId);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!value) return;
    const found = props.rule?.check(value) ?? null;
    setProblem(found);
    if (found) return;
    setSecret.mutate({ kind: props.kind, value }, { onSuccess: () => props.onClose(true) });
  }

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose(false)}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{t('settings.credentials.dialogTitle', { name: props.label })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t('settings.credentials.dialogBody')}</Text>
              <Field
                label={t('settings.credentials.valueLabel')}
                required
                hint={props.rule?.hint}
                validationState={problem ? 'error' : 'none'}
                validationMessage={problem ?? undefined}
              >
                <Input
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={value}
                  maxLength={4096}
                  onChange={(_, data) => {
                    setValue(data.value);
                    setProblem(null);
                  }}
                />
              </Field>
              {setSecret.isError && (
                <Text role="alert" className={styles.error}>
                  {t('settings.credentials.saveFailed', { message: errorText(setSecret.error) })}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => props.onClose(false)}>
                {t('settings.credentials.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={!value || setSecret.isPending}>
                {t('settings.credentials.save')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
