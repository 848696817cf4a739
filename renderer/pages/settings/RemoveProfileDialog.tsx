import { useState } from 'react';
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
import type { ProfileSummary } from '../../../shared/contract/schemas';
import type { ProfileRemovalView } from '../../../shared/contract/settings-schemas';
import { useErrorText } from '../../components/use-error-text';
import { useRemoveProfile } from '../../data/profile-admin';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  error: { color: tokens.colorPaletteRedForeground1 },
  detail: { color: tokens.colorNeutralForeground2, wordBreak: 'break-word' },
});

/** True when the typed text is the profile's id or name (main checks the same way). */
export function confirmsProfile(profile: Pick<ProfileSummary, 'id' | 'name'>, typed: string): boolean {
  const said = typed.trim().toLowerCase();
  return said !== '' && (said === profile.id.toLowerCase() || said === profile.name.trim().toLowerCase());
}

/**
 * Asks before a real profile is removed: says what goes (the profile and its secrets) and what stays (the ledger, as
 * a backup), and removes only after the profile's id or name is typed. A refusal is shown as main wrote it.
 */
export function RemoveProfileDialog(props: {
  profile: ProfileSummary;
  onClose: (removed: ProfileRemovalView | null) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const remove = useRemoveProfile();
  const [typed, setTyped] = useState('');
  const close = (result: ProfileRemovalView | null) => {
    remove.reset();
    props.onClose(result);
  };
  const confirmed = confirmsProfile(props.profile, typed);
  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && close(null)}>
      <DialogSurface>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!confirmed || remove.isPending) return;
            remove.mutate(
              { profileId: props.profile.id, confirmation: typed },
              { onSuccess: (result) => close(result) },
            );
          }}
        >
          <DialogBody>
            <DialogTitle>{t('settings.removal.title', { name: props.profile.name })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t('settings.removal.body')}</Text>
              <Field label={t('settings.removal.typeLabel', { id: props.profile.id })}>
                <Input
                  value={typed}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(_, data) => setTyped(data.value)}
                />
              </Field>
              {remove.isError && (
                <div role="alert">
                  <Text className={styles.error}>{t('settings.removal.failed')}</Text>
                  <Text as="p" size={200} className={styles.detail}>
                    {errorText(remove.error)}
                  </Text>
                </div>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={() => close(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" appearance="primary" disabled={!confirmed || remove.isPending}>
                {remove.isPending ? t('settings.profiles.removing') : t('settings.removal.confirm')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
