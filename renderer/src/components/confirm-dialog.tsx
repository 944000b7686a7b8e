import { Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { create } from 'zustand';
import { useT } from '../lib/i18n';

export interface ConfirmOptions {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  /** An extra checkbox (e.g. "cleanup"); its value is returned. */
  option?: { label: string; hint?: string };
}

export interface ConfirmResult {
  confirmed: boolean;
  option: boolean;
}

interface ConfirmState {
  request: (ConfirmOptions & { resolve: (result: ConfirmResult) => void }) | null;
  open(options: ConfirmOptions): Promise<ConfirmResult>;
  close(result: ConfirmResult): void;
}

const useConfirmStore = create<ConfirmState>((set, get) => ({
  request: null,
  open: (options) =>
    new Promise<ConfirmResult>((resolve) => {
      get().request?.resolve({ confirmed: false, option: false });
      set({ request: { ...options, resolve } });
    }),
  close: (result) => {
    get().request?.resolve(result);
    set({ request: null });
  },
}));

/** `if ((await confirm({...})).confirmed) ...` — one dialog host in the shell serves every page. */
export function useConfirm(): (options: ConfirmOptions) => Promise<ConfirmResult> {
  return useConfirmStore((s) => s.open);
}

export function ConfirmHost() {
  const t = useT();
  const request = useConfirmStore((s) => s.request);
  const close = useConfirmStore((s) => s.close);
  const [option, setOption] = useState(false);
  const finish = (confirmed: boolean) => {
    close({ confirmed, option: confirmed && option });
    setOption(false);
  };
  return (
    <Modal opened={request !== null} onClose={() => finish(false)} title={request?.title} size="md">
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
