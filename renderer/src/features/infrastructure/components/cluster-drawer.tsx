import { Anchor, Stack } from '@mantine/core';
import { StateBadge } from '../../../components/state-badge';
import { ScopedSettingsTab } from '../../../components/settings/scoped-settings-tab';
import type { Cluster, Host, StoragePool } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { href } from '../../../lib/router';
import { useInfraList, useInfraOne } from '../api/queries';
import { hostCpuPercent, hostMemoryPercent } from '../lib/capacity';
import type { ActionSpec } from './actions';
import { CapacityBar } from './capacity-bar';
import { DetailDrawer, EntityLink, SectionTitle } from './detail-drawer';
import { useFieldRows, type FieldSpec } from './fields';
import { MiniTable } from './mini-table';
import { PoolBar } from './pool-bar';
import { PropertyTable } from './property-table';
import { enumLabel } from '../../../lib/enum-labels';

const FIELDS: FieldSpec<Cluster>[] = [
  ['id', 'common.id', 'id'],
  ['name', 'common.name'],
  ['allocationstate', 'infra.allocationState', 'state'],
  ['hypervisortype', 'infra.hypervisor'],
  ['clustertype', 'infra.field.clusterType'],
  ['managedstate', 'infra.field.managedState', 'state'],
  ['arch', 'infra.field.arch'],
  ['podname', 'infra.pod', (c) => <EntityLink path="/pods" id={c.podid} name={c.podname} />],
  ['zonename', 'infra.zone', (c) => <EntityLink path="/zones" id={c.zoneid} name={c.zonename} />],
  ['zoneid', 'infra.field.zoneId', 'id'],
  ['podid', 'infra.field.podId', 'id'],
  ['cpuovercommitratio', 'infra.field.cpuOvercommit'],
  ['memoryovercommitratio', 'infra.field.memoryOvercommit'],
];

const RELATED_LIMIT = 50;

/** Cluster detail: its fields, its hosts and primary storage, its events. */
export function ClusterDrawer(props: {
  clusterId: string;
  fallback?: Cluster;
  actionsFor(cluster: Cluster): ActionSpec[];
  onClose(): void;
}) {
  const t = useT();
  const query = useInfraOne('listClusters', { id: props.clusterId });
  const cluster = query.data ?? props.fallback;
  const rows = useFieldRows(cluster, FIELDS);
  const hosts = useInfraList(
    'listHosts',
    { clusterid: props.clusterId, type: 'Routing', page: 1, pagesize: RELATED_LIMIT },
    { keepPrevious: false },
  );
  const pools = useInfraList('listStoragePools', { clusterid: props.clusterId }, { keepPrevious: false });
  return (
    <DetailDrawer
      kind={t('infra.cluster')}
      testId="cluster-drawer"
      resourceId={props.clusterId}
      name={cluster?.name}
      loading={query.isLoading}
      error={query.error}
      onClose={props.onClose}
      badges={cluster && <StateBadge state={cluster.allocationstate} />}
      subtitle={
        cluster && (
          <>
            <EntityLink path="/zones" id={cluster.zoneid} name={cluster.zonename} /> /{' '}
            <EntityLink path="/pods" id={cluster.podid} name={cluster.podname} /> · {cluster.hypervisortype}
          </>
        )
      }
      actions={cluster ? props.actionsFor(cluster) : []}
      tabs={[
        { value: 'details', label: t('common.details'), content: <PropertyTable rows={rows} /> },
        {
          value: 'related',
          label: t('infra.tab.related'),
          count: hosts.data?.count,
          content: (
            <Stack gap={4}>
              <SectionTitle title={`${t('nav.hosts')} (${hosts.data?.count ?? 0})`}>
                <Anchor size="xs" href={href('/hosts', { clusterid: props.clusterId })}>
                  {t('infra.openList')} →
                </Anchor>
              </SectionTitle>
              <MiniTable<Host>
                testId="cluster-hosts"
                rows={hosts.data?.items}
                loading={hosts.isLoading}
                empty={t('infra.hosts.none')}
                columns={[
                  { header: t('common.name'), render: (h) => <EntityLink path="/hosts" id={h.id} name={h.name} /> },
                  { header: t('common.state'), render: (h) => <StateBadge state={h.state} /> },
                  { header: t('infra.resourceState'), render: (h) => <StateBadge state={h.resourcestate} /> },
                  { header: t('infra.cpuAllocated'), render: (h) => <CapacityBar percent={hostCpuPercent(h)} /> },
                  { header: t('infra.memoryAllocated'), render: (h) => <CapacityBar percent={hostMemoryPercent(h)} /> },
                ]}
              />
              <SectionTitle title={t('nav.primaryStorage')}>
                <Anchor size="xs" href={href('/primary-storage', { clusterid: props.clusterId })}>
                  {t('infra.openList')} →
                </Anchor>
              </SectionTitle>
              <MiniTable<StoragePool>
                testId="cluster-pools"
                rows={pools.data?.items}
                loading={pools.isLoading}
                empty={t('infra.storage.none')}
                columns={[
                  {
                    header: t('common.name'),
                    render: (p) => <EntityLink path="/primary-storage" id={p.id} name={p.name} />,
                  },
                  { header: t('common.state'), render: (p) => <StateBadge state={p.state} /> },
                  { header: t('infra.storage.scope'), render: (p) => enumLabel(t, 'storageScope', p.scope) },
                  {
                    header: t('infra.storage.used'),
                    render: (p) => <PoolBar used={p.disksizeused} total={p.disksizetotal} />,
                  },
                ]}
              />
            </Stack>
          ),
        },
        {
          value: 'settings',
          label: t('settings.tab'),
          content: <ScopedSettingsTab scope={{ kind: 'cluster', id: props.clusterId }} />,
        },
      ]}
    />
  );
}
