import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type {
  Topology,
  TopologyCluster,
  TopologyHost,
  TopologyImageStore,
  TopologyPod,
  TopologyStoragePool,
  TopologyZone,
} from '../../../lib/contract';
import { stateStyle } from '../../../lib/states';
import { cardColor, clusterCardContent, type ClusterCardContent } from './cluster-card';
import { bandHeight } from './lod';
import {
  hostDisplayState,
  percentUsage,
  stateSegments,
  usageOf,
  usageOfBytes,
  type StateSegment,
  type Usage,
} from './metrics';

/**
 * The diagram's layout: zones > pods > clusters > hosts as a tree from left to right, primary
 * storage beside the hosts of its cluster (or the pods of its zone for zone scope), secondary
 * storage under its zone. Computed here, deterministically (same topology, same positions), with
 * fixed node sizes so nothing needs measuring and siblings never overlap.
 *
 * For the zoomed-out view (lib/lod.ts) it adds a card per cluster covering the cluster and what
 * hangs off it (hosts, pools), and a band above each zone and pod holding its name.
 */

// Node sizes (px). The node components draw inside exactly these boxes.
export const SIZES = {
  zone: { width: 232, height: 78 },
  pod: { width: 208, height: 62 },
  cluster: { width: 256, height: 128 },
  host: { width: 224, height: 66 },
  more: { width: 224, height: 66 },
  storagepool: { width: 244, height: 62 },
  imagestore: { width: 244, height: 62 },
} as const;

export const COLUMN_GAP = 80;
/** Vertical gap between siblings: zones, a zone's children, a pod's clusters, a cluster's hosts and storage. */
const SIBLING_GAP = [72, 28, 18, 14] as const;
export const HOST_GRID = { gapX: 12, gapY: 10, padding: 12, header: 26, maxColumns: 10 } as const;
/** A pod with more clusters than this shows them in a grid inside a frame (a compact overview). */
export const CLUSTER_GRID_THRESHOLD = 6;
export const CLUSTER_GRID = { gapX: 40, gapY: 24, padding: 14, header: 26, aspect: 2 } as const;
/** An expanded cluster shows at most this many host nodes; the rest are one "more" node. */
export const MAX_HOSTS_PER_CLUSTER = 1000;

export type DiagramKind =
  | 'zone'
  | 'pod'
  | 'clustergroup'
  | 'cluster'
  | 'clustercard'
  | 'label'
  | 'hostgroup'
  | 'host'
  | 'more'
  | 'storagepool'
  | 'imagestore';

type StateData = {
  name: string;
  /** The state shown (a host's display state, a zone's allocation state ...). */
  state: string;
  /** stateStyle colour: green, blue, gray, yellow, red, violet. */
  color: string;
  animated: boolean;
};

export type ZoneData = StateData & {
  kind: 'zone';
  networktype?: string;
  pods: number;
  clusters: number;
  hosts: number;
};
export type PodData = StateData & { kind: 'pod'; clusters: number; hosts: number };
export type ClusterData = StateData & {
  kind: 'cluster';
  clusterId: string;
  hypervisor?: string;
  hostcount: number;
  segments: StateSegment[];
  cpu?: Usage;
  memory?: Usage;
  storage?: Usage;
  /** It has hosts to show or hide. */
  expandable: boolean;
  /** Its hosts are drawn. */
  open: boolean;
  /** Asked for, not yet answered. */
  loading: boolean;
};
/** A cluster zoomed out: one card over the cluster and its hosts and pools. */
export type ClusterCardData = StateData & {
  kind: 'clustercard';
  clusterId: string;
  hostcount: number;
  segments: StateSegment[];
  content: ClusterCardContent;
  /** Every colour of its host states (what the legend highlights). */
  colors: string[];
  cpu?: Usage;
  memory?: Usage;
  /** Its hosts are listed in the answer (else the card names the core's problem hosts). */
  listed: boolean;
};
/** The name of a zone or a pod in the band above it. */
export type LabelData = StateData & {
  kind: 'label';
  of: 'zone' | 'pod';
  /** The zone or pod node it names. */
  target: string;
  pods?: number;
  clusters: number;
  hosts: number;
};
export type HostGroupData = { kind: 'hostgroup'; clusterId: string; count: number; shown: number };
export type ClusterGroupData = { kind: 'clustergroup'; podId: string; count: number };
export type HostData = StateData & { kind: 'host'; cpu?: Usage; memory?: Usage };
export type MoreData = { kind: 'more'; clusterId: string; hidden: number };
export type StoragePoolData = StateData & {
  kind: 'storagepool';
  scope?: string;
  use?: Usage;
  used?: number;
  total?: number;
};
export type ImageStoreData = StateData & {
  kind: 'imagestore';
  protocol?: string;
  use?: Usage;
  used?: number;
  total?: number;
};

export type ZoneNode = Node<ZoneData, 'zone'>;
export type PodNode = Node<PodData, 'pod'>;
export type ClusterNode = Node<ClusterData, 'cluster'>;
export type ClusterCardNode = Node<ClusterCardData, 'clustercard'>;
export type LabelNode = Node<LabelData, 'label'>;
export type HostGroupNode = Node<HostGroupData, 'hostgroup'>;
export type ClusterGroupNode = Node<ClusterGroupData, 'clustergroup'>;
export type HostNode = Node<HostData, 'host'>;
export type MoreNode = Node<MoreData, 'more'>;
export type StoragePoolNode = Node<StoragePoolData, 'storagepool'>;
export type ImageStoreNode = Node<ImageStoreData, 'imagestore'>;
export type DiagramNode =
  | ZoneNode
  | PodNode
  | ClusterGroupNode
  | ClusterNode
  | ClusterCardNode
  | LabelNode
  | HostGroupNode
  | HostNode
  | MoreNode
  | StoragePoolNode
  | ImageStoreNode;

/** What the details panel needs about a node: the resource and where it sits. */
export type DetailEntry =
  | { kind: 'zone'; zone: TopologyZone; pods: number; clusters: number; hosts: number }
  | { kind: 'pod'; pod: TopologyPod; zone: TopologyZone; clusters: number; hosts: number }
  | { kind: 'cluster'; cluster: TopologyCluster; pod: TopologyPod; zone: TopologyZone }
  | { kind: 'host'; host: TopologyHost; cluster: TopologyCluster; pod: TopologyPod; zone: TopologyZone }
  | {
      kind: 'storagepool';
      pool: TopologyStoragePool;
      cluster?: TopologyCluster;
      pod?: TopologyPod;
      zone: TopologyZone;
    }
  | { kind: 'imagestore'; store: TopologyImageStore; zone: TopologyZone };

export interface LayoutOptions {
  /** Clusters whose hosts the operator asked for (used when the answer is aggregated). */
  expanded?: ReadonlySet<string>;
  /** Clusters the operator closed (used when every host came in the answer). */
  collapsed?: ReadonlySet<string>;
  maxHostsPerCluster?: number;
}

export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: Edge[];
  /** Node id -> the resource behind it (zones, pods, clusters, hosts, storage). */
  details: Map<string, DetailEntry>;
  /** Searchable nodes: what the search box offers. */
  searchable: { id: string; name: string; kind: DiagramKind; context: string }[];
  width: number;
  height: number;
  /** Host nodes drawn (0 for a fully aggregated answer). */
  hostNodes: number;
  /** Nodes under a cluster card (the cluster, its hosts and pools) -> that card: not drawn zoomed out. */
  covered: ReadonlyMap<string, string>;
}

export const nodeId = (kind: DiagramKind, id: string) => `${kind}:${id}`;

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
function byName<T extends { name: string; id: string }>(items: readonly T[] | undefined): T[] {
  return [...(items ?? [])].sort(
    (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

function stateData(name: string, state: string | undefined): StateData {
  const shown = state && state !== '' ? state : 'Unknown';
  const style = stateStyle(shown);
  return { name, state: shown, color: style.color, animated: style.animated === true };
}

function handles(width: number, height: number): NodeHandle[] {
  return [
    { type: 'target', position: Position.Left, x: 0, y: height / 2 - 0.5, width: 1, height: 1 },
    { type: 'source', position: Position.Right, x: width - 1, y: height / 2 - 0.5, width: 1, height: 1 },
  ];
}

/** Columns of an expanded cluster's host grid: one for a few hosts, roughly square for many. */
export function hostColumns(cells: number): number {
  if (cells <= 6) return 1;
  return Math.min(HOST_GRID.maxColumns, Math.ceil(Math.sqrt(cells / 3)));
}

export function hostGroupSize(cells: number): { width: number; height: number; columns: number } {
  const columns = hostColumns(cells);
  const rows = Math.max(1, Math.ceil(cells / columns));
  return {
    columns,
    width: HOST_GRID.padding * 2 + columns * SIZES.host.width + (columns - 1) * HOST_GRID.gapX,
    height: HOST_GRID.padding * 2 + HOST_GRID.header + rows * SIZES.host.height + (rows - 1) * HOST_GRID.gapY,
  };
}

/** A node before placement, with the children placed to its right. */
interface Item {
  node: Omit<DiagramNode, 'position'>;
  width: number;
  height: number;
  children: Item[];
  /** Host nodes inside a host group, relative to the group. */
  inner?: { node: Omit<DiagramNode, 'position'>; dx: number; dy: number }[];
  /** Subtrees laid out in a grid inside this (frame) node; its size comes from the grid. */
  grid?: Item[];
  /** Where each grid subtree sits, relative to the frame (computed). */
  cells?: { dx: number; dy: number }[];
  /** A zone or pod: its name in a band of `band` units above its subtree. */
  label?: LabelData;
  band?: number;
  /** A cluster: its card, covering the subtree when zoomed out. */
  card?: ClusterCardData;
  /** Height and width of this subtree (computed). */
  span?: number;
  extent?: number;
}

function makeNode<D extends DiagramNode>(
  kind: D['type'],
  id: string,
  data: D['data'],
  size: { width: number; height: number },
  /** Undefined for a frame that is neither focusable nor named (a name needs a role). */
  ariaLabel: string | undefined,
  extra: Partial<Node> = {},
): Omit<D, 'position'> {
  return {
    id,
    type: kind,
    data,
    width: size.width,
    height: size.height,
    // Known sizes and handles: React Flow needs to measure nothing (no ResizeObserver per node),
    // counts every node as initialised (fitView works with onlyRenderVisibleElements) and draws
    // edges to nodes that are not rendered yet.
    measured: { width: size.width, height: size.height },
    handles: handles(size.width, size.height),
    draggable: false,
    connectable: false,
    ariaLabel,
    ...extra,
  } as Omit<D, 'position'>;
}

function item(node: Omit<DiagramNode, 'position'>, children: Item[] = []): Item {
  return { node, width: node.width ?? 0, height: node.height ?? 0, children };
}

function clusterOpen(topology: Topology, cluster: TopologyCluster, options: LayoutOptions) {
  const has = Array.isArray(cluster.hosts);
  if (topology.aggregated) {
    const asked = options.expanded?.has(cluster.id) ?? false;
    return { open: asked && has, loading: asked && !has };
  }
  return { open: has && !(options.collapsed?.has(cluster.id) ?? false), loading: false };
}

function poolItem(pool: TopologyStoragePool): Item {
  const data: StoragePoolData = {
    ...stateData(pool.name, pool.state),
    kind: 'storagepool',
    scope: pool.scope,
    use: usageOfBytes(pool.disksizeused, pool.disksizetotal),
    used: pool.disksizeused,
    total: pool.disksizetotal,
  };
  return item(
    makeNode<StoragePoolNode>(
      'storagepool',
      nodeId('storagepool', pool.id),
      data,
      SIZES.storagepool,
      `Primary storage ${pool.name}, ${data.state}`,
    ),
  );
}

function storeItem(store: TopologyImageStore): Item {
  const data: ImageStoreData = {
    // Image stores have no state of their own in the topology: one that is listed serves.
    ...stateData(store.name, 'Ready'),
    kind: 'imagestore',
    protocol: store.protocol ?? store.providername,
    use: usageOfBytes(store.disksizeused, store.disksizetotal),
    used: store.disksizeused,
    total: store.disksizetotal,
  };
  return item(
    makeNode<ImageStoreNode>(
      'imagestore',
      nodeId('imagestore', store.id),
      data,
      SIZES.imagestore,
      `Secondary storage ${store.name}`,
    ),
  );
}

function hostGroupItem(cluster: TopologyCluster, hosts: TopologyHost[], max: number): Item {
  const shown = hosts.slice(0, max);
  const hidden = hosts.length - shown.length;
  const cells = shown.length + (hidden > 0 ? 1 : 0);
  const size = hostGroupSize(cells);
  const group = makeNode<HostGroupNode>(
    'hostgroup',
    nodeId('hostgroup', cluster.id),
    { kind: 'hostgroup', clusterId: cluster.id, count: hosts.length, shown: shown.length },
    size,
    undefined,
    { selectable: false, focusable: false, zIndex: 0, style: { pointerEvents: 'none' } },
  );
  const result = item(group);
  const cell = (i: number) => ({
    dx: HOST_GRID.padding + (i % size.columns) * (SIZES.host.width + HOST_GRID.gapX),
    dy: HOST_GRID.padding + HOST_GRID.header + Math.floor(i / size.columns) * (SIZES.host.height + HOST_GRID.gapY),
  });
  result.inner = shown.map((host, i) => {
    const data: HostData = {
      ...stateData(host.name, hostDisplayState(host)),
      kind: 'host',
      cpu: percentUsage(host.cpuallocatedpercentage),
      memory: percentUsage(host.memoryallocatedpercentage),
    };
    return {
      node: makeNode<HostNode>('host', nodeId('host', host.id), data, SIZES.host, `Host ${host.name}, ${data.state}`, {
        zIndex: 1,
      }),
      ...cell(i),
    };
  });
  if (hidden > 0) {
    result.inner.push({
      node: makeNode<MoreNode>(
        'more',
        nodeId('more', cluster.id),
        { kind: 'more', clusterId: cluster.id, hidden },
        SIZES.more,
        `${hidden} more hosts`,
        { zIndex: 1 },
      ),
      ...cell(shown.length),
    });
  }
  return result;
}

/** The gap between the children of a node at `depth` (a zone is depth 0). */
function childGap(depth: number): number {
  return SIBLING_GAP[Math.min(depth + 1, SIBLING_GAP.length - 1)] ?? 14;
}

/** Lays measured subtrees out in rows and columns, CLUSTER_GRID.aspect times wider than tall (pods stack downwards). */
function layGrid(it: Item, subs: Item[]): void {
  const n = subs.length;
  const avgW = subs.reduce((sum, c) => sum + (c.extent ?? c.width), 0) / n;
  const avgH = subs.reduce((sum, c) => sum + (c.span ?? c.height), 0) / n;
  const columns = Math.max(1, Math.min(n, Math.round(Math.sqrt((n * avgH * CLUSTER_GRID.aspect) / avgW))));
  const rows = Math.ceil(n / columns);
  const colW = Array.from({ length: columns }, () => 0);
  const rowH = Array.from({ length: rows }, () => 0);
  subs.forEach((c, i) => {
    const col = i % columns;
    const row = Math.floor(i / columns);
    colW[col] = Math.max(colW[col] ?? 0, c.extent ?? c.width);
    rowH[row] = Math.max(rowH[row] ?? 0, c.span ?? c.height);
  });
  const colX: number[] = [];
  let x = CLUSTER_GRID.padding;
  for (const w of colW) {
    colX.push(x);
    x += w + CLUSTER_GRID.gapX;
  }
  const rowY: number[] = [];
  let y = CLUSTER_GRID.padding + CLUSTER_GRID.header;
  for (const h of rowH) {
    rowY.push(y);
    y += h + CLUSTER_GRID.gapY;
  }
  it.cells = subs.map((_, i) => ({ dx: colX[i % columns] ?? 0, dy: rowY[Math.floor(i / columns)] ?? 0 }));
  it.width = x - CLUSTER_GRID.gapX + CLUSTER_GRID.padding;
  it.height = y - CLUSTER_GRID.gapY + CLUSTER_GRID.padding;
  it.node = {
    ...it.node,
    width: it.width,
    height: it.height,
    measured: { width: it.width, height: it.height },
    handles: handles(it.width, it.height),
  } as Omit<DiagramNode, 'position'>;
}

/** Subtree sizes, bottom up: span (height) and extent (width, the node and what hangs right of it). */
function measure(it: Item, depth: number): void {
  if (it.grid) {
    for (const sub of it.grid) measure(sub, depth + 1);
    layGrid(it, it.grid);
  }
  const gap = childGap(depth);
  let span = 0;
  let childExtent = 0;
  it.children.forEach((child, i) => {
    measure(child, depth + 1);
    span += (child.span ?? child.height) + (i > 0 ? gap : 0);
    childExtent = Math.max(childExtent, child.extent ?? child.width);
  });
  it.span = (it.band ?? 0) + Math.max(it.height, span);
  it.extent = it.width + (it.children.length > 0 ? COLUMN_GAP + childExtent : 0);
}

/** Builds the tree of items (zones > pods > clusters > hosts and storage) and what the page looks up. */
class TreeBuilder {
  readonly details = new Map<string, DetailEntry>();
  readonly searchable: DiagramLayout['searchable'] = [];
  private readonly max: number;

  constructor(
    private readonly topology: Topology,
    private readonly options: LayoutOptions,
  ) {
    this.max = options.maxHostsPerCluster ?? MAX_HOSTS_PER_CLUSTER;
  }

  private remember(id: string, detail: DetailEntry, entry: Omit<DiagramLayout['searchable'][number], 'id'>): void {
    this.details.set(id, detail);
    this.searchable.push({ id, ...entry });
  }

  zone(zone: TopologyZone): Item {
    const children: Item[] = [];
    let clusters = 0;
    let hosts = 0;
    const pods = byName(zone.pods);
    for (const pod of pods) {
      const built = this.pod(zone, pod);
      children.push(built.item);
      clusters += built.clusters;
      hosts += built.hosts;
    }
    for (const pool of byName(zone.storagepools)) {
      children.push(poolItem(pool));
      this.remember(
        nodeId('storagepool', pool.id),
        { kind: 'storagepool', pool, zone },
        { name: pool.name, kind: 'storagepool', context: zone.name },
      );
    }
    for (const store of byName(zone.imagestores)) {
      children.push(storeItem(store));
      this.remember(
        nodeId('imagestore', store.id),
        { kind: 'imagestore', store, zone },
        { name: store.name, kind: 'imagestore', context: zone.name },
      );
    }
    const id = nodeId('zone', zone.id);
    const data: ZoneData = {
      ...stateData(zone.name, zone.allocationstate ?? 'Enabled'),
      kind: 'zone',
      networktype: zone.networktype,
      pods: pods.length,
      clusters,
      hosts,
    };
    this.remember(
      id,
      { kind: 'zone', zone, pods: pods.length, clusters, hosts },
      { name: zone.name, kind: 'zone', context: zone.networktype ?? '' },
    );
    const built = item(makeNode<ZoneNode>('zone', id, data, SIZES.zone, `Zone ${zone.name}`), children);
    built.label = {
      ...stateData(zone.name, data.state),
      kind: 'label',
      of: 'zone',
      target: id,
      pods: pods.length,
      clusters,
      hosts,
    };
    return built;
  }

  private pod(zone: TopologyZone, pod: TopologyPod): { item: Item; clusters: number; hosts: number } {
    let children: Item[] = [];
    let hosts = 0;
    const clusters = byName(pod.clusters);
    for (const cluster of clusters) {
      const built = this.cluster(zone, pod, cluster);
      children.push(built.item);
      hosts += built.hosts;
    }
    if (children.length > CLUSTER_GRID_THRESHOLD) children = [clusterGrid(pod, clusters.length, children)];
    const id = nodeId('pod', pod.id);
    const data: PodData = {
      ...stateData(pod.name, pod.allocationstate ?? 'Enabled'),
      kind: 'pod',
      clusters: clusters.length,
      hosts,
    };
    this.remember(
      id,
      { kind: 'pod', pod, zone, clusters: clusters.length, hosts },
      { name: pod.name, kind: 'pod', context: zone.name },
    );
    const built = item(makeNode<PodNode>('pod', id, data, SIZES.pod, `Pod ${pod.name}`), children);
    built.label = {
      ...stateData(pod.name, data.state),
      kind: 'label',
      of: 'pod',
      target: id,
      clusters: clusters.length,
      hosts,
    };
    return { item: built, clusters: clusters.length, hosts };
  }

  private cluster(zone: TopologyZone, pod: TopologyPod, cluster: TopologyCluster): { item: Item; hosts: number } {
    const hostcount = cluster.hostcount ?? cluster.hosts?.length ?? 0;
    const { open, loading } = clusterOpen(this.topology, cluster, this.options);
    const data: ClusterData = {
      ...stateData(cluster.name, cluster.allocationstate ?? 'Enabled'),
      kind: 'cluster',
      clusterId: cluster.id,
      hypervisor: cluster.hypervisortype,
      hostcount,
      segments: stateSegments({ ...cluster, hostcount }),
      cpu: usageOf(cluster.cpu),
      memory: usageOf(cluster.memory),
      storage: usageOf(cluster.storage),
      expandable: hostcount > 0 || (cluster.hosts?.length ?? 0) > 0,
      open,
      loading,
    };
    const id = nodeId('cluster', cluster.id);
    const children: Item[] = [];
    if (open) {
      const hosts = byName(cluster.hosts);
      if (hosts.length > 0) children.push(hostGroupItem(cluster, hosts, this.max));
      for (const host of hosts) {
        this.remember(
          nodeId('host', host.id),
          { kind: 'host', host, cluster, pod, zone },
          { name: host.name, kind: 'host', context: cluster.name },
        );
      }
    }
    // Aggregated (large) clouds draw a cluster's pools only once it is expanded: the cluster
    // node already shows their use, and one node per pool doubled the first render's work.
    const pools = this.topology.aggregated && !open ? [] : byName(cluster.storagepools);
    for (const pool of pools) {
      children.push(poolItem(pool));
      this.remember(
        nodeId('storagepool', pool.id),
        { kind: 'storagepool', pool, cluster, pod, zone },
        { name: pool.name, kind: 'storagepool', context: cluster.name },
      );
    }
    this.remember(
      id,
      { kind: 'cluster', cluster, pod, zone },
      { name: cluster.name, kind: 'cluster', context: pod.name },
    );
    const built = item(makeNode<ClusterNode>('cluster', id, data, SIZES.cluster, `Cluster ${cluster.name}`), children);
    built.card = cardData(cluster, data);
    return { item: built, hosts: hostcount };
  }
}

function cardData(cluster: TopologyCluster, data: ClusterData): ClusterCardData {
  const content = clusterCardContent(cluster, data.segments);
  return {
    name: data.name,
    state: data.state,
    color: cardColor(content, data.color),
    animated: false,
    kind: 'clustercard',
    clusterId: cluster.id,
    hostcount: data.hostcount,
    segments: data.segments,
    content,
    colors: [...new Set(data.segments.map((s) => s.color))],
    cpu: data.cpu,
    memory: data.memory,
    listed: Array.isArray(cluster.hosts),
  };
}

/** The card of a cluster: the box of the cluster and everything that hangs off it. */
function cardNode(card: ClusterCardData, x: number, y: number, width: number, height: number): DiagramNode {
  const problems = card.content.problems.map((p) => `${p.count} ${p.state}`);
  const label = [`Cluster ${card.name}`, `${card.hostcount} hosts`, ...problems].join(', ');
  const node = makeNode<ClusterCardNode>(
    'clustercard',
    nodeId('clustercard', card.clusterId),
    card,
    { width, height },
    label,
    {
      zIndex: 2,
    },
  );
  return { ...node, position: { x, y } } as DiagramNode;
}

/** The band above a zone or a pod with its name. */
function labelNode(label: LabelData, x: number, y: number, width: number, height: number): DiagramNode {
  const kind = label.of === 'zone' ? 'Zone' : 'Pod';
  const node = makeNode<LabelNode>(
    'label',
    `label:${label.target}`,
    label,
    { width, height },
    `${kind} ${label.name}`,
    { focusable: false, ariaRole: 'group', zIndex: 1 },
  );
  return { ...node, position: { x, y } } as DiagramNode;
}

/** Many clusters: one frame with the clusters (and what hangs off them) in a grid. */
function clusterGrid(pod: TopologyPod, count: number, clusters: Item[]): Item {
  const frame = item(
    makeNode<ClusterGroupNode>(
      'clustergroup',
      nodeId('clustergroup', pod.id),
      { kind: 'clustergroup', podId: pod.id, count },
      { width: 0, height: 0 },
      undefined,
      { selectable: false, focusable: false, zIndex: 0, style: { pointerEvents: 'none' } },
    ),
  );
  frame.grid = clusters;
  return frame;
}

/** Places measured items left to right, each subtree centred on its children. */
class Placer {
  readonly nodes: DiagramNode[] = [];
  readonly edges: Edge[] = [];
  readonly covered = new Map<string, string>();
  hostNodes = 0;
  width = 0;

  place(it: Item, depth: number, x: number, top: number, parent: string | undefined, inCard?: string): void {
    const band = it.band ?? 0;
    const covered = it.card ? nodeId('clustercard', it.card.clusterId) : inCard;
    if (covered) this.covered.set(it.node.id, covered);
    const full = it.span ?? it.height;
    if (it.label && band > 0) this.nodes.push(labelNode(it.label, x, top, it.extent ?? it.width, band));
    if (it.card) this.nodes.push(cardNode(it.card, x, top, it.extent ?? it.width, full));
    // Below the band: the node centred on its children.
    const span = full - band;
    top += band;
    const py = top + (span - it.height) / 2;
    this.nodes.push({ ...it.node, position: { x, y: py } } as DiagramNode);
    this.width = Math.max(this.width, x + it.width);
    if (parent) {
      this.edges.push({
        id: `e:${parent}>${it.node.id}`,
        source: parent,
        target: it.node.id,
        type: 'smoothstep',
        selectable: false,
        focusable: false,
      });
    }
    for (const inner of it.inner ?? []) {
      this.nodes.push({ ...inner.node, position: { x: x + inner.dx, y: py + inner.dy } } as DiagramNode);
      if (covered) this.covered.set(inner.node.id, covered);
      if (inner.node.type === 'host') this.hostNodes += 1;
    }
    it.grid?.forEach((sub, i) => {
      const cell = it.cells?.[i] ?? { dx: 0, dy: 0 };
      this.place(sub, depth + 1, x + cell.dx, py + cell.dy, undefined, covered);
    });
    const gap = childGap(depth);
    const childSpan = it.children.reduce((sum, c, i) => sum + (c.span ?? c.height) + (i > 0 ? gap : 0), 0);
    let childTop = top + (span - childSpan) / 2;
    for (const child of it.children) {
      this.place(child, depth + 1, x + it.width + COLUMN_GAP, childTop, it.node.id, covered);
      childTop += (child.span ?? child.height) + gap;
    }
  }
}

function setBands(it: Item, band: number): void {
  if (it.label) it.band = band;
  for (const child of it.children) setBands(child, band);
}

/**
 * Lays a topology out. The same topology and options always give the same nodes, in the same
 * order, at the same positions.
 */
export function layoutTopology(topology: Topology, options: LayoutOptions = {}): DiagramLayout {
  const tree = new TreeBuilder(topology, options);
  const roots = byName(topology.zones).map((zone) => tree.zone(zone));
  // The name bands grow with the diagram: measure without them, then with them.
  let unbandedWidth = 0;
  let unbandedHeight = 0;
  roots.forEach((root, i) => {
    measure(root, 0);
    unbandedWidth = Math.max(unbandedWidth, root.extent ?? root.width);
    unbandedHeight += (root.span ?? root.height) + (i > 0 ? SIBLING_GAP[0] : 0);
  });
  const band = bandHeight(unbandedWidth, unbandedHeight);
  const placer = new Placer();
  let top = 0;
  roots.forEach((root, i) => {
    if (i > 0) top += SIBLING_GAP[0];
    setBands(root, band);
    measure(root, 0);
    placer.place(root, 0, 0, top, undefined);
    top += root.span ?? root.height;
  });
  const { nodes, edges, width, hostNodes, covered } = placer;
  return { nodes, edges, details: tree.details, searchable: tree.searchable, width, height: top, hostNodes, covered };
}

/**
 * Keeps the previous node objects where nothing changed, so React Flow and the memoised node
 * components skip them when a live update refreshes the topology.
 */
export function reuseUnchanged(previous: readonly DiagramNode[] | undefined, next: DiagramNode[]): DiagramNode[] {
  if (!previous || previous.length === 0) return next;
  const byId = new Map(previous.map((n) => [n.id, n]));
  return next.map((node) => {
    const old = byId.get(node.id);
    if (
      old &&
      old.position.x === node.position.x &&
      old.position.y === node.position.y &&
      old.width === node.width &&
      old.height === node.height &&
      JSON.stringify(old.data) === JSON.stringify(node.data)
    ) {
      return old;
    }
    return node;
  });
}
