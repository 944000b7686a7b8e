import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../lib/i18n';
import { ErrorAlert } from './error-alert';

/** The end of every form dialog: the server's error, if any, then Cancel and the submit button. */
export function FormFooter(props: { error: unknown; pending: boolean; onCancel: () => void; submitLabel: ReactNode }) {
  const t = useT();
  return (
    <>
      <ErrorAlert error={props.error} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={props.pending}>
          {props.submitLabel}
        </Button>
      </Group>
    </>
  );
}
