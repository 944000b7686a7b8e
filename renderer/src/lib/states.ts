/**
 * One meaning per colour everywhere (UI.md): Running/Up/Enabled green; transitional blue and
 * animated; Stopped/Disabled grey; Alert amber; Down/Error red; Maintenance violet; Destroyed
 * struck-through grey. Locked accounts and users are amber: they need an operator's attention.
 */
export interface StateStyle {
  color: string;
  animated?: boolean;
  struck?: boolean;
}

const STYLES: Record<string, StateStyle> = {
  enabled: { color: 'green' },
  running: { color: 'green' },
  up: { color: 'green' },
  active: { color: 'green' },
  ready: { color: 'green' },
  allow: { color: 'green' },
  starting: { color: 'blue', animated: true },
  stopping: { color: 'blue', animated: true },
  migrating: { color: 'blue', animated: true },
  connecting: { color: 'blue', animated: true },
  prepareformaintenance: { color: 'blue', animated: true },
  creating: { color: 'blue', animated: true },
  cancelmaintenance: { color: 'blue', animated: true },
  stopped: { color: 'gray' },
  disabled: { color: 'gray' },
  inactive: { color: 'gray' },
  locked: { color: 'yellow' },
  alert: { color: 'yellow' },
  disconnected: { color: 'yellow' },
  warn: { color: 'yellow' },
  down: { color: 'red' },
  error: { color: 'red' },
  errorinmaintenance: { color: 'red' },
  deny: { color: 'red' },
  maintenance: { color: 'violet' },
  destroyed: { color: 'gray', struck: true },
  expunging: { color: 'gray', struck: true },
};

export function stateStyle(state: string | undefined): StateStyle {
  return STYLES[(state ?? '').toLowerCase()] ?? { color: 'gray' };
}

/** Defaults of CloudStack's capacity thresholds (notification 0.75, disable 0.85). */
export const CAPACITY_THRESHOLDS = { notify: 0.75, disable: 0.85 } as const;

/**
 * The colour of a capacity use (0..1): green below the notification threshold, amber above it,
 * red above the disable threshold (UI.md: one meaning per colour).
 */
export function capacityColor(
  fraction: number,
  thresholds: { notify: number; disable: number } = CAPACITY_THRESHOLDS,
): 'green' | 'yellow' | 'red' {
  if (fraction >= thresholds.disable) return 'red';
  if (fraction >= thresholds.notify) return 'yellow';
  return 'green';
}
