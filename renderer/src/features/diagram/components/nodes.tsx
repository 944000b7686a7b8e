import { IconBuildingFactory2, IconDatabase, IconLayoutGrid, IconStack2, IconWorld } from '@tabler/icons-react';
import { Handle, Position, useStore, type NodeProps, type NodeTypes } from '@xyflow/react';
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { useLocale, useT } from '../../../lib/i18n';
import { fastBytes as formatBytes, fastNumber as formatNumber } from '../lib/format';
import { href } from '../../../lib/router';
import { useDiagramStore } from '../lib/diagram-store';
import type {
  ClusterGroupNode as ClusterGroupNodeType,
  ClusterNode as ClusterNodeType,
  HostGroupNode as HostGroupNodeType,
  HostNode as HostNodeType,
  ImageStoreNode as ImageStoreNodeType,
  MoreNode as MoreNodeType,
  PodNode as PodNodeType,
  StoragePoolNode as StoragePoolNodeType,
  ZoneNode as ZoneNodeType,
} from '../lib/layout';
import type { Usage } from '../lib/metrics';
import classes from './diagram.module.css';

/** A Mantine palette colour as a CSS value (one meaning per colour). */
export const paletteColor = (color: string) => `var(--mantine-color-${color}-6)`;

const stateVars = (color: string) => ({ '--state-color': paletteColor(color) }) as CSSProperties;

/**
 * Below this zoom clusters, hosts and storage are drawn as coloured tiles (a cluster as its
 * stacked host-state bar): their text is unreadable there anyway, and a zoomed-out view of
 * hundreds of clusters renders a fraction of the DOM.
 */
export const TILE_ZOOM = 0.3;

function useTiles(): boolean {
  return useStore((s) => s.transform[2] < TILE_ZOOM);
}

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className={classes.handle} />
      <Handle type="source" position={Position.Right} isConnectable={false} className={classes.handle} />
    </>
  );
}

function useSelected(id: string): boolean {
  return useDiagramStore((s) => s.selectedId === id);
}

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

function UsageRow({ label, use, testId }: { label: string; use: Usage | undefined; testId?: string }) {
  return (
    <div className={classes.usage} data-testid={testId} data-capacity={use?.color}>
      <span>{label}</span>
      <div className={classes.bar}>
        {use && (
          <div
            className={classes.barFill}
            style={{ width: percent(use.fraction), '--fill': paletteColor(use.color) } as CSSProperties}
          />
        )}
      </div>
      <span className={classes.pct}>{use ? percent(use.fraction) : '–'}</span>
    </div>
  );
}

function ZoneNodeView({ id, data }: NodeProps<ZoneNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  return (
    <div
      className={`${classes.node} ${classes.zone}`}
      style={stateVars(data.color)}
      data-testid="diagram-node-zone"
      data-state={data.state.toLowerCase()}
      data-color={data.color}
      data-selected={selected || undefined}
      data-animated={data.animated || undefined}
    >
      <div className={classes.row}>
        <IconWorld size={16} className={classes.icon} />
        <span className={classes.title}>{data.name}</span>
      </div>
      <div className={classes.meta}>
        {t('diagram.kind.zone')} · {data.networktype ?? ''} · {data.state}
      </div>
      <div className={classes.meta}>
        {t('diagram.counts', {
          pods: formatNumber(data.pods, locale),
          clusters: formatNumber(data.clusters, locale),
          hosts: formatNumber(data.hosts, locale),
        })}
      </div>
      <Handles />
    </div>
  );
}

function PodNodeView({ id, data }: NodeProps<PodNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  return (
    <div
      className={classes.node}
      style={stateVars(data.color)}
      data-testid="diagram-node-pod"
      data-state={data.state.toLowerCase()}
      data-color={data.color}
      data-selected={selected || undefined}
      data-animated={data.animated || undefined}
    >
      <div className={classes.row}>
        <IconBuildingFactory2 size={15} className={classes.icon} />
        <span className={classes.title}>{data.name}</span>
      </div>
      <div className={classes.meta}>
        {t('diagram.kind.pod')} · {data.state}
      </div>
      <div className={classes.meta}>
        {t('diagram.podCounts', {
          clusters: formatNumber(data.clusters, locale),
          hosts: formatNumber(data.hosts, locale),
        })}
      </div>
      <Handles />
    </div>
  );
}

function ClusterNodeView({ id, data }: NodeProps<ClusterNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const toggle = useDiagramStore((s) => s.toggleCluster);
  const tiles = useTiles();
  const total = data.segments.reduce((sum, s) => sum + s.count, 0);
  const segments = data.segments.map((segment) => (
    <div
      key={segment.state}
      className={classes.segment}
      title={`${segment.state}: ${formatNumber(segment.count, locale)}`}
      data-state={segment.state.toLowerCase()}
      style={
        { width: `${(segment.count / (total || 1)) * 100}%`, '--seg': paletteColor(segment.color) } as CSSProperties
      }
    />
  ));
  if (tiles && !selected) {
    return (
      <div
        className={`${classes.tile} ${classes.stackTile}`}
        style={stateVars(data.color)}
        data-testid="diagram-node-cluster"
        data-state={data.state.toLowerCase()}
        data-color={data.color}
      >
        {segments}
        <Handles />
      </div>
    );
  }
  const onToggle = (event: MouseEvent | KeyboardEvent) => {
    event.stopPropagation();
    toggle(data.clusterId);
  };
  return (
    <div
      className={classes.node}
      style={stateVars(data.color)}
      data-testid="diagram-node-cluster"
      data-state={data.state.toLowerCase()}
      data-color={data.color}
      data-selected={selected || undefined}
      data-animated={data.animated || undefined}
      data-open={data.open || undefined}
    >
      <div className={classes.row}>
        <IconLayoutGrid size={15} className={classes.icon} />
        <span className={classes.title}>{data.name}</span>
        <span className={classes.meta}>{data.hypervisor}</span>
      </div>
      <div className={classes.row}>
        <span className={classes.meta} style={{ flex: 1 }}>
          {t('diagram.hostCount', { count: formatNumber(data.hostcount, locale) })}
        </span>
        {data.expandable && (
          <button
            type="button"
            className={`${classes.toggle} nodrag nopan`}
            onClick={onToggle}
            aria-expanded={data.open}
            data-testid="cluster-toggle"
          >
            {data.loading ? t('common.loading') : data.open ? t('diagram.hideHosts') : t('diagram.showHosts')}
          </button>
        )}
      </div>
      <div
        className={classes.stack}
        role="img"
        aria-label={data.segments.map((s) => `${s.state} ${s.count}`).join(', ')}
        data-testid="cluster-state-bar"
      >
        {segments}
      </div>
      <UsageRow label={t('diagram.cpu')} use={data.cpu} />
      <UsageRow label={t('diagram.memory')} use={data.memory} />
      <UsageRow label={t('diagram.storage')} use={data.storage} />
      <Handles />
    </div>
  );
}

function HostNodeView({ id, data }: NodeProps<HostNodeType>) {
  const t = useT();
  const selected = useSelected(id);
  const tiles = useTiles();
  const common = {
    style: stateVars(data.color),
    'data-testid': 'diagram-node-host',
    'data-name': data.name,
    'data-state': data.state.toLowerCase(),
    'data-color': data.color,
    'data-selected': selected || undefined,
    'data-animated': data.animated || undefined,
  };
  if (tiles && !selected) {
    return (
      <div className={classes.tile} {...common}>
        <Handles />
      </div>
    );
  }
  return (
    <div className={classes.node} {...common}>
      <div className={classes.row}>
        <span className={classes.dot} data-animated={data.animated || undefined} />
        <span className={classes.title} title={data.name}>
          {data.name}
        </span>
      </div>
      <div className={classes.meta} data-testid="host-state">
        {data.state}
      </div>
      <div className={classes.usagePair}>
        <UsageRow label={t('diagram.cpuShort')} use={data.cpu} />
        <UsageRow label={t('diagram.memoryShort')} use={data.memory} />
      </div>
      <Handles />
    </div>
  );
}

function HostGroupNodeView({ data }: NodeProps<HostGroupNodeType>) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className={classes.group} data-testid="diagram-hostgroup">
      {data.shown < data.count
        ? t('diagram.hostsShown', { shown: formatNumber(data.shown, locale), count: formatNumber(data.count, locale) })
        : t('diagram.hostCount', { count: formatNumber(data.count, locale) })}
      <Handles />
    </div>
  );
}

function ClusterGroupNodeView({ data }: NodeProps<ClusterGroupNodeType>) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className={classes.group} data-testid="diagram-clustergroup">
      {t('diagram.clusterCount', { count: formatNumber(data.count, locale) })}
      <Handles />
    </div>
  );
}

function MoreNodeView({ data }: NodeProps<MoreNodeType>) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className={classes.more}>
      <a className="nodrag nopan" href={href('/hosts', { clusterid: data.clusterId })}>
        {t('diagram.moreHosts', { count: formatNumber(data.hidden, locale) })}
      </a>
      <Handles />
    </div>
  );
}

function StoragePoolNodeView({ id, data }: NodeProps<StoragePoolNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const tiles = useTiles();
  if (tiles && !selected) {
    return (
      <div className={classes.tile} style={stateVars(data.color)} data-color={data.color}>
        <Handles />
      </div>
    );
  }
  return (
    <div
      className={classes.node}
      style={stateVars(data.color)}
      data-testid="diagram-node-storagepool"
      data-state={data.state.toLowerCase()}
      data-color={data.color}
      data-selected={selected || undefined}
      data-animated={data.animated || undefined}
    >
      <div className={classes.row}>
        <IconDatabase size={15} className={classes.icon} />
        <span className={classes.title}>{data.name}</span>
        <span className={classes.meta}>{data.state}</span>
      </div>
      <div className={classes.meta}>
        {t('diagram.kind.storagepool')}
        {data.total !== undefined
          ? ` · ${formatBytes(data.used ?? 0, locale)} / ${formatBytes(data.total, locale)}`
          : ''}
      </div>
      <UsageRow label={t('diagram.used')} use={data.use} />
      <Handles />
    </div>
  );
}

function ImageStoreNodeView({ id, data }: NodeProps<ImageStoreNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const tiles = useTiles();
  if (tiles && !selected) {
    return (
      <div className={classes.tile} style={stateVars(data.color)} data-color={data.color}>
        <Handles />
      </div>
    );
  }
  return (
    <div
      className={classes.node}
      style={stateVars(data.color)}
      data-testid="diagram-node-imagestore"
      data-color={data.color}
      data-selected={selected || undefined}
    >
      <div className={classes.row}>
        <IconStack2 size={15} className={classes.icon} />
        <span className={classes.title}>{data.name}</span>
        <span className={classes.meta}>{data.protocol}</span>
      </div>
      <div className={classes.meta}>
        {t('diagram.kind.imagestore')}
        {data.total !== undefined
          ? ` · ${formatBytes(data.used ?? 0, locale)} / ${formatBytes(data.total, locale)}`
          : ''}
      </div>
      <UsageRow label={t('diagram.used')} use={data.use} />
      <Handles />
    </div>
  );
}

/** Memoised node components: a node re-renders only when its own data or selection changes. */
export const NODE_TYPES: NodeTypes = {
  zone: memo(ZoneNodeView),
  pod: memo(PodNodeView),
  cluster: memo(ClusterNodeView),
  host: memo(HostNodeView),
  hostgroup: memo(HostGroupNodeView),
  clustergroup: memo(ClusterGroupNodeView),
  more: memo(MoreNodeView),
  storagepool: memo(StoragePoolNodeView),
  imagestore: memo(ImageStoreNodeView),
};
