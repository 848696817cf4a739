import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  makeStyles,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../../shared/contract/schemas';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStoredProfile } from '../../data/profile-setup';
import { emptyForm, formFromStored } from './profile-form';
import { ProfileWizard } from './ProfileWizard';

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: '92vw' },
});

/**
 * Adds a profile, or edits a saved one with every stored field filled in (read with `profiles.get`; secrets are
 * never read back and stay empty unless replaced).
 */
export function ProfileSetupDialog(props: {
  profile: ProfileSummary | null;
  takenIds: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const creating = props.profile === null;
  const stored = useStoredProfile(props.profile?.id ?? '', !creating);
  const title = props.profile
    ? t('settings.setup.editTitle', { name: props.profile.name })
    : t('settings.setup.addTitle');
  const initial = creating ? emptyForm() : stored.data && formFromStored(stored.data);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
        {initial ? (
          <ProfileWizard
            title={title}
            initial={initial}
            creating={creating}
            takenIds={props.takenIds}
            onClose={props.onClose}
          />
        ) : (
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent>
              {stored.isError ? (
                <ErrorNotice error={stored.error} onRetry={() => void stored.refetch()} />
              ) : (
                <Spinner label={t('app.loading')} />
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
}
