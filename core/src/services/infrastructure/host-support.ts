/** What the host services share: reaching a host's driver, its state changes, tag and URL checks. */
import type { Kysely } from 'kysely';
import { conflict, DomainError, invalidParameter } from '../../domain/errors';
import { message, type ServerMessage } from '../../domain/messages';
import type { HostResourceState, HostStatus } from '../../domain/infrastructure';
import { nowIso } from '../../domain/time';
import type { Database, HostRow } from '../../db/schema';
import {
  HostOperationError,
  InvalidHostRequest,
  type HostTarget,
  type HypervisorDriver,
} from '../../drivers/hypervisor/types';
import type { CoreServices } from '../core-services';

type Db = Kysely<Database>;

/** What the drivers need to reach a host. */
export function hostTarget(h: Pick<HostRow, 'id' | 'uuid' | 'url' | 'zone_id' | 'pod_id' | 'cluster_id'>): HostTarget {
  return { hostId: h.id, uuid: h.uuid, url: h.url, zoneId: h.zone_id, podId: h.pod_id, clusterId: h.cluster_id };
}

/** The driver of a host's hypervisor, or undefined when this build has none for it. */
export function driverFor(services: CoreServices, hypervisorType: string): HypervisorDriver | undefined {
  return services.hypervisors.find(hypervisorType);
}

/** The driver of a host, or a 431 naming the hypervisor this build lacks. */
export function requireDriver(services: CoreServices, host: HostRow): HypervisorDriver {
  const driver = driverFor(services, host.hypervisor_type);
  if (!driver) {
    throw invalidParameter(
      'HYPERVISOR.UNSUPPORTED',
      message('error.host.unsupportedHypervisor', { name: host.name, hypervisor: host.hypervisor_type }),
    );
  }
  return driver;
}

/**
 * A driver failure as an API error: a request the driver cannot take (a malformed URL) is 431,
 * a host that fails or does not answer is 530 with the driver's (safe) message.
 */
export function hostFailure(error: unknown, failed: (reason: string) => ServerMessage): unknown {
  if (error instanceof InvalidHostRequest) return invalidParameter('HOST.BAD_URL', error.translatable);
  if (!(error instanceof HostOperationError)) return error;
  return new DomainError('internal', 'HOST.OPERATION_FAILED', failed(error.message));
}

export function normalizeTags(tags: string[] | undefined): string[] {
  if (!tags) return [];
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag.length === 0) continue;
    if (tag.length > 255)
      throw invalidParameter('HOST.BAD_TAG', message('error.host.tagTooLong', { tag: tag.slice(0, 40) }));
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

/**
 * A URL names one host within a cluster. CloudStack's Simulator takes the same URL in another
 * cluster (its sample advdualzone.cfg does that), so the rule is per cluster, not per zone.
 */
export async function urlTaken(db: Db, clusterId: number, url: string): Promise<boolean> {
  const row = await db
    .selectFrom('hosts')
    .select('id')
    .where('url', '=', url)
    .where('cluster_id', '=', clusterId)
    .where('removed', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export const duplicateUrl = (url: string, cluster: string) =>
  conflict('HOST.DUPLICATE_URL', message('error.host.duplicateUrl', { url, cluster }));

/** Tells open screens that hosts changed state (CloudStack records no event for heartbeats). */
export function publishHostState(services: CoreServices, ids: string[]): void {
  services.events.publish({
    kind: 'resource',
    scope: { accountId: null, domainId: null },
    resource: { type: 'Host', ids, change: 'state' },
  });
}

export async function setHostStatus(services: CoreServices, host: HostRow, status: HostStatus): Promise<void> {
  await services.store.db
    .updateTable('hosts')
    .set({ status, status_changed: nowIso() })
    .where('id', '=', host.id)
    .where('removed', 'is', null)
    .execute();
  publishHostState(services, [host.uuid]);
}

export async function setHostResourceState(
  services: CoreServices,
  host: HostRow,
  state: HostResourceState,
): Promise<void> {
  await services.store.db
    .updateTable('hosts')
    .set({ resource_state: state })
    .where('id', '=', host.id)
    .where('removed', 'is', null)
    .execute();
  publishHostState(services, [host.uuid]);
}
