import { stateTone, type StateTone } from './contract';

/**
 * One meaning per colour everywhere: Running/Up/Enabled green; transitional blue and
 * animated; Stopped/Disabled grey; Alert amber; Down/Error red; Maintenance violet; Destroyed
 * struck-through grey. Locked accounts and users are amber: they need an operator's attention.
 * What each state means comes from the contract (`stateTone`); this maps the meaning to Mantine.
 */
export interface StateStyle {
  color: string;
  animated?: boolean;
  struck?: boolean;
}

const TONE_STYLES: Readonly<Record<StateTone, StateStyle>> = {
  ok: { color: 'green' },
  busy: { color: 'blue', animated: true },
  off: { color: 'gray' },
  attention: { color: 'yellow' },
  failed: { color: 'red' },
  maintenance: { color: 'violet' },
  gone: { color: 'gray', struck: true },
};

/** The colour (and animation or strike-through) of any state name, matched ignoring case. */
export function stateStyle(state: string | undefined): StateStyle {
  return TONE_STYLES[stateTone(state)];
}

/** Defaults of CloudStack's capacity thresholds (notification 0.75, disable 0.85). */
export const CAPACITY_THRESHOLDS = { notify: 0.75, disable: 0.85 } as const;

/**
 * The colour of a capacity use (0..1): green below the notification threshold, amber above it,
 * red above the disable threshold (one meaning per colour).
 */
export function capacityColor(
  fraction: number,
  thresholds: { notify: number; disable: number } = CAPACITY_THRESHOLDS,
): 'green' | 'yellow' | 'red' {
  if (fraction >= thresholds.disable) return 'red';
  if (fraction >= thresholds.notify) return 'yellow';
  return 'green';
}
