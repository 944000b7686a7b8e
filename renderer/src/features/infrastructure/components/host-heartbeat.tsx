import { IconAlertTriangle } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { stateLabel } from '../../../components/state-badge';
import type { Host } from '../../../lib/contract';
import { formatDateTime, formatRelative, parseCloudDate, useLocale, useT, type Locale } from '../../../lib/i18n';
import { useNowFor } from '../../../lib/now';
import { stateStyle } from '../../../lib/states';
import { isHeartbeatLate, outageOf } from '../lib/heartbeat';
import classes from './host-heartbeat.module.css';

/** The shared clock may be a tick behind a moment just fetched: never "in 1 second". */
const relative = (value: string, locale: Locale, now: number) =>
  formatRelative(value, locale, Math.max(now, parseCloudDate(value)?.getTime() ?? now));

/**
 * When a host last answered a heartbeat ("12 seconds ago", counting), with the time as its title;
 * marked with a warning sign when older than the heartbeat window. A host that is not Up says
 * since when instead ("Disconnected since 3 minutes ago"), after a dot of its state's colour.
 */
export function HostHeartbeat({ host, windowMs, testId }: { host: Host; windowMs: number; testId?: string }) {
  const t = useT();
  const locale = useLocale();
  const outage = outageOf(host);
  const now = useNowFor(parseCloudDate(outage?.since ?? host.lastpinged)?.getTime());
  if (outage) {
    const color = { '--heartbeat-color': `var(--mantine-color-${stateStyle(outage.state).color}-filled)` };
    return (
      <span
        className={classes.heartbeat}
        style={color as CSSProperties}
        title={formatDateTime(outage.since, locale)}
        data-testid={testId}
        data-since={outage.since}
      >
        <span className={classes.dot} aria-hidden />
        {t('hostDetails.since', { state: stateLabel(t, outage.state), when: relative(outage.since, locale, now) })}
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
  const late = isHeartbeatLate(host, now, windowMs);
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
      <time dateTime={parseCloudDate(host.lastpinged)?.toISOString()}>{relative(host.lastpinged, locale, now)}</time>
    </span>
  );
}
