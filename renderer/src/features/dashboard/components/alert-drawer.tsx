import { Anchor, Badge, Drawer, Group, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import type { Alert } from '../../../lib/contract';
import { formatTimestamp, useLocale, useT } from '../../../lib/i18n';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { useCan } from '../../../lib/permissions';
import { href } from '../../../lib/router';
import { useAlert, useAlertChange, useAlertKeepers } from '../api/alert-actions';
import { alertTypeKey } from '../lib/alert-types';
import { useServerMessage } from '../../../lib/server-message';
import { AlertActionButtons, AlertResourceLink } from './alert-actions';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w={150} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

/** Acknowledged (by whom, when) or new. */
export function AcknowledgedText({ alert }: { alert: Alert }) {
  const t = useT();
  const locale = useLocale();
  if (!alert.acknowledged) return <Text size="sm">{t('alerts.new')}</Text>;
  return (
    <Text size="sm" data-testid="alert-acknowledged">
      {t('alerts.acknowledgedBy', {
        user: alert.acknowledgedby ?? '',
        time: formatTimestamp(alert.acknowledgedat, locale),
      })}
    </Text>
  );
}

/** Who looks after the alert: a choice of root and resource admins for those who may assign. */
function AssigneeField({ alert }: { alert: Alert }) {
  const t = useT();
  const can = useCan();
  const allowed = can('assignAlert');
  const keepers = useAlertKeepers(allowed);
  const change = useAlertChange();
  if (!allowed) return <Text size="sm">{alert.assignee ?? t('alerts.nobody')}</Text>;
  const options = keepers.data ?? [];
  const data =
    alert.assigneeid && !options.some((o) => o.value === alert.assigneeid)
      ? [...options, { value: alert.assigneeid, label: alert.assignee ?? alert.assigneeid }]
      : options;
  return (
    <Select
      aria-label={t('alerts.assignee')}
      placeholder={t('alerts.nobody')}
      data={data}
      value={alert.assigneeid ?? null}
      clearable
      searchable
      w={240}
      size="xs"
      data-testid="alert-assignee"
      onChange={(userid) => {
        const label = data.find((o) => o.value === userid)?.label ?? '';
        change.mutate(
          { action: 'assign', id: alert.id, userid: userid ?? undefined },
          {
            onSuccess: () =>
              notifySuccess(userid ? t('alerts.assignedDone', { user: label }) : t('alerts.unassignedDone')),
            onError: (error) => notifyError(error),
          },
        );
      }}
    />
  );
}

function PlaceLinks({ alert }: { alert: Alert }) {
  const parts = [
    ['/zones', alert.zoneid, alert.zonename],
    ['/pods', alert.podid, alert.podname],
    ['/clusters', alert.clusterid, alert.clustername],
  ] as const;
  const shown = parts.filter(([, id]) => id !== undefined);
  if (shown.length === 0) return <Text size="sm">—</Text>;
  return (
    <Group gap={4}>
      {shown.map(([path, id, name], i) => (
        <Group key={path} gap={4}>
          {i > 0 && (
            <Text span size="sm" c="dimmed">
              /
            </Text>
          )}
          <Anchor href={href(path, { id })} size="sm">
            {name ?? id}
          </Anchor>
        </Group>
      ))}
    </Group>
  );
}

function AlertDetails({ alert }: { alert: Alert }) {
  const t = useT();
  const describe = useServerMessage();
  const locale = useLocale();
  const typeKey = alertTypeKey(alert.type);
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Badge color="yellow" variant="light">
          {typeKey ? t(typeKey) : String(alert.type)}
        </Badge>
        <Title order={2} size="h4" ff="monospace">
          {alert.name}
        </Title>
      </Group>
      <Text size="sm" style={{ wordBreak: 'keep-all', overflowWrap: 'anywhere' }} data-testid="alert-description">
        {describe(alert.descriptionkey, alert.descriptionparams, alert.description)}
      </Text>
      <AlertActionButtons alert={alert} />
      <Table verticalSpacing={6} fz="sm" withTableBorder>
        <Table.Tbody>
          <Row label={t('alerts.sent')}>{formatTimestamp(alert.sent, locale)}</Row>
          <Row label={t('alerts.lastSent')}>{formatTimestamp(alert.lastsent, locale)}</Row>
          <Row label={t('alerts.resource')}>
            {alert.resourcetype ? (
              <Group gap={6}>
                <Text size="sm">{alert.resourcetype}</Text>
                <AlertResourceLink alert={alert} />
              </Group>
            ) : (
              '—'
            )}
          </Row>
          <Row label={t('alerts.place')}>
            <PlaceLinks alert={alert} />
          </Row>
          <Row label={t('alerts.status')}>
            <AcknowledgedText alert={alert} />
          </Row>
          <Row label={t('alerts.assignee')}>
            <AssigneeField alert={alert} />
          </Row>
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** One open alert (`#/alerts?id=...`): what it is about, where, who acknowledged it and who owns it, and what to do. */
export function AlertDrawer({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT();
  const alert = useAlert(id);
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size={600}
      title={t('alerts.detail.title')}
      data-testid="alert-drawer"
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {alert.error ? <ErrorAlert error={alert.error} /> : null}
      {alert.data ? (
        <AlertDetails alert={alert.data} />
      ) : (
        <Text size="sm" c="dimmed">
          {alert.isLoading ? t('common.loading') : t('alerts.notFound')}
        </Text>
      )}
    </Drawer>
  );
}
