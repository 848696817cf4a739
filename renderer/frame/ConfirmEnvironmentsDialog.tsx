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
import type { ProfileSummary } from '../../shared/contract/schemas';
import { useErrorText } from '../components/use-error-text';
import { useConfirmEnvironments } from '../data/profile-settings';
import { companyOf, namesCompany } from './company-name';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * Says exactly what confirming a ServiceTitan test tenant → production Visma company pair does, and only enables
 * the confirmation once the company's name (or id) is typed. Main audits the confirmation.
 */
export function ConfirmEnvironmentsDialog(props: { profile: ProfileSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorText = useErrorText();
  const confirm = useConfirmEnvironments();
  const [typed, setTyped] = useState('');
  const { profile } = props;
  const company = companyOf(profile);
  const matches = namesCompany(profile, typed);
  const facts = { company, tenant: profile.servicetitan.tenantId, profile: profile.name };

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!matches) return;
    confirm.mutate(profile.id, { onSuccess: props.onClose });
  }

  return (
    <Dialog open modalType="alert" onOpenChange={(_, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>{t('crossEnvironment.dialog.title', facts)}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{t('crossEnvironment.dialog.intro', facts)}</Text>
              <Text weight="semibold">{t('crossEnvironment.dialog.whatHappens')}</Text>
              <ul className={styles.list}>
                <li>{t('crossEnvironment.dialog.posts', facts)}</li>
                <li>{t('crossEnvironment.dialog.masterData', facts)}</li>
                <li>{t('crossEnvironment.dialog.audited')}</li>
                <li>{t('crossEnvironment.dialog.again')}</li>
              </ul>
              <Field
                label={t('crossEnvironment.dialog.typeLabel', {
                  name: company,
                  id: profile.visma.companyId,
                })}
                required
              >
                <Input
                  autoComplete="off"
                  spellCheck={false}
                  value={typed}
                  maxLength={200}
                  onChange={(_, data) => setTyped(data.value)}
                />
              </Field>
              {confirm.isError && (
                <Text role="alert" className={styles.error}>
                  {t('crossEnvironment.dialog.failed', { message: errorText(confirm.error) })}
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={props.onClose}>
                {t('common.cancel')}
              </Button>
              <Button appearance="primary" type="submit" disabled={!matches || confirm.isPending}>
                {t('crossEnvironment.dialog.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
