import type { CSSProperties } from 'react';
import { stateLabel } from '../lib/enum-labels';
import { useT } from '../lib/i18n';
import { stateStyle } from '../lib/states';
import classes from './state-badge.module.css';

/** A state value in the current language (as badges and state filters show it). */
export { stateLabel } from '../lib/enum-labels';

/**
 * A state with its one colour: the same in tables, drawers and the diagram. Plain elements styled
 * like a light badge (a list mounts two per row while it scrolls; a component badge costs more).
 */
export function StateBadge({ state, label }: { state: string | undefined; label?: string }) {
  const t = useT();
  const style = stateStyle(state);
  const text = label ?? (state ? stateLabel(t, state) : t('state.unknown'));
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
