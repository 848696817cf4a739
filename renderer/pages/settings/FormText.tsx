import { Field, Input } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { FieldError, FormField, ProfileForm } from './profile-form';

/** What every field of the setup form needs from the wizard. */
export interface FormBinding {
  form: ProfileForm;
  errors: Partial<Record<FormField, FieldError>>;
  set: (patch: Partial<ProfileForm>) => void;
}

/** One text field of the setup form, with its error in words. Secrets are password fields that start empty. */
export function FormText(props: {
  binding: FormBinding;
  field: FormField;
  label: string;
  hint?: string;
  required?: boolean;
  secret?: boolean;
  disabled?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const { form, errors, set } = props.binding;
  const error = errors[props.field];
  return (
    <Field
      label={props.label}
      hint={props.hint}
      required={props.required}
      validationState={error ? 'error' : 'none'}
      validationMessage={error ? t(`settings.setup.error.${error}`) : undefined}
    >
      <Input
        type={props.secret ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        disabled={props.disabled}
        placeholder={props.placeholder}
        value={form[props.field]}
        maxLength={props.secret ? 4096 : 200}
        onChange={(_, data) => set({ [props.field]: data.value })}
      />
    </Field>
  );
}
