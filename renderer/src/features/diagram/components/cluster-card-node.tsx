import { IconLayoutGrid, IconServer2 } from '@tabler/icons-react';
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

/** Wide enough on screen (px) for a problem host's state beside its name (else its dot says it). */
const CHIP_STATE_WIDTH = 170;

function ProblemChip({ host, clusterId, withState }: { host: ProblemHost; clusterId: string; withState: boolean }) {
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
      title={`${host.name}: ${stateLabel(t, host.state)}`}
    >
      <span className={classes.dot} />
      <span className={classes.chipName}>{host.name}</span>
      {withState && <span className={classes.chipState}>{stateLabel(t, host.state)}</span>}
    </button>
  );
}

/** Narrower than this on screen (px), a healthy card says "All Up" with its green dot only. */
const ALL_UP_WIDTH = 136;

/**
 * Room on screen (px) for "20 hosts" beside the problem counts: the words and each count's dot,
 * number and state. Narrower, the host count is a server icon and the number (the words in its
 * tooltip), never a word cut in the middle.
 */
const hostWordsWidth = (problemCount: number) => 150 + 60 * problemCount;

/** "20 hosts · 2 Down · 1 Alert" (or "All Up"), the problems in their state colours. */
function CardCounts({ data, screenWidth }: { data: ClusterCardNodeType['data']; screenWidth: number }) {
  const t = useT();
  const locale = useLocale();
  const { problems } = data.content;
  const hosts =
    data.hostcount === 1
      ? t('diagram.card.oneHost')
      : t('diagram.card.hosts', { count: formatNumber(data.hostcount, locale) });
  const compact = problems.length > 0 && screenWidth < hostWordsWidth(problems.length);
  return (
    <div className={classes.row}>
      {compact ? (
        <span className={classes.cardCount} title={hosts} aria-label={hosts} data-testid="card-hosts" data-compact>
          <IconServer2 size={12} className={classes.countIcon} aria-hidden />
          {formatNumber(data.hostcount, locale)}
        </span>
      ) : (
        <span className={classes.cardCount} data-testid="card-hosts">
          {hosts}
        </span>
      )}
      <span className={classes.counts} data-testid="card-counts">
        {problems.length === 0 ? (
          <span
            className={classes.count}
            style={stateVars(data.hostcount > 0 ? 'green' : 'gray')}
            title={t('diagram.card.allUp')}
          >
            <span className={classes.dot} />
            {data.hostcount === 0
              ? t('diagram.card.noHosts')
              : screenWidth >= ALL_UP_WIDTH
                ? t('diagram.card.allUp')
                : null}
          </span>
        ) : (
          problems.map((p) => (
            <span key={p.state} className={classes.count} style={stateVars(p.color)} data-state={p.state.toLowerCase()}>
              <span className={classes.dot} />
              {t('diagram.card.problem', { count: formatNumber(p.count, locale), state: stateLabel(t, p.state) })}
            </span>
          ))
        )}
      </span>
    </div>
  );
}

/**
 * A cluster zoomed out: its name, host count and the hosts that need attention counted by state,
 * then those hosts by name (worst first, "+N more"), then CPU and memory, as far as the card has
 * room on screen. A host named here opens as a click on its tile does.
 */
export function ClusterCardNodeView({ data, width, height }: NodeProps<ClusterCardNodeType>) {
  const t = useT();
  const locale = useLocale();
  const selected = useSelected(nodeId('cluster', data.clusterId));
  const rowCount = useRows(height ?? 0);
  const screenWidth = useScreenWidth(width ?? 0);
  const common = {
    style: stateVars(data.color),
    'data-testid': 'diagram-card',
    'data-name': data.name,
    'data-color': data.color,
    'data-colors': data.colors.join(' '),
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
  return (
    <div className={classes.card} {...common}>
      <StateBar data={data} />
      <div className={classes.row}>
        {screenWidth >= 120 && <IconLayoutGrid size={15} className={classes.icon} />}
        <span className={classes.title} data-testid="card-name">
          {data.name}
        </span>
      </div>
      {rows.counts && <CardCounts data={data} screenWidth={screenWidth} />}
      {data.content.problemHosts.slice(0, rows.hosts).map((host) => (
        <ProblemChip key={host.id} host={host} clusterId={data.clusterId} withState={screenWidth >= CHIP_STATE_WIDTH} />
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
