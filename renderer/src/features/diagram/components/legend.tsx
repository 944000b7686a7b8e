import type { CSSProperties } from 'react';
import { useT, type MessageKey } from '../../../lib/i18n';
import { CAPACITY_THRESHOLDS } from '../../../lib/states';
import { useDiagramStore } from '../lib/diagram-store';
import { paletteColor } from './node-parts';
import classes from './diagram.module.css';

const STATES: { key: MessageKey; color: string; animated?: boolean }[] = [
  { key: 'diagram.legend.up', color: 'green' },
  { key: 'diagram.legend.transitional', color: 'blue', animated: true },
  { key: 'diagram.legend.disabled', color: 'gray' },
  { key: 'diagram.legend.alert', color: 'yellow' },
  { key: 'diagram.legend.down', color: 'red' },
  { key: 'diagram.legend.maintenance', color: 'violet' },
];

const swatch = (color: string) => ({ '--state-color': paletteColor(color) }) as CSSProperties;

/**
 * What the colours mean, in a bar of its own under the canvas (it never covers the diagram): the
 * host states, each a toggle that highlights the hosts and clusters in that state, then the
 * capacity bars' thresholds.
 */
export function Legend() {
  const t = useT();
  const highlight = useDiagramStore((s) => s.highlight);
  const setHighlight = useDiagramStore((s) => s.setHighlight);
  const notify = Math.round(CAPACITY_THRESHOLDS.notify * 100);
  const disable = Math.round(CAPACITY_THRESHOLDS.disable * 100);
  const capacity: { label: string; color: string }[] = [
    { label: t('diagram.legend.capacityOk', { notify }), color: 'green' },
    { label: t('diagram.legend.capacityNotify', { notify }), color: 'yellow' },
    { label: t('diagram.legend.capacityDisable', { disable }), color: 'red' },
  ];
  return (
    <div className={classes.legend} data-testid="diagram-legend" role="group" aria-label={t('diagram.legend.title')}>
      <div className={classes.legendGroup}>
        <span className={classes.legendTitle}>{t('diagram.legend.states')}</span>
        {STATES.map((s) => (
          <button
            key={s.key}
            type="button"
            className={classes.legendItem}
            style={swatch(s.color)}
            aria-pressed={highlight === s.color}
            title={t('diagram.legend.highlight')}
            onClick={() => setHighlight(highlight === s.color ? null : s.color)}
            data-testid={`legend-${s.color}`}
          >
            <span className={classes.swatch} data-animated={s.animated || undefined} />
            {t(s.key)}
          </button>
        ))}
      </div>
      <div className={classes.legendGroup}>
        <span className={classes.legendTitle}>{t('diagram.legend.capacity')}</span>
        {capacity.map((c) => (
          <span key={c.color} className={classes.legendStatic}>
            <span className={classes.swatch} style={swatch(c.color)} />
            {c.label}
          </span>
        ))}
      </div>
    </div>
  );
}
