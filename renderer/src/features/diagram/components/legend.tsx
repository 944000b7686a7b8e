import { UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useState, type CSSProperties } from 'react';
import { useT, type MessageKey } from '../../../lib/i18n';
import { CAPACITY_THRESHOLDS } from '../../../lib/states';
import { paletteColor } from './nodes';
import classes from './diagram.module.css';

const STATES: { key: MessageKey; color: string; animated?: boolean }[] = [
  { key: 'diagram.legend.up', color: 'green' },
  { key: 'diagram.legend.transitional', color: 'blue', animated: true },
  { key: 'diagram.legend.disabled', color: 'gray' },
  { key: 'diagram.legend.alert', color: 'yellow' },
  { key: 'diagram.legend.down', color: 'red' },
  { key: 'diagram.legend.maintenance', color: 'violet' },
];

const STORAGE_KEY = 'stackyard.diagram.legend';

function readOpen(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) !== 'closed';
  } catch {
    return true;
  }
}

function writeOpen(open: boolean): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, open ? 'open' : 'closed');
  } catch {
    // Storage may be unavailable.
  }
}

/** What the colours mean: node states, then the capacity bars' thresholds. */
export function Legend() {
  const t = useT();
  const [open, setOpen] = useState(readOpen);
  const notify = Math.round(CAPACITY_THRESHOLDS.notify * 100);
  const disable = Math.round(CAPACITY_THRESHOLDS.disable * 100);
  const capacity: { label: string; color: string }[] = [
    { label: t('diagram.legend.capacityOk', { notify }), color: 'green' },
    { label: t('diagram.legend.capacityNotify', { notify }), color: 'yellow' },
    { label: t('diagram.legend.capacityDisable', { disable }), color: 'red' },
  ];
  return (
    <div className={classes.legend} data-testid="diagram-legend">
      <UnstyledButton
        onClick={() => {
          setOpen(!open);
          writeOpen(!open);
        }}
        aria-expanded={open}
        style={{ fontSize: 12, fontWeight: 600, display: 'flex', alignItems: 'center', gap: 4 }}
      >
        {open ? <IconChevronDown size={12} /> : <IconChevronRight size={12} />}
        {t('diagram.legend.title')}
      </UnstyledButton>
      {open && (
        <div className={classes.legendGrid}>
          <div>
            {STATES.map((s) => (
              <div key={s.key}>
                <span
                  className={classes.swatch}
                  data-animated={s.animated || undefined}
                  style={{ '--state-color': paletteColor(s.color) } as CSSProperties}
                />
                {t(s.key)}
              </div>
            ))}
          </div>
          <div>
            <div style={{ fontWeight: 600 }}>{t('diagram.legend.capacity')}</div>
            {capacity.map((c) => (
              <div key={c.color}>
                <span className={classes.swatch} style={{ '--state-color': paletteColor(c.color) } as CSSProperties} />
                {c.label}
              </div>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
