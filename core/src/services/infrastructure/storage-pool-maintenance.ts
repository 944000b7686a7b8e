/** Primary storage maintenance (enableStorageMaintenance, cancelStorageMaintenance). */
import { conflict, DomainError, invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import type { StoragePoolStatus } from '../../domain/infrastructure';
import type { StoragePoolEvent } from '../../domain/state-machines/storage-pool-state';
import { storagePoolState } from '../../domain/state-machines/index';
import type { StoragePoolRow } from '../../db/schema';
import type { StoragePoolStats } from '../../drivers/hypervisor/types';
import type { StoragePool } from '../../api/schemas/storage-pools';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import type { Progress } from '../tenancy/shared';
import { requireStoragePool } from './lookups';
import { attachThroughHost, detachThroughHost } from './storage-pool-hosts';
import { storagePoolResponseById } from './storage-pool-responses';

/** Checks before queueing enableStorageMaintenance; returns the pool. */
export async function maintenanceTarget(services: CoreServices, id: string): Promise<StoragePoolRow> {
  const pool = await requireStoragePool(services.store.db, id);
  if (!storagePoolState.can(pool.status, 'PrepareMaintenance')) {
    throw invalidParameter(
      'STORAGE_POOL.STATE',
      message('error.storagePool.notReadyForMaintenance', { id: pool.uuid, state: pool.status }),
    );
  }
  return pool;
}

/** Checks before queueing cancelStorageMaintenance; returns the pool. */
export async function cancelMaintenanceTarget(services: CoreServices, id: string): Promise<StoragePoolRow> {
  const pool = await requireStoragePool(services.store.db, id);
  if (!storagePoolState.can(pool.status, 'CancelMaintenance')) {
    throw invalidParameter(
      'STORAGE_POOL.STATE',
      message('error.storagePool.notReadyToCancelMaintenance', { id: pool.uuid, state: pool.status }),
    );
  }
  return pool;
}

/** Moves a pool along `event` (from whatever state the table allows); false when it changed meanwhile. */
async function setStatus(services: CoreServices, pool: StoragePoolRow, event: StoragePoolEvent): Promise<boolean> {
  const from = storagePoolState.sources(event);
  const to = storagePoolState.next(from[0] as StoragePoolStatus, event, { kind: 'Storage pool', name: pool.name });
  const r = await services.store.db
    .updateTable('storage_pools')
    .set({ status: to })
    .where('id', '=', pool.id)
    .where('status', 'in', from)
    .where('removed', 'is', null)
    .executeTakeFirst();
  const changed = Number(r.numUpdatedRows) > 0;
  if (changed) {
    services.events.publish({
      kind: 'resource',
      scope: { accountId: null, domainId: null },
      resource: { type: 'StoragePool', ids: [pool.uuid], change: 'state' },
    });
  }
  return changed;
}

function changedMeanwhile(pool: StoragePoolRow): DomainError {
  return conflict('STORAGE_POOL.STATE', message('error.storagePool.changed', { name: pool.name }));
}

/**
 * Puts a pool into maintenance: Up (or ErrorInMaintenance) -> PrepareForMaintenance -> Maintenance.
 * Idempotent, so an interrupted job resumes where it stopped (a pool left PrepareForMaintenance
 * continues). A host refusing to let go of the pool leaves it ErrorInMaintenance and fails the job.
 */
export async function enableMaintenance(
  services: CoreServices,
  caller: Caller,
  id: string,
  progress?: Progress,
): Promise<StoragePool> {
  const pool = await requireStoragePool(services.store.db, id);
  if (pool.status === 'Maintenance') return storagePoolResponseById(services, pool.id);
  if (pool.status !== 'PrepareForMaintenance') {
    await maintenanceTarget(services, id);
    if (!(await setStatus(services, pool, 'PrepareMaintenance'))) throw changedMeanwhile(pool);
  }
  // CloudStack now stops or migrates the system VMs and user VMs whose volumes live on the pool.
  // There are no volumes or VMs yet (the VM issue brings them), so nothing has to move.
  await progress?.report(50, `Detaching storage pool ${pool.name} from its hosts`);
  const detached = await detachThroughHost(services, pool);
  if (!detached.ok) {
    await setStatus(services, pool, 'MaintenanceFailed');
    const failed = message('event.storagePool.maintenanceFailed', {
      name: pool.name,
      reason: detached.error ?? 'a host refused',
    });
    await services.events.record({
      type: 'MAINT.PREPARE.PS',
      level: 'ERROR',
      message: failed,
      caller,
      resourceType: 'StoragePool',
      resourceId: pool.uuid,
    });
    throw new DomainError('internal', 'STORAGE_POOL.MAINTENANCE_FAILED', failed);
  }
  if (!(await setStatus(services, pool, 'MaintenanceDone'))) throw changedMeanwhile(pool);
  await services.events.record({
    type: 'MAINT.PREPARE.PS',
    message: message('event.storagePool.inMaintenance', { name: pool.name }),
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
  return storagePoolResponseById(services, pool.id);
}

/** Brings a pool back from maintenance: reattaches it through a host (best effort) and sets it Up. */
export async function cancelMaintenance(
  services: CoreServices,
  caller: Caller,
  id: string,
  progress?: Progress,
): Promise<StoragePool> {
  const pool = await requireStoragePool(services.store.db, id);
  if (pool.status === 'Up') return storagePoolResponseById(services, pool.id);
  await cancelMaintenanceTarget(services, id);
  await progress?.report(50, `Reattaching storage pool ${pool.name}`);
  let stats: StoragePoolStats | undefined;
  try {
    stats = await attachThroughHost(
      services,
      pool,
      { uuid: pool.uuid, url: pool.url, poolType: pool.pool_type },
      message(
        pool.cluster_id === null ? 'error.storagePool.noHostInTheZone' : 'error.storagePool.noHostInTheCluster',
        {},
      ),
    );
  } catch (e) {
    // CloudStack logs hosts that fail to reconnect and still ends maintenance; so do we.
    if (!(e instanceof DomainError)) throw e;
  }
  if (stats) {
    await services.store.db
      .updateTable('storage_pools')
      .set({ used_bytes: stats.usedBytes })
      .where('id', '=', pool.id)
      .execute();
  }
  if (!(await setStatus(services, pool, 'CancelMaintenance'))) throw changedMeanwhile(pool);
  await services.events.record({
    type: 'MAINT.CANCEL.PS',
    message: message('event.storagePool.leftMaintenance', { name: pool.name }),
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
  return storagePoolResponseById(services, pool.id);
}
