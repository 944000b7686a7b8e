import { ActionIcon, Button, Center, Group, Loader, Paper, Select, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconRefresh, IconSitemap, IconWorldPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import type { Topology } from '../../../lib/contract';
import { formatNumber, useLocale, useT } from '../../../lib/i18n';
import { href, replaceQuery, useLocation } from '../../../lib/router';
import { normaliseTopology, useTopology, useZoneOptions } from '../api/get-topology';
import { useDiagramStore, type HostRef } from '../lib/diagram-store';
import { layoutTopology, nodeId } from '../lib/layout';
import { DetailsPanel } from './details-panel';
import { DiagramCanvas, type DiagramStats, type FocusRequest } from './diagram-canvas';
import { DiagramSearch } from './diagram-search';
import { Legend } from './legend';
import classes from './diagram.module.css';

const EMPTY_SET: ReadonlySet<string> = new Set();

function toggled(set: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** An empty cloud: the first-run choices (the dashboard offers them all). */
function FirstRun() {
  const t = useT();
  return (
    <Center h="100%" data-testid="diagram-empty">
      <Paper withBorder p="xl" radius="md" maw={520}>
        <Stack gap="sm" align="center">
          <ThemeIcon size={48} radius="xl" variant="light">
            <IconSitemap size={28} />
          </ThemeIcon>
          <Title order={2}>{t('diagram.empty.title')}</Title>
          <Text c="dimmed" ta="center" size="sm">
            {t('diagram.empty.text')}
          </Text>
          <Group gap="sm">
            <Button component="a" href={href('/zones/new')} leftSection={<IconWorldPlus size={16} />}>
              {t('diagram.empty.addZone')}
            </Button>
            <Button component="a" href={href('/dashboard')} variant="default">
              {t('diagram.empty.firstRun')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}

/**
 * The infrastructure diagram (#/infrastructure): zones > pods > clusters > hosts with primary and
 * secondary storage, coloured by state and capacity, refreshed live. Above `hostlimit` hosts the
 * core answers with cluster summaries; the operator opens the clusters whose hosts they want.
 * Query: zoneid (one zone), hostlimit (the aggregation threshold, default 1000).
 */
export function DiagramPage() {
  const t = useT();
  const locale = useLocale();
  const { query } = useLocation();
  const zoneid = query.get('zoneid') || undefined;
  const hostlimitText = query.get('hostlimit');
  const hostlimit = hostlimitText && /^\d+$/.test(hostlimitText) ? Number(hostlimitText) : undefined;

  // Opened (aggregated) and closed (not aggregated) clusters belong to the zone filter they were
  // chosen under: another zone starts afresh (clusterids of another zone would be refused).
  const zoneKey = zoneid ?? '';
  const [toggles, setToggles] = useState<{
    zone: string;
    expanded: ReadonlySet<string>;
    collapsed: ReadonlySet<string>;
  }>({ zone: zoneKey, expanded: EMPTY_SET, collapsed: EMPTY_SET });
  const expanded = toggles.zone === zoneKey ? toggles.expanded : EMPTY_SET;
  const collapsed = toggles.zone === zoneKey ? toggles.collapsed : EMPTY_SET;
  const setExpanded = useCallback(
    (update: (set: ReadonlySet<string>) => ReadonlySet<string>) =>
      setToggles((s) => {
        const base = s.zone === zoneKey ? s : { zone: zoneKey, expanded: EMPTY_SET, collapsed: EMPTY_SET };
        return { ...base, expanded: update(base.expanded) };
      }),
    [zoneKey],
  );
  const setCollapsed = useCallback(
    (update: (set: ReadonlySet<string>) => ReadonlySet<string>) =>
      setToggles((s) => {
        const base = s.zone === zoneKey ? s : { zone: zoneKey, expanded: EMPTY_SET, collapsed: EMPTY_SET };
        return { ...base, collapsed: update(base.collapsed) };
      }),
    [zoneKey],
  );
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const clusterids = useMemo(() => [...expanded].sort(), [expanded]);
  const topology = useTopology({ zoneid, clusterids, hostlimit });
  const zones = useZoneOptions();
  const data: Topology | undefined = topology.data;
  const aggregated = data?.aggregated ?? false;

  const selectedId = useDiagramStore((s) => s.selectedId);
  const select = useDiagramStore((s) => s.select);
  const setToggleCluster = useDiagramStore((s) => s.setToggleCluster);
  const setOpenHost = useDiagramStore((s) => s.setOpenHost);
  const highlight = useDiagramStore((s) => s.highlight);
  const setHighlight = useDiagramStore((s) => s.setHighlight);

  // The current sets for the toggle, without making it a new function (and re-rendering every
  // cluster node) at each toggle.
  const current = useRef({ expanded, collapsed });
  useEffect(() => {
    current.current = { expanded, collapsed };
  });
  const toggleCluster = useCallback(
    (clusterId: string) => {
      const opening = aggregated ? !current.current.expanded.has(clusterId) : current.current.collapsed.has(clusterId);
      if (aggregated) setExpanded((set) => toggled(set, clusterId));
      else setCollapsed((set) => toggled(set, clusterId));
      // Bring the hosts into view once they are drawn.
      if (opening) {
        setFocus((f) => ({
          id: nodeId('hostgroup', clusterId),
          with: nodeId('cluster', clusterId),
          seq: (f?.seq ?? 0) + 1,
          mode: 'reveal',
        }));
      }
    },
    [aggregated, setExpanded, setCollapsed],
  );
  useEffect(() => setToggleCluster(toggleCluster), [toggleCluster, setToggleCluster]);
  // A fresh page starts without a selection or highlight.
  useEffect(
    () => () => {
      select(null);
      setHighlight(null);
    },
    [select, setHighlight],
  );

  const layout = useMemo(
    () => layoutTopology(data ?? normaliseTopology(null), { expanded, collapsed }),
    [data, expanded, collapsed],
  );
  const layoutRef = useRef(layout);
  useEffect(() => {
    layoutRef.current = layout;
  });
  // A host named on a cluster card opens as a click on its tile does; in a summarised cluster its
  // hosts are fetched first (the details panel shows it once they are in).
  const openHost = useCallback(
    (host: HostRef) => {
      const id = nodeId('host', host.id);
      if (!layoutRef.current.details.has(id)) {
        setExpanded((set) => (set.has(host.clusterId) ? set : new Set(set).add(host.clusterId)));
      }
      select(id);
    },
    [select, setExpanded],
  );
  useEffect(() => setOpenHost(openHost), [openHost, setOpenHost]);

  const [ready, setReady] = useState(false);
  useEffect(() => setReady(false), [zoneKey]);
  // The canvas's size before React Flow mounts, so its first frame is already fitted.
  const canvasRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const hasData = data !== undefined && data.totals.zones + layout.nodes.length > 0;
  useLayoutEffect(() => {
    const el = canvasRef.current;
    if (el && !size) setSize({ width: el.clientWidth || 800, height: el.clientHeight || 600 });
  }, [hasData, size]);
  const stats = useMemo<DiagramStats>(
    () => ({
      nodes: layout.nodes.length,
      hostNodes: layout.hostNodes,
      hosts: data?.totals.hosts ?? 0,
      aggregated,
    }),
    [layout, data, aggregated],
  );

  const find = useCallback(
    (id: string) => {
      select(id);
      setFocus((f) => ({ id, seq: (f?.seq ?? 0) + 1, mode: 'center' }));
    },
    [select],
  );
  const findHost = useCallback(
    (host: { id: string; clusterid: string }) => {
      setExpanded((set) => (set.has(host.clusterid) ? set : new Set(set).add(host.clusterid)));
      find(nodeId('host', host.id));
    },
    [find, setExpanded],
  );

  const entry = selectedId ? layout.details.get(selectedId) : undefined;
  const setZone = (value: string | null) =>
    replaceQuery({ zoneid: value || undefined, hostlimit: hostlimitText ?? undefined });

  // The first answer: nothing to frame yet. Another zone's answer is awaited inside the frame.
  if (!data && !size) {
    return topology.error ? (
      <Stack gap={0}>
        <PageHeader title={t('diagram.title')} />
        <ErrorAlert error={topology.error} />
      </Stack>
    ) : (
      <Center h="100%">
        <Loader size="sm" />
      </Center>
    );
  }

  if (data && data.totals.zones === 0 && !zoneid) {
    return <FirstRun />;
  }

  const totals = data?.totals;
  return (
    <Stack gap={0} h="100%" data-testid="diagram-page">
      <PageHeader title={t('diagram.title')}>
        <Select
          w={200}
          data={[
            { value: '', label: t('diagram.allZones') },
            ...(zones.data ?? []).map((z) => ({ value: z.id, label: z.name })),
          ]}
          value={zoneid ?? ''}
          onChange={setZone}
          allowDeselect={false}
          aria-label={t('diagram.zoneFilter')}
          data-testid="diagram-zone-filter"
        />
        <DiagramSearch items={layout.searchable} aggregated={aggregated} onFind={find} onFindHost={findHost} />
        <ActionIcon
          onClick={() => void topology.refetch()}
          aria-label={t('common.refresh')}
          loading={topology.isFetching}
          variant="default"
          size="lg"
        >
          <IconRefresh size={16} />
        </ActionIcon>
      </PageHeader>
      <Group gap="md" mb={6} className={classes.summary} data-testid="diagram-summary">
        <span>
          {totals
            ? t('diagram.summary', {
                zones: formatNumber(totals.zones, locale),
                pods: formatNumber(totals.pods, locale),
                clusters: formatNumber(totals.clusters, locale),
                hosts: formatNumber(totals.hosts, locale),
                primary: formatNumber(totals.storagepools, locale),
                secondary: formatNumber(totals.imagestores, locale),
              })
            : '\u00a0'}
        </span>
        {aggregated && (
          <span data-testid="diagram-aggregated">
            {t('diagram.aggregated', { limit: formatNumber(hostlimit ?? 1000, locale) })}
          </span>
        )}
      </Group>
      {topology.error && <ErrorAlert error={topology.error} />}
      <div className={classes.body}>
        <div className={classes.canvasColumn}>
          <div
            className={classes.canvas}
            ref={canvasRef}
            data-ready={ready || undefined}
            data-highlight={highlight ?? undefined}
            data-testid="diagram"
          >
            {!data ? (
              <Center h="100%">
                <Loader size="sm" />
              </Center>
            ) : layout.nodes.length === 0 ? (
              <Center h="100%">
                <Text c="dimmed">{t('common.empty')}</Text>
              </Center>
            ) : (
              size && (
                <DiagramCanvas
                  key={zoneKey}
                  layout={layout}
                  size={size}
                  stats={stats}
                  focus={focus}
                  onReady={() => setReady(true)}
                />
              )
            )}
          </div>
          <Legend />
        </div>
        {entry && (
          <div className={classes.details}>
            <DetailsPanel
              entry={entry}
              clusterOpen={
                entry.kind === 'cluster' &&
                layout.nodes.some((n) => n.type === 'cluster' && n.id === selectedId && n.data.open)
              }
              onToggleCluster={toggleCluster}
              onClose={() => select(null)}
            />
          </div>
        )}
      </div>
    </Stack>
  );
}
