import { Anchor, Stack } from '@mantine/core';
import { StateBadge } from '../../../components/state-badge';
import type { Cluster, Pod } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { href } from '../../../lib/router';
import { useInfraList, useInfraOne } from '../api/queries';
import { podRanges, type PodRange } from '../lib/pods';
import type { ActionSpec } from './actions';
import { DetailDrawer, EntityLink, SectionTitle } from './detail-drawer';
import { useFieldRows, type FieldSpec } from './fields';
import { MiniTable } from './mini-table';
import { PropertyTable } from './property-table';

const FIELDS: FieldSpec<Pod>[] = [
  ['id', 'common.id', 'id'],
  ['name', 'common.name'],
  ['allocationstate', 'infra.allocationState', 'state'],
  ['zonename', 'infra.zone', (p) => <EntityLink path="/zones" id={p.zoneid} name={p.zonename} />],
  ['zoneid', 'infra.field.zoneId', 'id'],
  ['gateway', 'infra.ip.gateway'],
  ['netmask', 'infra.ip.netmask'],
  ['startip', 'infra.ip.startIp'],
  ['endip', 'infra.ip.endIp'],
  ['ipranges', 'infra.pods.range', (p) => podRanges(p).length || undefined],
];

/** Pod detail: its fields, its clusters and management IP ranges, its events. */
export function PodDrawer(props: {
  podId: string;
  fallback?: Pod;
  actionsFor(pod: Pod): ActionSpec[];
  onClose(): void;
}) {
  const t = useT();
  const query = useInfraOne('listPods', { id: props.podId });
  const pod = query.data ?? props.fallback;
  const rows = useFieldRows(pod, FIELDS);
  const clusters = useInfraList('listClusters', { podid: props.podId }, { keepPrevious: false });
  return (
    <DetailDrawer
      kind={t('infra.pod')}
      testId="pod-drawer"
      resourceId={props.podId}
      name={pod?.name}
      loading={query.isLoading}
      error={query.error}
      onClose={props.onClose}
      badges={pod && <StateBadge state={pod.allocationstate} />}
      subtitle={pod && <EntityLink path="/zones" id={pod.zoneid} name={pod.zonename} />}
      actions={pod ? props.actionsFor(pod) : []}
      tabs={[
        { value: 'details', label: t('common.details'), content: <PropertyTable rows={rows} /> },
        {
          value: 'related',
          label: t('infra.tab.related'),
          count: clusters.data?.count,
          content: pod && (
            <Stack gap={4}>
              <SectionTitle title={t('infra.clusters.title')}>
                <Anchor size="xs" href={href('/clusters', { podid: pod.id })}>
                  {t('infra.openList')} →
                </Anchor>
              </SectionTitle>
              <MiniTable<Cluster>
                testId="pod-clusters"
                rows={clusters.data?.items}
                loading={clusters.isLoading}
                empty={t('infra.clusters.none')}
                columns={[
                  { header: t('common.name'), render: (c) => <EntityLink path="/clusters" id={c.id} name={c.name} /> },
                  { header: t('infra.hypervisor'), render: (c) => c.hypervisortype },
                  { header: t('infra.allocationState'), render: (c) => <StateBadge state={c.allocationstate} /> },
                  {
                    header: t('nav.hosts'),
                    render: (c) => (
                      <Anchor size="xs" href={href('/hosts', { clusterid: c.id })}>
                        {t('infra.openList')} →
                      </Anchor>
                    ),
                  },
                ]}
              />
              <SectionTitle title={t('infra.pods.managementRanges')} />
              <MiniTable<PodRange & { id?: string }>
                testId="pod-ranges"
                rows={podRanges(pod)}
                rowKey={(r, i) => `${r.startip}-${i}`}
                empty={t('infra.ranges.none')}
                columns={[
                  { header: t('infra.ip.startIp'), render: (r) => r.startip },
                  { header: t('infra.ip.endIp'), render: (r) => r.endip },
                  { header: t('infra.ip.gateway'), render: (r) => r.gateway ?? pod.gateway },
                  {
                    header: t('infra.ranges.forSystemVms'),
                    render: (r) => (['true', '1'].includes(String(r.forsystemvms)) ? t('common.yes') : t('common.no')),
                  },
                  { header: t('infra.ranges.vlan'), render: (r) => r.vlanid },
                ]}
              />
            </Stack>
          ),
        },
      ]}
    />
  );
}
