import { Skeleton, Text } from '@mantine/core';
import { Fragment, type CSSProperties } from 'react';
import { isProblemState } from '../lib/health';
import { formatNumber, useLocale, useT, type MessageKey } from '../lib/i18n';
import { stateStyle } from '../lib/states';
import classes from './health-strip.module.css';

const LABELS: Readonly<Record<string, MessageKey>> = {
  Up: 'health.state.Up',
  Down: 'health.state.Down',
  Error: 'health.state.Error',
  Alert: 'health.state.Alert',
  Disconnected: 'health.state.Disconnected',
  Connecting: 'health.state.Connecting',
  Creating: 'health.state.Creating',
  ErrorInMaintenance: 'health.state.ErrorInMaintenance',
  PrepareForMaintenance: 'health.state.PrepareForMaintenance',
  Maintenance: 'health.state.Maintenance',
  CancelMaintenance: 'health.state.CancelMaintenance',
  Disabled: 'health.state.Disabled',
};

export interface HealthStripProps {
  /** The group's name for screen readers ("Host health"). */
  label: string;
  /** A short visible lead ("Hosts"), if the strip needs one. */
  title?: string;
  /** Counts by state; undefined while loading. */
  counts: Partial<Record<string, number>> | undefined;
  /** The parts in the order shown; states with no count are hidden unless in `always`. */
  order: readonly string[];
  always?: readonly string[];
  /** Each part a link (the dashboard). */
  hrefFor?(state: string): string;
  /** Each part a toggle that filters the list it heads; undefined clears the filter. */
  onSelect?(state: string | undefined): void;
  /** The part whose filter the list shows. */
  active?: string;
  testId?: string;
}

/**
 * "294 Up · 3 Down · 2 Disconnected · 5 Maintenance": counts by state in the states' colours,
 * problems tinted, each part a link or a filter toggle.
 */
export function HealthStrip(props: HealthStripProps) {
  const t = useT();
  const locale = useLocale();
  const counts = props.counts;
  const extra = Object.keys(counts ?? {}).filter((s) => !props.order.includes(s));
  const shown = [...props.order, ...extra].filter((s) => (counts?.[s] ?? 0) > 0 || props.always?.includes(s));
  return (
    <div role="group" aria-label={props.label} className={classes.strip} data-testid={props.testId}>
      {props.title && (
        <Text span size="sm" className={classes.title}>
          {props.title}
        </Text>
      )}
      {counts === undefined ? (
        <Skeleton h={20} w={180} />
      ) : shown.length === 0 ? (
        <Text span size="sm" c="dimmed">
          {t('health.none')}
        </Text>
      ) : (
        shown.map((state, i) => {
          const key = LABELS[state];
          const text = t('health.part', {
            count: formatNumber(counts[state] ?? 0, locale),
            state: key ? t(key) : state,
          });
          return (
            <Fragment key={state}>
              {i > 0 && (
                <span aria-hidden className={classes.sep}>
                  ·
                </span>
              )}
              <Part
                state={state}
                text={text}
                href={props.hrefFor?.(state)}
                onSelect={props.onSelect}
                active={props.active === state}
                hint={t(props.active === state ? 'health.clearPart' : 'health.showPart', { part: text })}
              />
            </Fragment>
          );
        })
      )}
    </div>
  );
}

function Part(props: {
  state: string;
  text: string;
  href?: string;
  onSelect?(state: string | undefined): void;
  active: boolean;
  hint: string;
}) {
  const style = stateStyle(props.state);
  const common = {
    className: classes.part,
    'data-testid': `health-part-${props.state}`,
    'data-state': props.state.toLowerCase(),
    'data-problem': isProblemState(props.state) || undefined,
    'data-active': props.active || undefined,
    style: {
      '--part-color': `var(--mantine-color-${style.color}-filled)`,
      '--part-tint': `var(--mantine-color-${style.color}-light)`,
    } as CSSProperties,
  };
  const content = (
    <>
      <span aria-hidden className={classes.dot} data-animated={style.animated || undefined} />
      {props.text}
    </>
  );
  if (props.href !== undefined) {
    return (
      <a href={props.href} {...common}>
        {content}
      </a>
    );
  }
  if (props.onSelect) {
    const select = props.onSelect;
    return (
      <button
        type="button"
        aria-pressed={props.active}
        title={props.hint}
        onClick={() => select(props.active ? undefined : props.state)}
        {...common}
      >
        {content}
      </button>
    );
  }
  return <span {...common}>{content}</span>;
}
