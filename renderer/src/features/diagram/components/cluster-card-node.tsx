import { IconLayoutGrid } from '@tabler/icons-react';
import type { NodeProps } from '@xyflow/react';
import type { CSSProperties, MouseEvent } from 'react';
import { stateLabel } from '../../../components/state-badge';
import { useLocale, useT } from '../../../lib/i18n';
import { cardRows, type ProblemHost } from '../lib/cluster-card';
import { useDiagramStore } from '../lib/diagram-store';
import { fastNumber as formatNumber } from '../lib/format';
import { nodeId, type ClusterCardNode as ClusterCardNodeType } from '../lib/layout';
import { Handles, paletteColor, stateVars, UsageRow, useSelected } from './node-parts';
import { useRows, useScreenWidth } from './use-zoom';
import classes from './diagram.module.css';

/** Narrower than this on screen (px), a card has no room for a name: its colours only. */
const MIN_CARD_TEXT_WIDTH = 56;

function StateBar({ data }: { data: ClusterCardNodeType['data'] }) {
  const total = data.segments.reduce((sum, s) => sum + s.count, 0) || 1;
  return (
    <div className={classes.cardBar} aria-hidden>
      {data.segments.map((s) => (
        <div
          key={s.state}
          className={classes.segment}
          style={{ width: `${(s.count / total) * 100}%`, '--seg': paletteColor(s.color) } as CSSProperties}
        />
      ))}
    </div>
  );
}

function ProblemChip({ host, clusterId }: { host: ProblemHost; clusterId: string }) {
  const t = useT();
  const open = useDiagramStore((s) => s.openHost);
  const selected = useSelected(nodeId('host', host.id));
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    open({ id: host.id, clusterId });
  };
  return (
    <button
      type="button"
      className={`${classes.chip} nodrag nopan`}
      style={stateVars(host.color)}
      onClick={onClick}
      data-testid="card-problem-host"
      data-name={host.name}
      data-state={host.state.toLowerCase()}
      data-color={host.color}
      data-selected={selected || undefined}
    >
      <span className={classes.dot} />
      <span className={classes.title}>{host.name}</span>
      <span className={classes.chipState}>{stateLabel(t, host.state)}</span>
    </button>
  );
}

/**
 * A cluster zoomed out: its name and host count, its hosts that need attention counted by state
 * and named (worst first, "+N more"), then CPU and memory, as far as the card has room on screen.
 * A host named here opens as a click on its tile does.
 */
export function ClusterCardNodeView({ data, width, height }: NodeProps<ClusterCardNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(nodeId('cluster', data.clusterId));
  const rowCount = useRows(height ?? 0);
  const screenWidth = useScreenWidth(width ?? 0);
  const colors = data.colors.join(' ');
  const common = {
    style: stateVars(data.color),
    'data-testid': 'diagram-card',
    'data-name': data.name,
    'data-color': data.color,
    'data-colors': colors,
    'data-selected': selected || undefined,
  };
  if ((rowCount === 0 || screenWidth < MIN_CARD_TEXT_WIDTH) && !selected) {
    return (
      <div className={`${classes.card} ${classes.cardTile}`} {...common}>
        <StateBar data={data} />
        <Handles />
      </div>
    );
  }
  const rows = cardRows(Math.max(rowCount, 1), data.content, data);
  const { problems, problemHosts } = data.content;
  return (
    <div className={classes.card} {...common}>
      <StateBar data={data} />
      <div className={classes.row}>
        <IconLayoutGrid size={15} className={classes.icon} />
        <span className={classes.title} data-testid="card-name">
          {data.name}
        </span>
        <span className={classes.cardCount} data-testid="card-hosts">
          {t('diagram.card.hosts', { count: formatNumber(data.hostcount, locale) })}
        </span>
      </div>
      {rows.counts && (
        <div className={classes.row} data-testid="card-counts">
          {problems.length === 0 ? (
            <span className={classes.count} style={stateVars('green')}>
              <span className={classes.dot} />
              {data.hostcount > 0 ? t('diagram.card.allUp') : t('diagram.card.noHosts')}
            </span>
          ) : (
            problems.map((p) => (
              <span
                key={p.state}
                className={classes.count}
                style={stateVars(p.color)}
                data-state={p.state.toLowerCase()}
              >
                <span className={classes.dot} />
                {formatNumber(p.count, locale)} {stateLabel(t, p.state)}
              </span>
            ))
          )}
        </div>
      )}
      {problemHosts.slice(0, rows.hosts).map((host) => (
        <ProblemChip key={host.id} host={host} clusterId={data.clusterId} />
      ))}
      {rows.more > 0 && (
        <div className={classes.meta} data-testid="card-more">
          {t('diagram.card.more', { count: formatNumber(rows.more, locale) })}
        </div>
      )}
      {rows.usage >= 1 && <UsageRow label={t('diagram.cpu')} use={data.cpu} />}
      {rows.usage >= 2 && <UsageRow label={t('diagram.memory')} use={data.memory} />}
      <Handles />
    </div>
  );
}
