import { HOST_HEALTH_PARTS } from '../lib/contract';
import { useInfrastructureHealth, type HealthScope, type InfrastructureHealth } from '../lib/health';
import { useT } from '../lib/i18n';
import { href } from '../lib/router';
import { HealthStrip } from './health-strip';

/** Pool states in strip order: Up, then problems, then the way into and out of maintenance. */
const POOL_PARTS = [
  'Up',
  'ErrorInMaintenance',
  'Disabled',
  'PrepareForMaintenance',
  'CancelMaintenance',
  'Maintenance',
];

const ALWAYS_UP = ['Up'];

/**
 * The Hosts list filter the host strip reads and sets: listHosts `health`, which lists exactly the
 * hosts a part counts (Up leaves out hosts in maintenance, as the strip does).
 */
export interface HostHealthFilter {
  health?: string;
}

/**
 * The health a strip shows: the one given, or the scope's, fetched. A strip that cannot be read
 * stays out of the way of the list it heads (the dashboard says why).
 */
function useShownHealth(scope: HealthScope, given: InfrastructureHealth | undefined) {
  const query = useInfrastructureHealth(scope, given === undefined);
  const health = given ?? query.data;
  return { health, unreadable: !health && query.error !== null };
}

/**
 * Hosts by health within a scope. Without `filter` each part links to the Hosts list filtered to
 * it (#/hosts?health=Down, ?health=Maintenance); with it, each part sets that filter.
 */
export function HostHealthStrip(props: {
  scope?: HealthScope;
  health?: InfrastructureHealth;
  filter?: HostHealthFilter & { onChange(patch: HostHealthFilter): void };
  title?: string;
  testId?: string;
}) {
  const t = useT();
  const scope = props.scope ?? {};
  const { health, unreadable } = useShownHealth(scope, props.health);
  const filter = props.filter;
  if (unreadable) return null;
  return (
    <HealthStrip
      label={t('health.hosts.label')}
      title={props.title}
      counts={health?.hosts.health}
      order={HOST_HEALTH_PARTS}
      always={ALWAYS_UP}
      hrefFor={filter ? undefined : (state) => href('/hosts', { ...scope, health: state })}
      onSelect={filter ? (state) => filter.onChange({ health: state }) : undefined}
      active={filter?.health}
      testId={props.testId ?? 'host-health'}
    />
  );
}

/** Primary storage pools by state; links to, or sets, the pools list's `status` filter. */
export function PoolHealthStrip(props: {
  scope?: HealthScope;
  health?: InfrastructureHealth;
  filter?: { status?: string; onChange(status: string | undefined): void };
  title?: string;
  testId?: string;
}) {
  const t = useT();
  const scope = props.scope ?? {};
  const { health, unreadable } = useShownHealth(scope, props.health);
  const filter = props.filter;
  if (unreadable) return null;
  return (
    <HealthStrip
      label={t('health.pools.label')}
      title={props.title}
      counts={health?.storagepools.states}
      order={POOL_PARTS}
      hrefFor={filter ? undefined : (state) => href('/primary-storage', { ...scope, status: state })}
      onSelect={filter ? (state) => filter.onChange(state) : undefined}
      active={filter?.status}
      testId={props.testId ?? 'pool-health'}
    />
  );
}
