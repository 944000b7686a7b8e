import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../lib/i18n';
import type { ConfirmRequest, ConfirmResult } from './confirm-dialog';

/** The confirmation dialog ConfirmHost loads on the first confirmation. */
export function ConfirmModal({
  request,
  onClose,
}: {
  request: ConfirmRequest | null;
  onClose(result: ConfirmResult): void;
}) {
  const t = useT();
  const [option, setOption] = useState(false);
  // Mounted closed, then opened: the first dialog opens with the same transition as the others.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const finish = (confirmed: boolean) => {
    onClose({ confirmed, option: confirmed && option });
    setOption(false);
  };
  return (
    <Modal opened={mounted && request !== null} onClose={() => finish(false)} title={request?.title} size="md">
      {request && (
        <Stack gap="sm">
          <Text size="sm">{request.message}</Text>
          {request.option && (
            <Checkbox
              label={request.option.label}
              description={request.option.hint}
              checked={option}
              onChange={(e) => setOption(e.currentTarget.checked)}
            />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => finish(false)}>
              {t('common.cancel')}
            </Button>
            <Button color={request.danger ? 'red' : undefined} onClick={() => finish(true)} data-autofocus>
              {request.confirmLabel}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
