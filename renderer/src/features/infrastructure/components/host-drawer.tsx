import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconTags } from '@tabler/icons-react';
import { StateBadge } from '../../../components/state-badge';
import type { Host } from '../../../lib/contract';
import { formatBytes, formatDateTime, formatNumber, formatRelative, useLocale, useT } from '../../../lib/i18n';
import { useCan } from '../../../lib/permissions';
import { useInfraOne } from '../api/queries';
import type { ActionSpec } from './actions';
import { CapacityBar } from './capacity-bar';
import { DetailDrawer, EntityLink, SectionTitle } from './detail-drawer';
import { TagList, useFieldRows, type FieldSpec } from './fields';
import { hostCpuPercent, hostMemoryPercent, parsePercent, ratioPercent } from '../lib/capacity';
import { PropertyTable } from './property-table';
import classes from './infra.module.css';

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
              · {host.hypervisor} · {host.ipaddress}
            </Text>
          </Group>
        )
      }
      actions={host ? props.actionsFor(host) : []}
      tabs={[
        { value: 'details', label: t('common.details'), content: <PropertyTable rows={rows} testId="host-fields" /> },
        {
          value: 'capacity',
          label: t('infra.tab.capacityTags'),
          content: host && <HostCapacity host={host} onEditTags={props.onEditTags} />,
        },
      ]}
    />
  );
}

function HostCapacity({ host, onEditTags }: { host: Host; onEditTags(host: Host): void }) {
  const t = useT();
  const locale = useLocale();
  const can = useCan();
  const cpuTotal = Number(host.cpuwithoverprovisioning ?? (host.cpunumber ?? 0) * (host.cpuspeed ?? 0));
  const memUsed = ratioPercent(host.memoryused, host.memorytotal);
  return (
    <Stack gap="sm" data-testid="host-capacity">
      <SimpleGrid cols={2} spacing="sm">
        <div className={classes.section}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('infra.cpuAllocated')}
          </Text>
          <CapacityBar percent={hostCpuPercent(host)} />
          <Text size="xs" c="dimmed" mt={4}>
            {t('infra.host.cpuSummary', {
              cpus: host.cpunumber ?? 0,
              speed: formatNumber(host.cpuspeed ?? 0, locale),
              total: formatNumber(cpuTotal, locale),
            })}
          </Text>
        </div>
        <div className={classes.section}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('infra.field.cpuUsed')}
          </Text>
          <CapacityBar percent={parsePercent(host.cpuused)} />
        </div>
        <div className={classes.section}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('infra.memoryAllocated')}
          </Text>
          <CapacityBar
            percent={hostMemoryPercent(host)}
            label={
              host.memorytotal
                ? `${formatBytes(host.memoryallocated ?? 0, locale)} / ${formatBytes(host.memorytotal, locale)}`
                : undefined
            }
          />
        </div>
        <div className={classes.section}>
          <Text size="xs" c="dimmed" mb={4}>
            {t('infra.field.memoryUsed')}
          </Text>
          <CapacityBar
            percent={memUsed}
            label={
              host.memorytotal && host.memoryused !== undefined
                ? `${formatBytes(host.memoryused, locale)} / ${formatBytes(host.memorytotal, locale)}`
                : undefined
            }
          />
        </div>
      </SimpleGrid>
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
      <SectionTitle title={t('infra.lastPinged')} />
      <Text size="sm" data-testid="host-last-ping">
        {host.lastpinged
          ? `${formatRelative(host.lastpinged, locale)} (${formatDateTime(host.lastpinged, locale)})`
          : t('infra.host.neverPinged')}
      </Text>
    </Stack>
  );
}
