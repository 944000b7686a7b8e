import { describe, expect, it } from 'vitest';
import { countingReads } from '../../../../../core/src/contract/testing/counting-reads';
import type { Topology } from '../../../lib/contract';
import { fakeTopology } from './fake-topology';
import {
  COLUMN_GAP,
  hostColumns,
  layoutTopology,
  MAX_HOSTS_PER_CLUSTER,
  nodeId,
  reuseUnchanged,
  SIZES,
  type DiagramNode,
} from './layout';
import { hostDisplayState, percentUsage, stateSegments, usageOf } from './metrics';

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const box = (n: DiagramNode): Box => ({
  id: n.id,
  x: n.position.x,
  y: n.position.y,
  w: n.width ?? 0,
  h: n.height ?? 0,
});
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every pair of boxes that overlap (quadratic: fine for test sizes). */
function overlapping(boxes: Box[]): [string, string][] {
  const found: [string, string][] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      if (overlaps(boxes[i]!, boxes[j]!)) found.push([boxes[i]!.id, boxes[j]!.id]);
    }
  }
  return found;
}

const count = (nodes: DiagramNode[], type: DiagramNode['type']) => nodes.filter((n) => n.type === type).length;
/** The zoomed-out overlays: a card per cluster, a name band per zone and pod. */
const isOverlay = (n: DiagramNode) => n.type === 'clustercard' || n.type === 'label';
const drawnZoomedIn = (nodes: DiagramNode[]) => nodes.filter((n) => !isOverlay(n));

describe('layoutTopology', () => {
  it('is deterministic: the same topology gives the same nodes at the same positions, whatever the answer order', () => {
    const topology = fakeTopology({ zones: 2, podsPerZone: 2, clustersPerPod: 3, hostsPerCluster: 5 });
    const a = layoutTopology(topology);
    const b = layoutTopology(structuredClone(topology));
    expect(b.nodes).toEqual(a.nodes);
    expect(b.edges).toEqual(a.edges);

    // The core may list siblings in another order: the layout sorts by name.
    const shuffled = structuredClone(topology);
    shuffled.zones.reverse();
    for (const zone of shuffled.zones) {
      zone.pods?.reverse();
      for (const pod of zone.pods ?? []) {
        pod.clusters?.reverse();
        for (const cluster of pod.clusters ?? []) cluster.hosts?.reverse();
      }
    }
    const c = layoutTopology(shuffled);
    const positions = (nodes: DiagramNode[]) => Object.fromEntries(nodes.map((n) => [n.id, n.position]));
    expect(positions(c.nodes)).toEqual(positions(a.nodes));
  });

  it('places zones > pods > clusters > hosts in columns from left to right, names sorted naturally', () => {
    const topology = fakeTopology({ zones: 1, podsPerZone: 1, clustersPerPod: 1, hostsPerCluster: 12 });
    const { nodes } = layoutTopology(topology);
    const x = (type: DiagramNode['type']) => nodes.find((n) => n.type === type)!.position.x;
    expect(x('zone')).toBe(0);
    expect(x('pod')).toBe(SIZES.zone.width + COLUMN_GAP);
    expect(x('cluster')).toBeGreaterThan(x('pod'));
    expect(x('hostgroup')).toBeGreaterThan(x('cluster'));
    // Hosts sit inside their group, h2 before h10 (natural order), row by row.
    const hosts = nodes.filter((n) => n.type === 'host');
    expect(hosts.map((h) => (h.data as { name: string }).name).slice(0, 3)).toEqual([
      'z0-p0-c0-h0',
      'z0-p0-c0-h1',
      'z0-p0-c0-h2',
    ]);
    expect((hosts[hosts.length - 1]!.data as { name: string }).name).toBe('z0-p0-c0-h11');
    const group = box(nodes.find((n) => n.type === 'hostgroup')!);
    for (const h of hosts.map(box)) {
      expect(h.x).toBeGreaterThanOrEqual(group.x);
      expect(h.y).toBeGreaterThanOrEqual(group.y);
      expect(h.x + h.w).toBeLessThanOrEqual(group.x + group.w);
      expect(h.y + h.h).toBeLessThanOrEqual(group.y + group.h);
    }
  });

  it.each([
    ['a column of clusters per pod', { clustersPerPod: 4, expanded: [] as string[] }],
    ['clusters in a grid, two expanded', { clustersPerPod: 14, expanded: ['cluster-0-1-3', 'cluster-1-2-0'] }],
  ])('never overlaps two nodes (%s); frames contain what they frame', (_name, options) => {
    const topology = fakeTopology({
      zones: 2,
      podsPerZone: 3,
      clustersPerPod: options.clustersPerPod,
      hostsPerCluster: 20,
      hostlimit: 100,
      clusterids: options.expanded,
    });
    const layout = layoutTopology(topology, { expanded: new Set(options.expanded) });
    const nodes = drawnZoomedIn(layout.nodes);
    const isFrame = (n: DiagramNode) => n.type === 'hostgroup' || n.type === 'clustergroup';
    const frames = nodes.filter(isFrame);
    const cards = nodes.filter((n) => !isFrame(n)).map(box);
    expect(count(nodes, 'clustergroup')).toBe(options.clustersPerPod > 6 ? 6 : 0);
    expect(count(nodes, 'host')).toBe(options.expanded.length * 20);
    // Cards (zones, pods, clusters, hosts, storage) never overlap each other.
    expect(overlapping(cards)).toEqual([]);
    // A frame overlaps only what it contains, and contains it entirely.
    const inside = (inner: Box, outer: Box) =>
      inner.x >= outer.x &&
      inner.y >= outer.y &&
      inner.x + inner.w <= outer.x + outer.w &&
      inner.y + inner.h <= outer.y + outer.h;
    for (const frame of frames.map(box)) {
      for (const other of [...cards, ...frames.map(box)]) {
        if (other.id === frame.id || !overlaps(frame, other)) continue;
        expect(inside(other, frame) || inside(frame, other), `${other.id} crosses ${frame.id}`).toBe(true);
      }
    }
    // Hosts sit in their own cluster's group.
    const groups = new Map(nodes.filter((n) => n.type === 'hostgroup').map((n) => [n.id, box(n)]));
    for (const host of nodes.filter((n) => n.type === 'host')) {
      const cluster = host.id.replace(/^host:host-(\d+-\d+-\d+)-\d+$/, 'cluster-$1');
      expect(inside(box(host), groups.get(nodeId('hostgroup', cluster))!)).toBe(true);
    }

    // Zoomed out: the cards, name bands, zones, pods and zone storage never overlap; each card
    // covers its cluster, that cluster's hosts and pools, and sits inside its pod's frame.
    const zoomedOut = layout.nodes.filter((n) => !isFrame(n) && !layout.covered.has(n.id));
    expect(count(zoomedOut, 'clustercard')).toBe(2 * 3 * options.clustersPerPod);
    expect(count(zoomedOut, 'label')).toBe(2 + 2 * 3);
    expect(overlapping(zoomedOut.map(box))).toEqual([]);
    const byId = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const card of layout.nodes.filter((n) => n.type === 'clustercard')) {
      const clusterId = card.id.slice('clustercard:'.length);
      const ids = [
        nodeId('cluster', clusterId),
        nodeId('hostgroup', clusterId),
        nodeId('storagepool', `pool-${clusterId.slice(8)}`),
      ];
      for (const id of ids.filter((i) => byId.has(i))) {
        expect(layout.covered.has(id)).toBe(true);
        expect(inside(box(byId.get(id)!), box(card)), `${id} outside its card`).toBe(true);
      }
      for (const frame of frames.map(box)) {
        if (overlaps(frame, box(card))) expect(inside(box(card), frame) || inside(frame, box(card))).toBe(true);
      }
    }
  });

  it('frames the clusters of a pod with many in a grid, wider than tall, linked by one edge', () => {
    const topology = fakeTopology({ zones: 1, podsPerZone: 1, clustersPerPod: 12, hostsPerCluster: 0 });
    const { nodes, edges } = layoutTopology(topology);
    const frame = box(nodes.find((n) => n.type === 'clustergroup')!);
    const clusters = nodes.filter((n) => n.type === 'cluster').map(box);
    const columns = new Set(clusters.map((c) => c.x)).size;
    const rows = new Set(clusters.map((c) => c.y)).size;
    expect(columns).toBeGreaterThan(1);
    expect(columns * rows).toBeGreaterThanOrEqual(12);
    expect(frame.w).toBeGreaterThan(frame.h);
    expect(edges.filter((e) => e.source === nodeId('pod', 'pod-0-0')).map((e) => e.target)).toEqual([
      nodeId('clustergroup', 'pod-0-0'),
    ]);
    // Each cluster still links to its own storage.
    expect(
      edges.some((e) => e.source === nodeId('cluster', 'cluster-0-0-11') && e.target.startsWith('storagepool:')),
    ).toBe(true);
  });

  it('keeps siblings apart vertically and centres a parent on its children', () => {
    const topology = fakeTopology({ zones: 1, podsPerZone: 1, clustersPerPod: 5, hostsPerCluster: 0 });
    const { nodes } = layoutTopology(topology);
    const clusters = nodes.filter((n) => n.type === 'cluster').map(box);
    for (let i = 1; i < clusters.length; i++) {
      expect(clusters[i]!.y).toBeGreaterThanOrEqual(clusters[i - 1]!.y + clusters[i - 1]!.h);
    }
    const pod = box(nodes.find((n) => n.type === 'pod')!);
    const top = clusters[0]!.y;
    const bottom = clusters[clusters.length - 1]!.y + clusters[clusters.length - 1]!.h;
    expect(pod.y + pod.h / 2).toBeCloseTo((top + bottom) / 2, 0);
  });

  it('puts primary storage under its cluster (or zone) and secondary storage under the zone', () => {
    const topology = fakeTopology({ zones: 1, podsPerZone: 1, clustersPerPod: 1, hostsPerCluster: 2 });
    const { edges, nodes } = layoutTopology(topology);
    const parentOf = (id: string) => edges.find((e) => e.target === id)?.source;
    expect(parentOf(nodeId('storagepool', 'pool-0-0-0'))).toBe(nodeId('cluster', 'cluster-0-0-0'));
    expect(parentOf(nodeId('storagepool', 'zpool-0'))).toBe(nodeId('zone', 'zone-0'));
    expect(parentOf(nodeId('imagestore', 'store-0'))).toBe(nodeId('zone', 'zone-0'));
    expect(parentOf(nodeId('hostgroup', 'cluster-0-0-0'))).toBe(nodeId('cluster', 'cluster-0-0-0'));
    // No edge per host: the group carries the link.
    expect(edges.some((e) => e.target.startsWith('host:'))).toBe(false);
    expect(count(nodes, 'storagepool')).toBe(2);
    expect(count(nodes, 'imagestore')).toBe(1);
  });

  it('draws no host nodes for an aggregated answer, and only the expanded clusters hosts when asked', () => {
    const options = { zones: 2, podsPerZone: 5, clustersPerPod: 10, hostsPerCluster: 100, hostlimit: 1000 };
    const aggregated = layoutTopology(fakeTopology(options));
    expect(aggregated.hostNodes).toBe(0);
    expect(count(aggregated.nodes, 'host')).toBe(0);
    expect(count(aggregated.nodes, 'hostgroup')).toBe(0);
    // 10k hosts: 2 zones + 10 pods (each with a frame of 10 clusters) + 100 clusters + 2 zone pools
    // + 2 stores; a cluster's own pools wait until it is expanded.
    expect(drawnZoomedIn(aggregated.nodes).length).toBe(2 + 10 + 10 + 100 + 2 + 2);
    // Zoomed out: a card per cluster and a name band per zone and pod.
    expect(count(aggregated.nodes, 'clustercard')).toBe(100);
    expect(count(aggregated.nodes, 'label')).toBe(2 + 10);
    expect(count(aggregated.nodes, 'storagepool')).toBe(2);
    expect(count(aggregated.nodes, 'clustergroup')).toBe(10);
    const cluster = aggregated.nodes.find((n) => n.id === nodeId('cluster', 'cluster-0-0-0'))!;
    expect(cluster.data).toMatchObject({ hostcount: 100, expandable: true, open: false, loading: false });

    // Expanded but not yet answered: the cluster shows it is loading.
    const asked = new Set(['cluster-0-0-0']);
    const waiting = layoutTopology(fakeTopology(options), { expanded: asked });
    expect(waiting.hostNodes).toBe(0);
    expect(waiting.nodes.find((n) => n.id === cluster.id)!.data).toMatchObject({ loading: true, open: false });

    const expanded = layoutTopology(fakeTopology({ ...options, clusterids: ['cluster-0-0-0'] }), { expanded: asked });
    expect(expanded.hostNodes).toBe(100);
    expect(count(expanded.nodes, 'hostgroup')).toBe(1);
    // The host frame, its 100 hosts, and the expanded cluster's pool.
    expect(drawnZoomedIn(expanded.nodes).length).toBe(drawnZoomedIn(aggregated.nodes).length + 1 + 100 + 1);
    expect(expanded.nodes.find((n) => n.id === cluster.id)!.data).toMatchObject({ open: true, loading: false });

    // Collapsing again (the answer may still list the hosts until the refetch lands).
    const collapsedAgain = layoutTopology(fakeTopology({ ...options, clusterids: ['cluster-0-0-0'] }), {
      expanded: new Set(),
    });
    expect(collapsedAgain.hostNodes).toBe(0);
  });

  it('shows every host when not aggregated, and the operator can close a cluster', () => {
    const topology = fakeTopology({ zones: 1, podsPerZone: 2, clustersPerPod: 2, hostsPerCluster: 10 });
    expect(topology.aggregated).toBe(false);
    const all = layoutTopology(topology);
    expect(all.hostNodes).toBe(40);
    const closed = layoutTopology(topology, { collapsed: new Set(['cluster-0-0-0']) });
    expect(closed.hostNodes).toBe(30);
    expect(closed.nodes.find((n) => n.id === nodeId('cluster', 'cluster-0-0-0'))!.data).toMatchObject({
      open: false,
    });
  });

  it('caps the hosts of one cluster and links the rest', () => {
    const topology = fakeTopology({ zones: 1, podsPerZone: 1, clustersPerPod: 1, hostsPerCluster: 30 });
    const { nodes, hostNodes } = layoutTopology(topology, { maxHostsPerCluster: 25 });
    expect(hostNodes).toBe(25);
    const more = nodes.find((n) => n.type === 'more')!;
    expect(more.data).toMatchObject({ hidden: 5, clusterId: 'cluster-0-0-0' });
    expect(MAX_HOSTS_PER_CLUSTER).toBe(1000);
  });

  it('lays out 10k aggregated hosts with work independent of host count, and 1,000 listed hosts in linear work', () => {
    const layoutWork = (topology: Topology) => {
      const counted = countingReads(topology);
      const layout = layoutTopology(counted.value);
      return { reads: counted.reads(), nodes: drawnZoomedIn(layout.nodes).length, hostNodes: layout.hostNodes };
    };
    // Aggregated: the clusters are drawn, their hosts only counted, so 10,000 hosts cost what 100 do.
    const aggregated = (hostsPerCluster: number) =>
      layoutWork(fakeTopology({ zones: 4, podsPerZone: 5, clustersPerPod: 5, hostsPerCluster, hostlimit: 0 }));
    const hundred = aggregated(1);
    expect(hundred.nodes).toBe(4 + 4 * 5 + 4 * 5 * 5 + 4 * 2); // zones, pods, clusters, zone storage
    expect(aggregated(100)).toEqual(hundred); // 10,000 hosts
    expect(hundred.hostNodes).toBe(0);

    // Every host listed: ten times the hosts cost about ten times the reads (20% allowed for the
    // sort by name); a pass over the hosts for each host would make it about a hundred times.
    const listed = (hostsPerCluster: number) =>
      layoutWork(fakeTopology({ zones: 1, podsPerZone: 2, clustersPerPod: 5, hostsPerCluster }));
    const base = listed(0).reads;
    const thousand = listed(100);
    expect(thousand.hostNodes).toBe(1000);
    const perHundred = listed(10).reads - base;
    expect(perHundred).toBeGreaterThan(0);
    expect(thousand.reads - base).toBeLessThanOrEqual(12 * perHundred);
  });
});

describe('topology -> node data', () => {
  it('colours nodes by state and capacity', () => {
    const topology = fakeTopology({
      zones: 1,
      podsPerZone: 1,
      clustersPerPod: 1,
      hostsPerCluster: 6,
      hostState: (name) =>
        name.endsWith('-h1')
          ? { state: 'Alert' }
          : name.endsWith('-h2')
            ? { state: 'Down' }
            : name.endsWith('-h3')
              ? { state: 'Up', resourcestate: 'Maintenance' }
              : name.endsWith('-h4')
                ? { state: 'Connecting' }
                : name.endsWith('-h5')
                  ? { state: 'Disconnected', resourcestate: 'PrepareForMaintenance' }
                  : {},
    });
    const { nodes, details, searchable } = layoutTopology(topology);
    const host = (n: number) => nodes.find((x) => x.id === nodeId('host', `host-0-0-0-${n}`))!.data;
    expect(host(0)).toMatchObject({ state: 'Up', color: 'green', animated: false });
    expect(host(1)).toMatchObject({ state: 'Alert', color: 'yellow' });
    expect(host(2)).toMatchObject({ state: 'Down', color: 'red' });
    expect(host(3)).toMatchObject({ state: 'Maintenance', color: 'violet' });
    expect(host(4)).toMatchObject({ state: 'Connecting', color: 'blue', animated: true });
    expect(host(5)).toMatchObject({ state: 'PrepareForMaintenance', color: 'blue', animated: true });
    // cpuallocatedpercentage "37%" -> 0.37 green; memory "53%".
    expect(host(1)).toMatchObject({ cpu: { fraction: 0.37, color: 'green' }, memory: { fraction: 0.53 } });

    const cluster = nodes.find((n) => n.type === 'cluster')!.data;
    // cpu 40k of 100k, memory 80 % (amber), storage 50 %.
    expect(cluster).toMatchObject({
      kind: 'cluster',
      color: 'green',
      hypervisor: 'Simulator',
      cpu: { fraction: 0.4, color: 'green' },
      memory: { fraction: 0.8, color: 'yellow' },
      storage: { fraction: 0.5, color: 'green' },
    });
    const zonePool = nodes.find((n) => n.id === nodeId('storagepool', 'zpool-0'))!.data;
    expect(zonePool).toMatchObject({ use: { color: 'red' }, scope: 'ZONE', state: 'Up' });
    expect(nodes.find((n) => n.type === 'zone')!.data).toMatchObject({ pods: 1, clusters: 1, hosts: 6 });

    expect(details.get(nodeId('host', 'host-0-0-0-2'))).toMatchObject({
      kind: 'host',
      cluster: { name: 'z0-p0-c0' },
      pod: { name: 'z0-p0' },
      zone: { name: 'z0' },
    });
    expect(searchable.find((s) => s.name === 'z0-p0-c0-h2')).toMatchObject({ kind: 'host', context: 'z0-p0-c0' });
  });

  it('shows a Disabled zone (as createZone leaves it) grey, its Enabled pod and cluster green', () => {
    const topology = fakeTopology({ zones: 1, podsPerZone: 1, clustersPerPod: 1, hostsPerCluster: 1 });
    topology.zones[0]!.allocationstate = 'Disabled';
    const { nodes } = layoutTopology(topology);
    expect(nodes.find((n) => n.type === 'zone')!.data).toMatchObject({ state: 'Disabled', color: 'gray' });
    // The zone's name band carries the same state.
    expect(nodes.find((n) => n.type === 'label' && (n.data as { of?: string }).of === 'zone')?.data).toMatchObject({
      state: 'Disabled',
      color: 'gray',
    });
    expect(nodes.find((n) => n.type === 'pod')!.data).toMatchObject({ state: 'Enabled', color: 'green' });
    expect(nodes.find((n) => n.type === 'cluster')!.data).toMatchObject({ state: 'Enabled', color: 'green' });
  });

  it('builds the stacked host-state bar with Maintenance taken out of Up', () => {
    expect(
      stateSegments({
        hostcount: 10,
        hoststates: { Up: 6, Down: 1, Alert: 1, Disconnected: 2 },
        resourcestates: { Enabled: 8, Maintenance: 2 },
      }),
    ).toEqual([
      { state: 'Up', count: 4, color: 'green' },
      { state: 'Disconnected', count: 2, color: 'yellow' },
      { state: 'Alert', count: 1, color: 'yellow' },
      { state: 'Down', count: 1, color: 'red' },
      { state: 'Maintenance', count: 2, color: 'violet' },
    ]);
    expect(stateSegments({ hostcount: 0, hoststates: {}, resourcestates: {} })).toEqual([]);
  });

  it('reads capacity values defensively', () => {
    expect(percentUsage('12.5%')).toEqual({ fraction: 0.125, color: 'green' });
    expect(percentUsage(80)).toEqual({ fraction: 0.8, color: 'yellow' });
    expect(percentUsage('91%')?.color).toBe('red');
    expect(percentUsage(undefined)).toBeUndefined();
    expect(percentUsage('n/a')).toBeUndefined();
    expect(usageOf({ total: 0, used: 5 })).toBeUndefined();
    expect(usageOf({ total: 100, used: 250 })).toEqual({ fraction: 1, color: 'red' });
    expect(hostDisplayState({ state: 'Up', resourcestate: 'Disabled' })).toBe('Disabled');
    expect(hostDisplayState({ state: 'Down', resourcestate: 'Disabled' })).toBe('Down');
  });

  it('picks one column for a few hosts and a roughly square grid for many', () => {
    expect(hostColumns(1)).toBe(1);
    expect(hostColumns(6)).toBe(1);
    expect(hostColumns(100)).toBe(6);
    expect(hostColumns(5000)).toBe(10);
  });

  it('reuses unchanged node objects across refreshes', () => {
    const before = layoutTopology(fakeTopology({ hostsPerCluster: 3 })).nodes;
    const after = layoutTopology(
      fakeTopology({ hostsPerCluster: 3, hostState: (n) => (n === 'z0-p0-c0-h1' ? { state: 'Down' } : {}) }),
    ).nodes;
    const merged = reuseUnchanged(before, after);
    const changed = merged.filter((n, i) => n !== before[i]).map((n) => n.id);
    // The host, its cluster's state bar and card changed; everything else is the same object.
    expect(changed.sort()).toEqual(
      [
        nodeId('cluster', 'cluster-0-0-0'),
        nodeId('clustercard', 'cluster-0-0-0'),
        nodeId('host', 'host-0-0-0-1'),
      ].sort(),
    );
  });
});

describe('diagram number formats', () => {
  it('match lib/i18n formatNumber and formatBytes', async () => {
    const { formatBytes, formatNumber } = await import('../../../lib/i18n');
    const { fastBytes, fastNumber } = await import('./format');
    for (const locale of ['en', 'ko'] as const) {
      for (const n of [0, 7, 1234, 10_000, 1234567.891]) expect(fastNumber(n, locale)).toBe(formatNumber(n, locale));
      for (const b of [0, 512, 1536, 5 * 1024 ** 3, 0.9 * 1024 ** 4, 3 * 1024 ** 5]) {
        expect(fastBytes(b, locale)).toBe(formatBytes(b, locale));
      }
    }
  });
});
