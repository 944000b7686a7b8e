import { SimpleGrid, Stack, Text } from '@mantine/core';
import { ScopedSettingsTab } from '../../../components/settings/scoped-settings-tab';
import { StateBadge } from '../../../components/state-badge';
import type { StoragePool } from '../../../lib/contract';
import { useT } from '../../../lib/i18n';
import { useInfraOne } from '../api/queries';
import type { ActionSpec } from './actions';
import { DetailDrawer, EntityLink, SectionTitle } from './detail-drawer';
import { TagList, useFieldRows, type FieldSpec } from './fields';
import { PoolBar, poolUrl } from './pool-bar';
import { PropertyTable } from './property-table';
import classes from './infra.module.css';

const FIELDS: FieldSpec<StoragePool>[] = [
  ['id', 'common.id', 'id'],
  ['name', 'common.name'],
  ['state', 'common.state', 'state'],
  ['scope', 'infra.storage.scope', 'storageScope'],
  ['type', 'common.type'],
  ['provider', 'infra.storage.provider'],
  ['hypervisor', 'infra.hypervisor'],
  ['ipaddress', 'infra.ipAddress'],
  ['path', 'infra.storage.path'],
  ['zonename', 'infra.zone', (p) => <EntityLink path="/zones" id={p.zoneid} name={p.zonename} />],
  ['podname', 'infra.pod', (p) => <EntityLink path="/pods" id={p.podid} name={p.podname} />],
  ['clustername', 'infra.cluster', (p) => <EntityLink path="/clusters" id={p.clusterid} name={p.clustername} />],
  ['zoneid', 'infra.field.zoneId', 'id'],
  ['podid', 'infra.field.podId', 'id'],
  ['clusterid', 'infra.field.clusterId', 'id'],
  ['disksizetotal', 'infra.storage.total', 'bytes'],
  ['disksizeused', 'infra.storage.used', 'bytes'],
  ['disksizeallocated', 'infra.storage.allocated', 'bytes'],
  ['capacityiops', 'infra.storage.iops'],
  ['overprovisionfactor', 'infra.storage.overprovision'],
  ['tags', 'infra.storage.tags', 'tags'],
  ['created', 'common.created', 'date'],
];

/** Primary storage detail: capacity, location, tags and the settings set on the pool. */
export function PoolDrawer(props: {
  poolId: string;
  fallback?: StoragePool;
  actionsFor(pool: StoragePool): ActionSpec[];
  onClose(): void;
}) {
  const t = useT();
  const query = useInfraOne('listStoragePools', { id: props.poolId });
  const pool = query.data ?? props.fallback;
  const rows = useFieldRows(pool, FIELDS);
  return (
    <DetailDrawer
      kind={t('infra.storage.kind')}
      testId="pool-drawer"
      resourceId={props.poolId}
      name={pool?.name}
      loading={query.isLoading}
      error={query.error}
      onClose={props.onClose}
      badges={pool && <StateBadge state={pool.state} />}
      subtitle={
        pool && (
          <Text size="xs" ff="monospace" span>
            {poolUrl(pool)}
          </Text>
        )
      }
      actions={pool ? props.actionsFor(pool) : []}
      tabs={[
        { value: 'details', label: t('common.details'), content: <PropertyTable rows={rows} /> },
        {
          value: 'capacity',
          label: t('infra.tab.capacityTags'),
          content: pool && (
            <Stack gap="sm">
              <SimpleGrid cols={2} spacing="sm">
                <div className={classes.section}>
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('infra.storage.used')}
                  </Text>
                  <PoolBar used={pool.disksizeused} total={pool.disksizetotal} />
                </div>
                <div className={classes.section}>
                  <Text size="xs" c="dimmed" mb={4}>
                    {t('infra.storage.allocated')}
                  </Text>
                  <PoolBar used={pool.disksizeallocated} total={pool.disksizetotal} />
                </div>
              </SimpleGrid>
              <SectionTitle title={t('infra.storage.tags')} />
              {pool.tags ? (
                <TagList tags={pool.tags} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('infra.host.noTags')}
                </Text>
              )}
            </Stack>
          ),
        },
        {
          value: 'settings',
          label: t('settings.tab'),
          content: <ScopedSettingsTab scope={{ kind: 'storagepool', id: props.poolId }} />,
        },
      ]}
    />
  );
}
