import { IconBuildingFactory2, IconWorld } from '@tabler/icons-react';
import type { NodeProps } from '@xyflow/react';
import { useLocale, useT } from '../../../lib/i18n';
import { fastNumber as formatNumber } from '../lib/format';
import type { LabelNode as LabelNodeType } from '../lib/layout';
import { stateVars, useSelected } from './node-parts';
import { useRows } from './use-zoom';
import classes from './diagram.module.css';

/**
 * The name of a zone or a pod in the band above it, at its screen size whatever the zoom. A zone's
 * name is always drawn (zoomed far out it may reach above its band); a pod's when its band holds
 * it.
 */
export function LabelNodeView({ data, height }: NodeProps<LabelNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(data.target);
  const rows = useRows(height ?? 0);
  const zone = data.of === 'zone';
  if (!zone && rows === 0) return <div className={classes.band} />;
  const counts = zone
    ? t('diagram.counts', {
        pods: formatNumber(data.pods ?? 0, locale),
        clusters: formatNumber(data.clusters, locale),
        hosts: formatNumber(data.hosts, locale),
      })
    : t('diagram.podCounts', {
        clusters: formatNumber(data.clusters, locale),
        hosts: formatNumber(data.hosts, locale),
      });
  const Icon = zone ? IconWorld : IconBuildingFactory2;
  return (
    <div className={classes.band} data-testid={`diagram-label-${data.of}`} data-selected={selected || undefined}>
      <div className={`${classes.bandLabel} ${zone ? classes.bandZone : ''}`} style={stateVars(data.color)}>
        <Icon size={16} className={classes.icon} />
        <span className={classes.bandName}>{data.name}</span>
        <span className={classes.bandMeta}>
          {zone ? t('diagram.kind.zone') : t('diagram.kind.pod')} · {counts}
        </span>
      </div>
    </div>
  );
}
