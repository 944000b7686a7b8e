import {
  ActionIcon,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconFileImport, IconRefresh } from '@tabler/icons-react';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { StateBadge } from '../../../components/state-badge';
import { useT } from '../../../lib/i18n';
import { problemsIn, useInfrastructureHealth } from '../../../lib/health';
import { useCan } from '../../../lib/permissions';
import { queryKeys } from '../../../lib/query-keys';
import { replaceQuery, useLocation } from '../../../lib/router';
import { useCapacity, useInfrastructureCounts, useThresholdSettings, useZones } from '../api/dashboard-queries';
import { CAPACITY, CAPACITY_ORDER, CLUSTER_TYPES, sumByType, thresholdsFor, type Thresholds } from '../lib/capacity';
import type { HistoryRange } from '../lib/history';
import { CapacityCard } from './capacity-card';
import { CapacityHistoryChart } from './capacity-history-chart';
import { ClusterUsageChart } from './cluster-usage-chart';
import { FirstRun } from './first-run';
import { HealthPanel } from './health-panel';
import { ImportDialog } from './import-dialog';
import { InfraTiles } from './infra-tiles';
import { LatestAlerts } from './latest-alerts';
import { UnfinishedImports } from './unfinished-imports';
import classes from './dashboard.module.css';

const ALL = '';

/** The lowest thresholds among several types: a line drawn for all of them warns soonest. */
function lowest(list: Thresholds[]): Thresholds {
  return {
    notify: Math.min(...list.map((x) => x.notify)),
    disable: Math.min(...list.map((x) => x.disable)),
  };
}

/**
 * The admin's landing page: hosts and storage by state (problems first), infrastructure counts, capacity per type with thresholds, the most used
 * clusters, capacity history and the latest alerts; an empty cloud shows the first-run choices.
 */
export function DashboardPage() {
  const t = useT();
  const can = useCan();
  const queryClient = useQueryClient();
  const { query } = useLocation();
  const zoneid = query.get('zoneid') || undefined;
  const [importing, setImporting] = useState(false);
  const [clusterType, setClusterType] = useState<number>(CAPACITY.CPU);
  const [historyCluster, setHistoryCluster] = useState<{ id: string; name: string } | null>(null);
  const [range, setRange] = useState<HistoryRange>('24h');
  const [historyTypes, setHistoryTypes] = useState<number[]>(CLUSTER_TYPES);

  const zones = useZones();
  const empty = zones.data !== undefined && zones.data.count === 0;
  // Nothing else is asked for until the zones say whether this is a first run.
  const ready = zones.data !== undefined && !empty;
  const counts = useInfrastructureCounts(ready);
  const health = useInfrastructureHealth({ zoneid }, ready);
  const problemHosts = problemsIn(health.data?.hosts.health).count;
  const capacity = useCapacity(zoneid, ready);
  const settings = useThresholdSettings(can('listConfigurations') && ready);
  const fetching = useIsFetching({ queryKey: queryKeys.infrastructure.all });

  const sums = sumByType(capacity.data?.items ?? []);
  const thresholds = (type: number) => thresholdsFor(type, settings.data);
  const inCluster = historyCluster !== null;
  const available = inCluster
    ? CLUSTER_TYPES
    : CAPACITY_ORDER.filter((type) => CLUSTER_TYPES.includes(type) || sums.some((s) => s.type === type));
  const shownTypes = historyTypes.filter((type) => available.includes(type));
  const seriesTypes = shownTypes.length > 0 ? shownTypes : [CAPACITY.MEMORY];

  const selectZone = (id: string | null) => {
    setHistoryCluster(null);
    replaceQuery({ zoneid: id || undefined });
  };

  // A zone is created Disabled (CloudStack's default) until the operator enables it: say so where it is picked.
  const zoneStates = new Map((zones.data?.items ?? []).map((z) => [z.id, z.allocationstate]));
  const notEnabled = (id: string | undefined) => id !== undefined && (zoneStates.get(id) ?? 'Enabled') !== 'Enabled';
  const header = (
    <PageHeader title={t('dashboard.title')}>
      {!empty && notEnabled(zoneid) && <StateBadge state={zoneStates.get(zoneid!)} />}
      {!empty && (
        <Select
          aria-label={t('dashboard.zone')}
          data={[
            { value: ALL, label: t('dashboard.allZones') },
            ...(zones.data?.items ?? []).map((z) => ({ value: z.id, label: z.name })),
          ]}
          value={zoneid ?? ALL}
          // Wide enough for a zone's name and its state on one line.
          comboboxProps={{ width: 'max-content', position: 'bottom-end' }}
          renderOption={({ option }) => (
            <Group gap="xs" justify="space-between" wrap="nowrap" w="100%">
              <span>{option.label}</span>
              {notEnabled(option.value) && <StateBadge state={zoneStates.get(option.value)} />}
            </Group>
          )}
          onChange={selectZone}
          allowDeselect={false}
          searchable
          w={200}
          data-testid="zone-select"
        />
      )}
      {can('importDataCenter') && (
        <Button
          variant="light"
          leftSection={<IconFileImport size={14} />}
          onClick={() => setImporting(true)}
          data-testid="import-datacenter"
        >
          {t('dashboard.importAction')}
        </Button>
      )}
      <Tooltip label={t('common.refresh')}>
        <ActionIcon
          onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.infrastructure.all })}
          aria-label={t('common.refresh')}
          loading={fetching > 0}
          data-testid="dashboard-refresh"
        >
          <IconRefresh size={16} />
        </ActionIcon>
      </Tooltip>
    </PageHeader>
  );

  let body;
  if (zones.isLoading) {
    body = (
      <Center h={200}>
        <Loader size="sm" />
      </Center>
    );
  } else if (zones.error) {
    body = <ErrorAlert error={zones.error} />;
  } else if (empty) {
    body = <FirstRun onImport={() => setImporting(true)} />;
  } else {
    body = (
      <Stack gap="sm" pb="md">
        <HealthPanel zoneid={zoneid} health={health.data} />
        {health.error && <ErrorAlert error={health.error} />}
        <InfraTiles counts={counts.data} loading={counts.isLoading} problemHosts={problemHosts} />
        {counts.error && <ErrorAlert error={counts.error} />}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack gap="sm">
              {capacity.error ? (
                <ErrorAlert error={capacity.error} />
              ) : sums.length === 0 ? (
                <Text size="sm" c="dimmed" py="md">
                  {capacity.isLoading ? t('common.loading') : t('dashboard.capacity.none')}
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 2, md: 3 }} spacing="xs" data-testid="capacity-cards">
                  {sums.map((sum) => (
                    <CapacityCard key={sum.type} sum={sum} thresholds={thresholds(sum.type)} />
                  ))}
                </SimpleGrid>
              )}
              <CapacityHistoryChart
                scope={{ zoneid, clusterid: historyCluster?.id }}
                clusterName={historyCluster?.name}
                onClearCluster={() => setHistoryCluster(null)}
                range={range}
                onRange={setRange}
                available={available}
                types={seriesTypes}
                onTypes={setHistoryTypes}
                thresholds={lowest(seriesTypes.map(thresholds))}
              />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Stack gap="sm">
              <LatestAlerts problemHosts={problemHosts} />
              <ClusterUsageChart
                zoneid={zoneid}
                type={clusterType}
                onType={setClusterType}
                thresholds={thresholds(clusterType)}
                selected={historyCluster?.id}
                onSelect={setHistoryCluster}
              />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    );
  }

  return (
    <Stack gap={0} h="100%">
      {header}
      <div className={classes.scroll} style={{ flex: 1, minHeight: 0 }}>
        <UnfinishedImports enabled={can('listDataCenterImports')} />
        {body}
      </div>
      <ImportDialog opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
