/** The hosts that carry a primary storage pool: attaching and detaching pools through them. */
import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors';
import { message, type ServerMessage } from '../../domain/messages';
import type { Database, StoragePoolRow } from '../../db/schema';
import {
  HostOperationError,
  type HostTarget,
  type HypervisorDriver,
  type StoragePoolStats,
  type StoragePoolTarget,
} from '../../drivers/hypervisor/types';
import type { CoreServices } from '../core-services';

type Db = Kysely<Database>;

function driverFor(services: CoreServices, hypervisor: string): HypervisorDriver {
  const driver = services.hypervisors.find(hypervisor);
  if (!driver) {
    throw new DomainError(
      'unsupported',
      'STORAGE_POOL.HYPERVISOR',
      message('error.storagePool.unsupportedHypervisor', { hypervisor }),
    );
  }
  return driver;
}

/** Which hosts can reach a pool. */
export interface PoolScope {
  scope: string;
  zone_id: number;
  cluster_id: number | null;
  hypervisor: string | null;
}

/** Up and Enabled hosts that can reach a pool of this scope, oldest first (at most `limit`). */
async function upHostsFor(db: Db, pool: PoolScope, limit: number): Promise<(HostTarget & { name: string })[]> {
  let q = db
    .selectFrom('hosts')
    .select(['id', 'uuid', 'name', 'url', 'zone_id', 'pod_id', 'cluster_id'])
    .where('removed', 'is', null)
    .where('type', '=', 'Routing')
    .where('status', '=', 'Up')
    .where('resource_state', '=', 'Enabled');
  if (pool.scope === 'ZONE') {
    q = q.where('zone_id', '=', pool.zone_id);
    if (pool.hypervisor !== null) q = q.where('hypervisor_type', '=', pool.hypervisor);
  } else {
    q = q.where('cluster_id', '=', pool.cluster_id ?? -1);
  }
  const rows = await q.orderBy('id').limit(limit).execute();
  return rows.map((h) => ({
    hostId: h.id,
    uuid: h.uuid,
    name: h.name,
    url: h.url,
    zoneId: h.zone_id,
    podId: h.pod_id,
    clusterId: h.cluster_id,
  }));
}

/** How many Up hosts are tried in turn before an attach or detach is given up. */
const HOST_ATTEMPTS = 5;

function hostFailure(e: unknown): string {
  if (e instanceof HostOperationError) return e.message;
  throw e;
}

/**
 * Attaches a pool through the first Up host that manages it (CloudStack's CreateStoragePoolCommand
 * and ModifyStoragePoolCommand) and returns its size. CloudStack then connects every other host of
 * the scope (connectHostsToPool); Stackyard attaches through one host until a driver needs the pool
 * on every host (the KVM driver will define it on each host when it connects).
 */
export async function attachThroughHost(
  services: CoreServices,
  pool: PoolScope,
  target: StoragePoolTarget,
  noHost: ServerMessage,
): Promise<StoragePoolStats> {
  const hosts = await upHostsFor(services.store.db, pool, HOST_ATTEMPTS);
  if (hosts.length === 0) {
    throw new DomainError('internal', 'STORAGE_POOL.NO_HOST', noHost);
  }
  const driver = driverFor(services, pool.hypervisor ?? '');
  let last = { host: '', reason: '' };
  for (const host of hosts) {
    try {
      return await driver.attachStoragePool(host, target);
    } catch (e) {
      last = { host: host.name, reason: hostFailure(e) };
    }
  }
  throw new DomainError('internal', 'STORAGE_POOL.ATTACH_FAILED', message('error.storagePool.attachFailed', last));
}

/** Detaches a pool through an Up host of its scope; returns false when a host refused, true otherwise (also with no host). */
export async function detachThroughHost(
  services: CoreServices,
  pool: PoolScope & Pick<StoragePoolRow, 'uuid' | 'url' | 'pool_type'>,
): Promise<{ ok: boolean; error?: string }> {
  const hosts = await upHostsFor(services.store.db, pool, HOST_ATTEMPTS);
  if (hosts.length === 0) return { ok: true };
  const driver = driverFor(services, pool.hypervisor ?? '');
  const target = { uuid: pool.uuid, url: pool.url, poolType: pool.pool_type };
  let error = '';
  for (const host of hosts) {
    try {
      await driver.detachStoragePool(host, target);
      return { ok: true };
    } catch (e) {
      error = `host ${host.name}: ${hostFailure(e)}`;
    }
  }
  return { ok: false, error };
}
