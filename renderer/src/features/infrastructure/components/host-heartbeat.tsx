import { IconAlertTriangle } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { stateLabel } from '../../../components/state-badge';
import type { Host } from '../../../lib/contract';
import { formatDateTime, formatRelative, parseCloudDate, useLocale, useT, type Locale } from '../../../lib/i18n';
import { useNowFor } from '../../../lib/now';
import { stateStyle } from '../../../lib/states';
import { isHeartbeatLate, outageOf, shortRelative } from '../lib/heartbeat';
import classes from './host-heartbeat.module.css';

/** The shared clock may be a tick behind a moment just fetched: never "in 1 second". */
function relative(value: string, locale: Locale, now: number, compact: boolean): string {
  const at = parseCloudDate(value)?.getTime() ?? now;
  return compact ? shortRelative(at, now, locale) : formatRelative(value, locale, Math.max(now, at));
}

/**
 * When a host last answered a heartbeat ("12 seconds ago", counting), with the time as its title;
 * marked with a warning sign when it was older than the heartbeat window when the host was read. A host that is not Up says
 * since when instead ("Disconnected since 3 minutes ago"), after a dot of its state's colour.
 * `compact` (lists, next to the state badge): short times, and "since 3 min. ago" with the state
 * and the date in the title.
 */
export function HostHeartbeat({
  host,
  windowMs,
  asOf,
  testId,
  compact = false,
}: {
  host: Host;
  windowMs: number;
  /** When `host` was read (ms): a heartbeat is late when it was already older than the window then. */
  asOf: number;
  testId?: string;
  compact?: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const outage = outageOf(host);
  const now = useNowFor(parseCloudDate(outage?.since ?? host.lastpinged)?.getTime());
  if (outage) {
    const state = stateLabel(t, outage.state);
    const color = { '--heartbeat-color': `var(--mantine-color-${stateStyle(outage.state).color}-filled)` };
    return (
      <span
        className={classes.heartbeat}
        style={color as CSSProperties}
        title={t('hostDetails.since', { state, when: formatDateTime(outage.since, locale) })}
        data-testid={testId}
        data-since={outage.since}
      >
        <span className={classes.dot} aria-hidden />
        {compact
          ? t('hostDetails.sinceShort', { when: relative(outage.since, locale, now, true) })
          : t('hostDetails.since', { state, when: relative(outage.since, locale, now, false) })}
      </span>
    );
  }
  if (!host.lastpinged) {
    return (
      <span className={`${classes.heartbeat} ${classes.never}`} data-testid={testId}>
        {t('hostDetails.heartbeat.never')}
      </span>
    );
  }
  // Judged when the host was read, not now: between two reads the heartbeats go on unseen.
  const late = isHeartbeatLate(host, asOf, windowMs);
  const lateText = t('hostDetails.heartbeat.late', { seconds: Math.round(windowMs / 1000) });
  const when = formatDateTime(host.lastpinged, locale);
  return (
    <span
      className={classes.heartbeat}
      title={late ? `${when} · ${lateText}` : when}
      data-testid={testId}
      data-late={late || undefined}
    >
      {late && <IconAlertTriangle size={13} className={classes.warning} aria-label={lateText} role="img" />}
      <time dateTime={parseCloudDate(host.lastpinged)?.toISOString()}>
        {relative(host.lastpinged, locale, now, compact)}
      </time>
    </span>
  );
}
