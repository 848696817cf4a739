import { Suspense, lazy, useState } from 'react';
import { Button, type ButtonProps } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '../../shared/contract/schemas';

// The dialog (with its input and field) is loaded when it is first opened: the header shows this button on every page.
const ConfirmEnvironmentsDialog = lazy(() =>
  import('./ConfirmEnvironmentsDialog').then((m) => ({ default: m.ConfirmEnvironmentsDialog })),
);

/** "Confirm…": opens the dialog that confirms a test tenant → production company profile. */
export function ConfirmEnvironmentsButton(props: {
  profile: ProfileSummary;
  size?: ButtonProps['size'];
  appearance?: ButtonProps['appearance'];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={props.size}
        appearance={props.appearance}
        aria-label={t('crossEnvironment.confirmNamed', { name: props.profile.name })}
        onClick={() => setOpen(true)}
      >
        {t('crossEnvironment.confirm')}
      </Button>
      {open && (
        <Suspense>
          <ConfirmEnvironmentsDialog profile={props.profile} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
