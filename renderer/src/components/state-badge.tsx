import { Badge } from '@mantine/core';
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

/** A state with its one colour: the same in tables, drawers and the diagram. */
export function StateBadge({ state, label }: { state: string | undefined; label?: string }) {
  const t = useT();
  const style = stateStyle(state);
  const key = LABELS[(state ?? '').toLowerCase()];
  const text = label ?? (key ? t(key) : (state ?? t('state.unknown')));
  return (
    <Badge
      color={style.color}
      variant="light"
      leftSection={<span className={classes.dot} data-animated={style.animated || undefined} />}
      className={style.struck ? classes.struck : undefined}
      data-state={(state ?? '').toLowerCase()}
    >
      {text}
    </Badge>
  );
}
