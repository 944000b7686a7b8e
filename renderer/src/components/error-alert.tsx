import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { ApiError, errorText } from '../lib/api-error';
import { useLocale, useT, type MessageKey } from '../lib/i18n';
import { errorHintKey } from '../lib/notify';

/** CloudStack's errortext (in the user's language when the core keyed it), its codes and what to do about it. */
export function ErrorAlert({ error, title, hint: hintKey }: { error: unknown; title?: string; hint?: MessageKey }) {
  const t = useT();
  const locale = useLocale();
  if (!error) return null;
  const hint = hintKey ?? errorHintKey(error);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={16} />}
      title={title ?? t('error.title')}
      role="alert"
      py="xs"
    >
      <Text size="sm" data-testid="error-text">
        {errorText(error, locale)}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={4}>
          {t(hint)}
        </Text>
      )}
      {error instanceof ApiError && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('error.code', { errorcode: error.errorcode, cserrorcode: error.cserrorcode })}
        </Text>
      )}
    </Alert>
  );
}
