import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../../lib/api-context';
import { useT } from '../../../lib/i18n';
import { notifyError } from '../../../lib/notify';
import { enableCreatedZone, useCreatedZone } from '../api/created-zone';

/**
 * The end of an applied plan. The zone was created Disabled (CloudStack's default), so, as
 * CloudStack's wizard does, the finish asks whether to enable it; once it is Enabled it says so.
 */
export function FinishPanel({ zoneId, zoneName, calls }: { zoneId: string; zoneName: string; calls: number }) {
  const t = useT();
  const client = useApi();
  const queryClient = useQueryClient();
  const zone = useCreatedZone(zoneId);
  const [enabling, setEnabling] = useState(false);
  const state = zone.data?.allocationstate;
  const panel = useRef<HTMLDivElement>(null);
  // The call list was kept scrolled to its last call: bring the outcome (and its question) into view.
  useEffect(() => {
    if (state !== undefined) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [state]);

  if (state === 'Enabled') {
    return (
      <Alert
        color="green"
        variant="light"
        icon={<IconCheck size={16} />}
        ref={panel}
        title={t('wizard.finish.title', { zone: zoneName })}
        data-testid="wizard-finished"
        data-allocationstate="Enabled"
      >
        <Text size="sm">{t('wizard.finish.body', { count: calls })}</Text>
      </Alert>
    );
  }

  const enable = async () => {
    setEnabling(true);
    try {
      await enableCreatedZone(client, queryClient, zoneId);
    } catch (error) {
      notifyError(error);
    } finally {
      setEnabling(false);
    }
  };

  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconInfoCircle size={16} />}
      ref={panel}
      title={t('wizard.finish.createdTitle', { zone: zoneName })}
      data-testid="wizard-finished"
      data-allocationstate={state ?? ''}
    >
      <Stack gap="xs">
        <Text size="sm">{t('wizard.finish.body', { count: calls })}</Text>
        {state !== undefined && (
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" style={{ flex: 1 }}>
              {t('wizard.finish.enableAsk', { zone: zoneName })}
            </Text>
            <Button
              size="xs"
              leftSection={<IconCircleCheck size={14} />}
              loading={enabling}
              onClick={() => void enable()}
              data-testid="enable-zone"
            >
              {t('wizard.finish.enable')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
