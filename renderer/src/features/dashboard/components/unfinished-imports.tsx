import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPlayerPlay, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useConfirm } from '../../../components/confirm-dialog';
import type { DataCenterImportRecord } from '../../../lib/contract';
import { formatDateTime, formatNumber, useLocale, useT, type MessageKey } from '../../../lib/i18n';
import { useRunJob } from '../../../lib/jobs';
import { useUnfinishedImports } from '../api/dashboard-queries';

/** What removing an import deletes, innermost first (the order rollbackDataCenterImport uses). */
const REMOVED_KINDS = [
  'hosts',
  'storagepools',
  'imagestores',
  'clusters',
  'vlanipranges',
  'pods',
  'physicalnetworks',
  'zones',
] as const;

function ImportCard({ record }: { record: DataCenterImportRecord }) {
  const t = useT();
  const locale = useLocale();
  const run = useRunJob();
  const confirm = useConfirm();
  const [busy, setBusy] = useState(false);
  const zones = record.zones.map((z) => z.name).join(', ');
  const counts = record.createdcounts;
  const created = REMOVED_KINDS.filter((k) => counts[k] > 0)
    .map((k) => `${t(`dashboard.import.kind.${k}` as MessageKey)} ${formatNumber(counts[k], locale)}`)
    .join(', ');

  const go = async (command: 'resumeDataCenterImport' | 'rollbackDataCenterImport', title: string) => {
    setBusy(true);
    try {
      const started = await run({
        command,
        params: { id: record.id },
        title,
        invalidate: ['infrastructure', 'events'],
      });
      await started.done.catch(() => undefined);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const answer = await confirm({
      title: t('dashboard.unfinished.removeTitle'),
      message: [
        t('dashboard.unfinished.removeMessage', { zones, created: created || t('dashboard.unfinished.nothing') }),
        counts.configurations > 0 ? t('dashboard.unfinished.settingsKept', { settings: counts.configurations }) : '',
      ]
        .filter(Boolean)
        .join(' '),
      confirmLabel: t('dashboard.unfinished.remove'),
      danger: true,
    });
    if (answer.confirmed) await go('rollbackDataCenterImport', t('dashboard.unfinished.removeJob', { zones }));
  };

  return (
    <Alert
      color={record.state === 'Interrupted' ? 'orange' : 'red'}
      icon={<IconAlertTriangle size={18} />}
      title={t(record.state === 'Interrupted' ? 'dashboard.unfinished.interrupted' : 'dashboard.unfinished.failed', {
        zones,
      })}
      data-testid="unfinished-import"
    >
      <Stack gap={6}>
        <Text size="sm">
          {t('dashboard.unfinished.progress', {
            done: formatNumber(record.donesteps, locale),
            total: formatNumber(record.totalsteps, locale),
            when: formatDateTime(record.lastupdated, locale),
          })}
        </Text>
        {created && (
          <Text size="sm" c="dimmed">
            {t('dashboard.unfinished.created', { created })}
          </Text>
        )}
        <Group gap="xs">
          {!record.removalstarted && (
            <Button
              size="xs"
              leftSection={<IconPlayerPlay size={14} />}
              loading={busy}
              onClick={() => void go('resumeDataCenterImport', t('dashboard.unfinished.resumeJob', { zones }))}
              data-testid="resume-import"
            >
              {t('dashboard.unfinished.resume')}
            </Button>
          )}
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconTrash size={14} />}
            disabled={busy}
            onClick={() => void remove()}
            data-testid="remove-import"
          >
            {t('dashboard.unfinished.remove')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

/**
 * Datacenter imports that stopped before the end (the server was stopped, or a step failed):
 * each with how far it got and the two ways on: resume it, or remove what it created.
 */
export function UnfinishedImports({ enabled }: { enabled: boolean }) {
  const imports = useUnfinishedImports(enabled);
  if (!imports.data || imports.data.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="unfinished-imports">
      {imports.data.map((record) => (
        <ImportCard key={record.id} record={record} />
      ))}
    </Stack>
  );
}
