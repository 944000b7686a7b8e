import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconKey, IconShieldLock } from '@tabler/icons-react';
import { CopyField } from '../../../components/copy-field';
import { ErrorAlert } from '../../../components/error-alert';
import type { User } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useRegisterUserKeys, useUserKeys } from '../api/user-keys';

/** Whose keys: a listed user, or the signed-in one (the top bar passes its session). */
export type KeysTarget = Pick<User, 'id' | 'username'>;

/**
 * "register": confirm, then show the new apikey/secretkey once with copy buttons.
 * "show": getUserKeys for an existing pair.
 */
export function KeysDialog({ user, mode, onClose }: { user: KeysTarget; mode: 'register' | 'show'; onClose(): void }) {
  const t = useT();
  const register = useRegisterUserKeys();
  const shown = useUserKeys(user.id, mode === 'show');
  const keys = mode === 'register' ? register.data : shown.data;
  const error = mode === 'register' ? register.error : shown.error;

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('users.keysTitle', { name: user.username })}
      size="lg"
      data-testid="keys-dialog"
    >
      <Stack gap="sm">
        {mode === 'register' && !keys && (
          <>
            <Text size="sm">{t('users.registerConfirm', { name: user.username })}</Text>
            {error && <ErrorAlert error={error} />}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                leftSection={<IconKey size={14} />}
                loading={register.isPending}
                onClick={() => register.mutate(user.id)}
                data-autofocus
              >
                {t('users.registerKeys')}
              </Button>
            </Group>
          </>
        )}
        {mode === 'show' && shown.isLoading && <Loader size="sm" />}
        {mode === 'show' && error && <ErrorAlert error={error} />}
        {keys && (keys.apikey || keys.secretkey) ? (
          <>
            <Alert color="yellow" variant="light" icon={<IconShieldLock size={16} />} py="xs">
              <Text size="sm">{mode === 'register' ? t('users.keysOnce') : t('users.keysShown')}</Text>
            </Alert>
            <CopyField label={t('users.apikey')} value={keys.apikey ?? ''} testId="apikey" />
            <CopyField label={t('users.secretkey')} value={keys.secretkey ?? ''} testId="secretkey" />
            <Group justify="flex-end">
              <Button onClick={onClose}>{t('common.close')}</Button>
            </Group>
          </>
        ) : (
          keys && (
            <Text size="sm" c="dimmed">
              {t('users.noKeys')}
            </Text>
          )
        )}
      </Stack>
    </Modal>
  );
}
