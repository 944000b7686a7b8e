import type { CSSProperties } from 'react';
import { useT, type MessageKey, type Translate } from '../lib/i18n';
import { en } from '../lib/locales/en';
import { stateStyle } from '../lib/states';
import classes from './state-badge.module.css';

/** The message key of a state value, when the locales name it (`Up` -> `state.up`). */
function labelKey(state: string | undefined): MessageKey | undefined {
  const key = `state.${(state ?? '').toLowerCase()}`;
  return key in en ? (key as MessageKey) : undefined;
}

/** A state value in the current language (as badges and state filters show it). */
export function stateLabel(t: Translate, state: string): string {
  const key = labelKey(state);
  return key ? t(key) : state;
}

/**
 * A state with its one colour: the same in tables, drawers and the diagram. Plain elements styled
 * like a light badge (a list mounts two per row while it scrolls; a component badge costs more).
 */
export function StateBadge({ state, label }: { state: string | undefined; label?: string }) {
  const t = useT();
  const style = stateStyle(state);
  const key = labelKey(state);
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
