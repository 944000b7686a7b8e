import { Button, Group, Stack, Text } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { StateBadge } from '../../../components/state-badge';
import type { Host } from '../../../lib/contract';
import { formatDateTime, formatRelative, parseCloudDate, useLocale, useT } from '../../../lib/i18n';
import { useNowFor } from '../../../lib/now';
import { useCan } from '../../../lib/permissions';
import { useHeartbeatWindow } from '../api/host-details';
import { useInfraOne } from '../api/queries';
import type { ActionSpec } from './actions';
import { DetailDrawer, EntityLink, SectionTitle } from './detail-drawer';
import { TagList, useFieldRows, type FieldSpec } from './fields';
import { HostHeartbeat } from './host-heartbeat';
import { HostUsageChart } from './host-usage-chart';
import { HostUsagePanel } from './host-usage-panel';
import { PropertyTable } from './property-table';

const FIELDS: FieldSpec<Host>[] = [
  ['id', 'common.id', 'id'],
  ['name', 'common.name'],
  ['state', 'common.state', 'state'],
  ['resourcestate', 'infra.resourceState', 'state'],
  ['type', 'common.type'],
  ['hypervisor', 'infra.hypervisor'],
  ['hypervisorversion', 'infra.field.hypervisorVersion'],
  ['arch', 'infra.field.arch'],
  ['ipaddress', 'infra.ipAddress'],
  ['zonename', 'infra.zone', (h) => <EntityLink path="/zones" id={h.zoneid} name={h.zonename} />],
  ['podname', 'infra.pod', (h) => <EntityLink path="/pods" id={h.podid} name={h.podname} />],
  ['clustername', 'infra.cluster', (h) => <EntityLink path="/clusters" id={h.clusterid} name={h.clustername} />],
  ['zoneid', 'infra.field.zoneId', 'id'],
  ['podid', 'infra.field.podId', 'id'],
  ['clusterid', 'infra.field.clusterId', 'id'],
  ['clustertype', 'infra.field.clusterType'],
  ['cpunumber', 'infra.field.cpuNumber'],
  ['cpusockets', 'infra.field.cpuSockets'],
  ['cpuspeed', 'infra.field.cpuSpeed', 'mhz'],
  ['cpuallocated', 'infra.cpuAllocated'],
  ['cpuused', 'infra.field.cpuUsed'],
  ['cpuwithoverprovisioning', 'infra.field.cpuWithOverprovisioning', 'mhz'],
  ['memorytotal', 'infra.field.memoryTotal', 'bytes'],
  ['memoryallocated', 'infra.memoryAllocated', 'bytes'],
  ['memoryused', 'infra.field.memoryUsed', 'bytes'],
  ['memorywithoverprovisioning', 'infra.field.memoryWithOverprovisioning', 'bytes'],
  ['hosttags', 'infra.field.hostTags', 'tags'],
  ['capabilities', 'infra.field.capabilities'],
  ['lastpinged', 'infra.lastPinged', 'date'],
  ['created', 'common.created', 'date'],
  ['disconnected', 'infra.field.disconnected', 'date'],
  ['managementserverid', 'infra.field.managementServer', 'id'],
];

/** Host detail: state and the actions it allows; details, capacity and tags, events. */
export function HostDrawer(props: {
  hostId: string;
  fallback?: Host;
  actionsFor(host: Host): ActionSpec[];
  onEditTags(host: Host): void;
  onClose(): void;
}) {
  const t = useT();
  const query = useInfraOne('listHosts', { id: props.hostId });
  const host = query.data ?? props.fallback;
  const rows = useFieldRows(host, FIELDS);
  const heartbeatWindow = useHeartbeatWindow();
  return (
    <DetailDrawer
      kind={t('infra.host')}
      testId="host-drawer"
      resourceId={props.hostId}
      name={host?.name}
      loading={query.isLoading}
      error={query.error}
      onClose={props.onClose}
      badges={
        host && (
          <>
            <StateBadge state={host.state} />
            <StateBadge state={host.resourcestate} />
          </>
        )
      }
      subtitle={
        host && (
          <Group gap={6}>
            <EntityLink path="/zones" id={host.zoneid} name={host.zonename} />/
            <EntityLink path="/pods" id={host.podid} name={host.podname} />/
            <EntityLink path="/clusters" id={host.clusterid} name={host.clustername} />
            <Text size="xs" c="dimmed" span>
              · {host.hypervisor} · {host.ipaddress} ·
            </Text>
            <HostHeartbeat
              host={host}
              windowMs={heartbeatWindow}
              asOf={query.dataUpdatedAt || Date.now()}
              testId="host-heartbeat"
            />
          </Group>
        )
      }
      actions={host ? props.actionsFor(host) : []}
      tabs={[
        { value: 'details', label: t('common.details'), content: <PropertyTable rows={rows} testId="host-fields" /> },
        {
          value: 'capacity',
          label: t('infra.tab.capacityTags'),
          content: host && <HostCapacity host={host} readAt={query.dataUpdatedAt} onEditTags={props.onEditTags} />,
        },
      ]}
    />
  );
}

function HostCapacity({ host, readAt, onEditTags }: { host: Host; readAt: number; onEditTags(host: Host): void }) {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const windowMs = useHeartbeatWindow();
  const pinged = parseCloudDate(host.lastpinged)?.getTime();
  const now = useNowFor(pinged);
  return (
    <Stack gap="sm" data-testid="host-capacity">
      <SectionTitle title={t('hostDetails.column.heartbeat')} />
      <Stack gap={2}>
        <Text size="sm" data-testid="host-last-ping">
          {host.lastpinged
            ? `${formatRelative(host.lastpinged, locale, Math.max(now, pinged ?? now))} (${formatDateTime(host.lastpinged, locale)})`
            : t('infra.host.neverPinged')}
        </Text>
        {host.state !== 'Up' && (
          <HostHeartbeat host={host} windowMs={windowMs} asOf={readAt} testId="host-down-since" />
        )}
        <Text size="xs" c="dimmed">
          {t('hostDetails.heartbeat.window', { seconds: Math.round(windowMs / 1000) })}
        </Text>
      </Stack>
      <SectionTitle title={t('hostDetails.usage.title')} />
      <HostUsagePanel host={host} />
      <HostUsageChart hostId={host.id} />
      <SectionTitle title={t('infra.field.hostTags')}>
        {can('updateHost') && (
          <Button
            size="compact-xs"
            variant="default"
            leftSection={<IconTags size={12} />}
            onClick={() => onEditTags(host)}
          >
            {t('infra.host.editTags')}
          </Button>
        )}
      </SectionTitle>
      {host.hosttags ? (
        <TagList tags={host.hosttags} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('infra.host.noTags')}
        </Text>
      )}
    </Stack>
  );
}
