import type { CSSProperties } from 'react';
import { useT, type MessageKey } from '../lib/i18n';
import { stateStyle } from '../lib/states';
import classes from './state-badge.module.css';

const LABELS: Record<string, MessageKey> = {
  enabled: 'state.enabled',
  disabled: 'state.disabled',
  locked: 'state.locked',
  active: 'state.active',
  inactive: 'state.inactive',
};

/**
 * A state with its one colour: the same in tables, drawers and the diagram. Plain elements styled
 * like a light badge (a list mounts two per row while it scrolls; a component badge costs more).
 */
export function StateBadge({ state, label }: { state: string | undefined; label?: string }) {
  const t = useT();
  const style = stateStyle(state);
  const key = LABELS[(state ?? '').toLowerCase()];
  const text = label ?? (key ? t(key) : (state ?? t('state.unknown')));
  return (
    <span
      className={style.struck ? `${classes.badge} ${classes.struck}` : classes.badge}
      style={
        {
          '--state-color': `var(--mantine-color-${style.color}-light-color)`,
          '--state-bg': `var(--mantine-color-${style.color}-light)`,
        } as CSSProperties
      }
      data-state={(state ?? '').toLowerCase()}
    >
      <span className={classes.dot} data-animated={style.animated || undefined} />
      <span className={classes.label}>{text}</span>
    </span>
  );
}
