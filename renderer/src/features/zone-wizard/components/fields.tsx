import { PasswordInput, TextInput, type TextInputProps } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT, type Translate } from '../../../lib/i18n';
import type { FieldError } from '../model/validators';
import { useWizard } from './wizard-context';

export function errorText(t: Translate, error: FieldError | undefined): string | undefined {
  return error ? t(error.key, error.vars) : undefined;
}

interface FieldProps extends Omit<TextInputProps, 'value' | 'onChange' | 'error'> {
  /** Draft path: errors, locking and "touched" follow it. */
  path: string;
  value: string;
  onValue(value: string): void;
  label?: ReactNode;
  secret?: boolean;
}

/**
 * A wizard text field: shows its live error once the operator typed in it (or left its step),
 * and is read-only once the call that sent it has created its resource.
 */
export function Field({ path, value, onValue, secret, ...rest }: FieldProps) {
  const t = useT();
  const w = useWizard();
  const locked = w.locked(path);
  const common = {
    ...rest,
    value,
    readOnly: locked,
    'data-path': path,
    // Descriptions under the input keep inputs of a grid row aligned.
    inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[],
    rightSection: locked ? <IconLock size={14} aria-label={t('wizard.locked')} /> : rest.rightSection,
    error: locked ? undefined : errorText(t, w.error(path)),
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      onValue(e.currentTarget.value);
      w.touch(path);
    },
    onBlur: () => {
      if (value !== '') w.touch(path);
    },
  };
  if (secret) {
    return (
      <PasswordInput
        label={rest.label}
        description={rest.description}
        required={rest.required}
        size={rest.size}
        inputWrapperOrder={common.inputWrapperOrder}
        value={value}
        readOnly={locked}
        data-path={path}
        error={common.error}
        onChange={common.onChange}
        onBlur={common.onBlur}
        autoComplete="new-password"
      />
    );
  }
  return <TextInput {...common} autoComplete="off" spellCheck={false} />;
}
