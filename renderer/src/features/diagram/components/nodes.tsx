import { IconBuildingFactory2, IconDatabase, IconLayoutGrid, IconStack2, IconWorld } from '@tabler/icons-react';
import type { NodeProps, NodeTypes } from '@xyflow/react';
import { memo, type CSSProperties, type KeyboardEvent, type MouseEvent } from 'react';
import { stateLabel } from '../../../components/state-badge';
import { useLocale, useT } from '../../../lib/i18n';
import { href } from '../../../lib/router';
import { useDiagramStore } from '../lib/diagram-store';
import { fastBytes as formatBytes, fastNumber as formatNumber } from '../lib/format';
import {
  CLUSTER_GRID,
  HOST_GRID,
  SIZES,
  type ClusterGroupNode as ClusterGroupNodeType,
  type ClusterNode as ClusterNodeType,
  type HostGroupNode as HostGroupNodeType,
  type HostNode as HostNodeType,
  type ImageStoreNode as ImageStoreNodeType,
  type MoreNode as MoreNodeType,
  type PodNode as PodNodeType,
  type StoragePoolNode as StoragePoolNodeType,
  type ZoneNode as ZoneNodeType,
} from '../lib/layout';
import { ClusterCardNodeView } from './cluster-card-node';
import { LabelNodeView } from './label-node';
import { Handles, paletteColor, stateVars, UsageRow, useSelected } from './node-parts';
import { useRows } from './use-zoom';
import classes from './diagram.module.css';

/**
 * The diagram's nodes. Their text keeps its screen size whatever the zoom (lib/lod.ts); a node
 * shows the rows of text that fit its box on screen, and none (a coloured tile) when not one does.
 */

/** A node with no room for a row of text: its colour only. */
function Tile(props: { testId?: string; state?: string; color: string; name?: string; colors?: string }) {
  return (
    <div
      className={classes.tile}
      style={stateVars(props.color)}
      data-testid={props.testId}
      data-name={props.name}
      data-state={props.state?.toLowerCase()}
      data-color={props.color}
      data-colors={props.colors}
    >
      <Handles />
    </div>
  );
}

function ZoneNodeView({ id, data }: NodeProps<ZoneNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const rows = useRows(SIZES.zone.height);
  if (rows === 0 && !selected) return <Tile testId="diagram-node-zone" state={data.state} color={data.color} />;
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
      {rows >= 2 && (
        <div className={classes.meta}>
          {t('diagram.kind.zone')} · {data.networktype ?? ''} · {stateLabel(t, data.state)}
        </div>
      )}
      {rows >= 3 && (
        <div className={classes.meta}>
          {t('diagram.counts', {
            pods: formatNumber(data.pods, locale),
            clusters: formatNumber(data.clusters, locale),
            hosts: formatNumber(data.hosts, locale),
          })}
        </div>
      )}
      <Handles />
    </div>
  );
}

function PodNodeView({ id, data }: NodeProps<PodNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const rows = useRows(SIZES.pod.height);
  if (rows === 0 && !selected) return <Tile testId="diagram-node-pod" state={data.state} color={data.color} />;
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
      {rows >= 2 && (
        <div className={classes.meta}>
          {t('diagram.kind.pod')} · {stateLabel(t, data.state)}
        </div>
      )}
      {rows >= 3 && (
        <div className={classes.meta}>
          {t('diagram.podCounts', {
            clusters: formatNumber(data.clusters, locale),
            hosts: formatNumber(data.hosts, locale),
          })}
        </div>
      )}
      <Handles />
    </div>
  );
}

function ClusterNodeView({ id, data }: NodeProps<ClusterNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const toggle = useDiagramStore((s) => s.toggleCluster);
  const rows = useRows(SIZES.cluster.height);
  const colors = data.segments.map((s) => s.color).join(' ');
  if (rows === 0 && !selected) {
    return <Tile testId="diagram-node-cluster" state={data.state} color={data.color} colors={colors} />;
  }
  const total = data.segments.reduce((sum, s) => sum + s.count, 0);
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
      data-colors={colors}
      data-selected={selected || undefined}
      data-animated={data.animated || undefined}
      data-open={data.open || undefined}
    >
      <div className={classes.row}>
        <IconLayoutGrid size={15} className={classes.icon} />
        <span className={classes.title}>{data.name}</span>
        {rows >= 3 && <span className={classes.meta}>{data.hypervisor}</span>}
      </div>
      {rows >= 2 && (
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
      )}
      {rows >= 3 && (
        <div className={classes.barRow}>
          <div
            className={classes.stack}
            role="img"
            aria-label={data.segments.map((s) => `${s.state} ${s.count}`).join(', ')}
            data-testid="cluster-state-bar"
          >
            {data.segments.map((segment) => (
              <div
                key={segment.state}
                className={classes.segment}
                title={`${segment.state}: ${formatNumber(segment.count, locale)}`}
                data-state={segment.state.toLowerCase()}
                style={
                  {
                    width: `${(segment.count / (total || 1)) * 100}%`,
                    '--seg': paletteColor(segment.color),
                  } as CSSProperties
                }
              />
            ))}
          </div>
        </div>
      )}
      {rows >= 4 && <UsageRow label={t('diagram.cpu')} use={data.cpu} />}
      {rows >= 5 && <UsageRow label={t('diagram.memory')} use={data.memory} />}
      {rows >= 6 && <UsageRow label={t('diagram.storage')} use={data.storage} />}
      <Handles />
    </div>
  );
}

function HostNodeView({ id, data }: NodeProps<HostNodeType>) {
  const t = useT();
  const selected = useSelected(id);
  const rows = useRows(SIZES.host.height);
  if (rows === 0 && !selected) {
    return (
      <Tile testId="diagram-node-host" name={data.name} state={data.state} color={data.color} colors={data.color} />
    );
  }
  return (
    <div
      className={classes.node}
      style={stateVars(data.color)}
      data-testid="diagram-node-host"
      data-name={data.name}
      data-state={data.state.toLowerCase()}
      data-color={data.color}
      data-colors={data.color}
      data-selected={selected || undefined}
      data-animated={data.animated || undefined}
    >
      <div className={classes.row}>
        <span className={classes.dot} data-animated={data.animated || undefined} />
        <span className={classes.title} title={data.name}>
          {data.name}
        </span>
      </div>
      {rows >= 2 && (
        <div className={classes.meta} data-testid="host-state">
          {stateLabel(t, data.state)}
        </div>
      )}
      {rows >= 3 && (
        <div className={classes.usagePair}>
          <UsageRow label={t('diagram.cpuShort')} use={data.cpu} />
          <UsageRow label={t('diagram.memoryShort')} use={data.memory} />
        </div>
      )}
      <Handles />
    </div>
  );
}

function HostGroupNodeView({ data }: NodeProps<HostGroupNodeType>) {
  const t = useT();
  const locale = useLocale();
  const rows = useRows(HOST_GRID.padding + HOST_GRID.header);
  return (
    <div className={classes.group} data-testid="diagram-hostgroup">
      {rows >= 1 &&
        (data.shown < data.count
          ? t('diagram.hostsShown', {
              shown: formatNumber(data.shown, locale),
              count: formatNumber(data.count, locale),
            })
          : t('diagram.hostCount', { count: formatNumber(data.count, locale) }))}
      <Handles />
    </div>
  );
}

function ClusterGroupNodeView({ data }: NodeProps<ClusterGroupNodeType>) {
  const t = useT();
  const locale = useLocale();
  const rows = useRows(CLUSTER_GRID.padding + CLUSTER_GRID.header);
  return (
    <div className={classes.group} data-testid="diagram-clustergroup">
      {rows >= 1 && t('diagram.clusterCount', { count: formatNumber(data.count, locale) })}
      <Handles />
    </div>
  );
}

function MoreNodeView({ data }: NodeProps<MoreNodeType>) {
  const t = useT();
  const locale = useLocale();
  const rows = useRows(SIZES.more.height);
  return (
    <div className={classes.more}>
      {rows >= 1 && (
        <a className="nodrag nopan" href={href('/hosts', { clusterid: data.clusterId })}>
          {t('diagram.moreHosts', { count: formatNumber(data.hidden, locale) })}
        </a>
      )}
      <Handles />
    </div>
  );
}

function StoragePoolNodeView({ id, data }: NodeProps<StoragePoolNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const rows = useRows(SIZES.storagepool.height);
  if (rows === 0 && !selected) return <Tile color={data.color} />;
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
        <span className={classes.meta}>{stateLabel(t, data.state)}</span>
      </div>
      {rows >= 2 && (
        <div className={classes.meta}>
          {t('diagram.kind.storagepool')}
          {data.total !== undefined
            ? ` · ${formatBytes(data.used ?? 0, locale)} / ${formatBytes(data.total, locale)}`
            : ''}
        </div>
      )}
      {rows >= 3 && <UsageRow label={t('diagram.used')} use={data.use} />}
      <Handles />
    </div>
  );
}

function ImageStoreNodeView({ id, data }: NodeProps<ImageStoreNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(id);
  const rows = useRows(SIZES.imagestore.height);
  if (rows === 0 && !selected) return <Tile color={data.color} />;
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
      {rows >= 2 && (
        <div className={classes.meta}>
          {t('diagram.kind.imagestore')}
          {data.total !== undefined
            ? ` · ${formatBytes(data.used ?? 0, locale)} / ${formatBytes(data.total, locale)}`
            : ''}
        </div>
      )}
      {rows >= 3 && <UsageRow label={t('diagram.used')} use={data.use} />}
      <Handles />
    </div>
  );
}

/** Memoised node components: a node re-renders only when its own data, selection or rows change. */
export const NODE_TYPES: NodeTypes = {
  zone: memo(ZoneNodeView),
  pod: memo(PodNodeView),
  cluster: memo(ClusterNodeView),
  clustercard: memo(ClusterCardNodeView),
  label: memo(LabelNodeView),
  host: memo(HostNodeView),
  hostgroup: memo(HostGroupNodeView),
  clustergroup: memo(ClusterGroupNodeView),
  more: memo(MoreNodeView),
  storagepool: memo(StoragePoolNodeView),
  imagestore: memo(ImageStoreNodeView),
};
