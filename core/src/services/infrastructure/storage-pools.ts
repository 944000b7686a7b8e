import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import type { Kysely } from 'kysely';
import { conflict, DomainError, invalidParameter } from '../../domain/errors';
import {
  canonicalHypervisor,
  type Hypervisor,
  STORAGE_POOL_STATUSES,
  type StoragePoolScope,
  type StoragePoolStatus,
} from '../../domain/infrastructure';
import { storagePoolState } from '../../domain/state-machines/index';
import { nowIso } from '../../domain/time';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import { BY_ID, inPageOrder, pageOfIds } from '../../db/list-page';
import type { ClusterRow, Database, ZoneRow } from '../../db/schema';
import type { StoragePoolStats } from '../../drivers/hypervisor/types';
import type {
  CreateStoragePoolInput,
  DeleteStoragePoolInput,
  ListStoragePoolsInput,
  StoragePool,
  STORAGE_POOL_SORT_KEYS,
  UpdateStoragePoolInput,
} from '../../api/schemas/storage-pools';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { listOrder, pageWindow } from '../paging';

/** The storage_pools column behind each listStoragePools sort key. */
const STORAGE_POOL_SORT_COLUMNS: Record<(typeof STORAGE_POOL_SORT_KEYS)[number], string> = {
  name: 'name',
  state: 'status',
  scope: 'scope',
  type: 'pool_type',
  ipaddress: 'host_address',
  disksizetotal: 'capacity_bytes',
  disksizeused: 'used_bytes',
  created: 'created',
};

import { keywordPattern, type Progress } from '../tenancy/shared';
import { checkName } from '../../domain/names';
import { requireCluster, requirePod, requireStoragePool, requireZone } from './lookups';
import { attachThroughHost, detachThroughHost, type PoolScope } from './storage-pool-hosts';
import {
  cancelMaintenance,
  cancelMaintenanceTarget,
  enableMaintenance,
  maintenanceTarget,
} from './storage-pool-maintenance';
import { storagePoolResponseById, storagePoolResponses } from './storage-pool-responses';
import { CONTROL_CHARS, parseStorageUrl, type ParsedStorageUrl } from './storage-url';

/**
 * Primary storage pools: creating, updating, deleting and listing them. Maintenance is in
 * storage-pool-maintenance.ts, the hosts a pool is attached through in storage-pool-hosts.ts.
 */

type Db = Kysely<Database>;

/** Storage pool tags as CloudStack takes them: trimmed, non-empty, unique. */
function normalizeTags(tags: string[] | undefined): string[] | undefined {
  if (tags === undefined) return undefined;
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim();
    if (tag.length === 0) continue;
    if (tag.length > 255)
      throw invalidParameter(
        'STORAGE_POOL.BAD_TAG',
        message('error.storagePool.tagTooLong', { tag: tag.slice(0, 32) }),
      );
    if (CONTROL_CHARS.test(tag))
      throw invalidParameter('STORAGE_POOL.BAD_TAG', message('error.storagePool.tagControlChars', {}));
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

function checkCapacity(input: { capacitybytes?: number; capacityiops?: number }): void {
  if (input.capacitybytes !== undefined && input.capacitybytes <= 0)
    throw invalidParameter('STORAGE_POOL.CAPACITY', message('error.storagePool.capacityBytes', {}));
  if (input.capacityiops !== undefined && input.capacityiops <= 0)
    throw invalidParameter('STORAGE_POOL.CAPACITY', message('error.storagePool.capacityIops', {}));
}

const PROVIDERS = ['DefaultPrimary'];

async function nameTaken(db: Db, zoneId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('storage_pools')
    .select('id')
    .where('zone_id', '=', zoneId)
    .where('removed', 'is', null)
    .where(equalsIgnoreCase('name', name));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

/** A live pool on the same server path whose scope overlaps (same cluster, or either one zone-wide). */
async function samePathPool(
  db: Db,
  zoneId: number,
  clusterId: number | null,
  host: string,
  path: string,
): Promise<{ name: string } | undefined> {
  let q = db
    .selectFrom('storage_pools')
    .select('name')
    .where('zone_id', '=', zoneId)
    .where('removed', 'is', null)
    .where(equalsIgnoreCase('host_address', host))
    .where('path', '=', path);
  if (clusterId !== null) q = q.where((eb) => eb.or([eb('cluster_id', '=', clusterId), eb('scope', '=', 'ZONE')]));
  return q.executeTakeFirst();
}

async function lockZone(db: Db, dialect: string, zoneId: number): Promise<void> {
  if (dialect === 'postgres') await db.selectFrom('zones').select('id').where('id', '=', zoneId).forUpdate().execute();
}

// ---------------------------------------------------------------------------------------------
// createStoragePool

/** The provider a new pool uses: DefaultPrimary, the only one, which does not manage storage. */
function providerOf(input: Pick<CreateStoragePoolInput, 'provider' | 'managed'>): string {
  const provider = input.provider?.trim() || 'DefaultPrimary';
  const providerName = PROVIDERS.find((p) => p.toLowerCase() === provider.toLowerCase());
  if (!providerName) {
    throw invalidParameter('STORAGE_POOL.PROVIDER', message('error.storagePool.badProvider', { provider }));
  }
  if (input.managed === true) {
    throw invalidParameter('STORAGE_POOL.MANAGED', message('error.storagePool.managed', {}));
  }
  return providerName;
}

/** Where a new pool lives: its zone, and its pod and cluster when cluster-wide. */
interface Placement {
  scope: Extract<StoragePoolScope, 'CLUSTER' | 'ZONE'>;
  zone: ZoneRow;
  podId: number | null;
  cluster?: ClusterRow;
  hypervisor: Hypervisor;
}

async function clusterPlacement(db: Db, zone: ZoneRow, input: CreateStoragePoolInput): Promise<Placement> {
  if (!input.clusterid) throw invalidParameter('STORAGE_POOL.SCOPE', message('error.storagePool.noCluster', {}));
  const cluster = await requireCluster(db, input.clusterid, 'clusterid');
  if (cluster.zone_id !== zone.id) {
    throw invalidParameter(
      'STORAGE_POOL.SCOPE',
      message('error.storagePool.clusterNotInZone', { cluster: cluster.name, zone: zone.name }),
    );
  }
  if (input.podid) {
    const pod = await requirePod(db, input.podid, 'podid');
    if (pod.id !== cluster.pod_id)
      throw invalidParameter(
        'STORAGE_POOL.SCOPE',
        message('error.storagePool.clusterNotInPod', { cluster: cluster.name, pod: pod.name }),
      );
  }
  const hypervisor = canonicalHypervisor(cluster.hypervisor_type);
  if (!hypervisor)
    throw invalidParameter(
      'STORAGE_POOL.HYPERVISOR',
      message('error.storagePool.unsupportedHypervisor', { hypervisor: cluster.hypervisor_type }),
    );
  return { scope: 'CLUSTER', zone, podId: cluster.pod_id, cluster, hypervisor };
}

/** Cluster scope when a cluster is named, zone scope otherwise (which then needs a hypervisor). */
async function placementOf(db: Db, input: CreateStoragePoolInput): Promise<Placement> {
  const scope = (input.scope ?? (input.clusterid ? 'CLUSTER' : 'ZONE')).trim().toUpperCase();
  if (scope !== 'CLUSTER' && scope !== 'ZONE') {
    throw invalidParameter('STORAGE_POOL.SCOPE', message('error.storagePool.badScope', { scope: String(input.scope) }));
  }
  const zone = await requireZone(db, input.zoneid, 'zoneid');
  if (scope === 'CLUSTER') return clusterPlacement(db, zone, input);
  // Zone-wide pools ignore podid and clusterid, as CloudStack does.
  if (!input.hypervisor) {
    throw invalidParameter('STORAGE_POOL.HYPERVISOR', message('error.storagePool.noHypervisor', {}));
  }
  const hypervisor = canonicalHypervisor(input.hypervisor);
  if (!hypervisor)
    throw invalidParameter(
      'STORAGE_POOL.HYPERVISOR',
      message('error.storagePool.badHypervisor', { value: input.hypervisor }),
    );
  return { scope, zone, podId: null, hypervisor };
}

/** A new pool's name and URL may not be in use in its zone (checked again inside the insert). */
async function checkUnique(db: Db, placement: Placement, name: string, parsed: ParsedStorageUrl): Promise<void> {
  const { zone, cluster } = placement;
  if (await nameTaken(db, zone.id, name))
    throw conflict('STORAGE_POOL.NAME_TAKEN', message('error.storagePool.nameTaken', { name, zone: zone.name }));
  const dup = await samePathPool(db, zone.id, cluster?.id ?? null, parsed.host, parsed.path);
  if (dup) {
    throw conflict(
      'STORAGE_POOL.DUPLICATE_URL',
      message('error.storagePool.duplicateUrl', { host: parsed.host, path: parsed.path, pool: dup.name }),
    );
  }
}

interface NewPool {
  uuid: string;
  name: string;
  provider: string;
  placement: Placement;
  parsed: ParsedStorageUrl;
  tags: string[];
  stats: StoragePoolStats;
  input: CreateStoragePoolInput;
}

/** Inserts an attached pool and its tags; returns its row id. */
async function insertPool(services: CoreServices, p: NewPool): Promise<number> {
  const { zone, cluster } = p.placement;
  return services.store.db.transaction().execute(async (trx) => {
    await lockZone(trx, services.store.dialect, zone.id);
    await checkUnique(trx, p.placement, p.name, p.parsed);
    const row = await trx
      .insertInto('storage_pools')
      .values({
        uuid: p.uuid,
        name: p.name,
        zone_id: zone.id,
        pod_id: p.placement.podId,
        cluster_id: cluster?.id ?? null,
        scope: p.placement.scope,
        pool_type: p.parsed.poolType,
        url: p.parsed.url,
        host_address: p.parsed.host,
        path: p.parsed.path,
        hypervisor: p.placement.hypervisor,
        provider: p.provider,
        capacity_bytes: p.input.capacitybytes ?? p.stats.capacityBytes,
        used_bytes: p.stats.usedBytes,
        allocated_bytes: 0,
        capacity_iops: p.input.capacityiops ?? null,
        status: 'Up',
        created: nowIso(),
        removed: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (p.tags.length > 0) {
      await trx
        .insertInto('storage_pool_tags')
        .values(p.tags.map((tag) => ({ pool_id: row.id, tag })))
        .execute();
    }
    return row.id;
  });
}

export async function createStoragePool(
  services: CoreServices,
  caller: Caller,
  input: CreateStoragePoolInput,
): Promise<StoragePool> {
  const provider = providerOf(input);
  const placement = await placementOf(services.store.db, input);
  const name = checkName(input.name, 'Storage pool name');
  const parsed = parseStorageUrl(input.url);
  checkCapacity(input);
  const tags = normalizeTags(input.tags) ?? [];
  await checkUnique(services.store.db, placement, name, parsed);

  const { zone, cluster, hypervisor } = placement;
  const uuid = crypto.randomUUID();
  const scope: PoolScope = { scope: placement.scope, zone_id: zone.id, cluster_id: cluster?.id ?? null, hypervisor };
  const target = { uuid, url: parsed.url, poolType: parsed.poolType };
  const where = cluster
    ? message('error.storagePool.noHostInCluster', { cluster: cluster.name })
    : message('error.storagePool.noHostInZone', { zone: zone.name, hypervisor });
  const stats = await attachThroughHost(services, scope, target, where);

  let id: number;
  try {
    id = await insertPool(services, { uuid, name, provider, placement, parsed, tags, stats, input });
  } catch (e) {
    // Nothing was written: undo the attach so the host does not keep a pool the inventory lacks.
    await detachThroughHost(services, { ...scope, uuid, url: parsed.url, pool_type: parsed.poolType }).catch(
      () => undefined,
    );
    throw e;
  }
  await services.events.record({
    type: 'STORAGE.POOL.CREATE',
    message: cluster
      ? message('event.storagePool.createdInCluster', { name, url: parsed.url, cluster: cluster.name })
      : message('event.storagePool.createdInZone', { name, url: parsed.url, zone: zone.name, hypervisor }),
    caller,
    resourceType: 'StoragePool',
    resourceId: uuid,
  });
  return storagePoolResponseById(services, id);
}

// ---------------------------------------------------------------------------------------------
// updateStoragePool, deleteStoragePool, listStoragePools

/** The state enabled=true|false moves a pool to, checked against its current state. */
function enabledStatus(
  pool: { uuid: string; status: string },
  enabled: boolean | undefined,
): StoragePoolStatus | undefined {
  if (enabled === undefined) return undefined;
  const to = storagePoolState.target(pool.status, enabled ? 'Enable' : 'Disable');
  if (to === undefined) {
    throw invalidParameter(
      'STORAGE_POOL.STATE',
      message(enabled ? 'error.storagePool.cannotEnable' : 'error.storagePool.cannotDisable', {
        id: pool.uuid,
        state: pool.status,
      }),
    );
  }
  return to;
}

export async function updateStoragePool(
  services: CoreServices,
  caller: Caller,
  input: UpdateStoragePoolInput,
): Promise<StoragePool> {
  const { db } = services.store;
  const pool = await requireStoragePool(db, input.id);
  const name = input.name === undefined ? undefined : checkName(input.name, 'Storage pool name');
  const tags = normalizeTags(input.tags);
  checkCapacity(input);
  const status = enabledStatus(pool, input.enabled);
  await db.transaction().execute(async (trx) => {
    if (name !== undefined && name !== pool.name) {
      await lockZone(trx, services.store.dialect, pool.zone_id);
      if (await nameTaken(trx, pool.zone_id, name, pool.id))
        throw conflict('STORAGE_POOL.NAME_TAKEN', message('error.storagePool.nameTakenInZone', { name }));
    }
    const set = {
      ...(name !== undefined ? { name } : {}),
      ...(input.capacitybytes !== undefined ? { capacity_bytes: input.capacitybytes } : {}),
      ...(input.capacityiops !== undefined ? { capacity_iops: input.capacityiops } : {}),
      ...(status !== undefined ? { status } : {}),
    };
    if (Object.keys(set).length > 0) {
      let q = trx.updateTable('storage_pools').set(set).where('id', '=', pool.id);
      // The state change only applies to the state it was checked against.
      if (status !== undefined) q = q.where('status', '=', pool.status);
      const r = await q.executeTakeFirst();
      if (status !== undefined && Number(r.numUpdatedRows) === 0)
        throw conflict('STORAGE_POOL.STATE', message('error.storagePool.changed', { name: pool.name }));
    }
    if (tags !== undefined) {
      await trx.deleteFrom('storage_pool_tags').where('pool_id', '=', pool.id).execute();
      if (tags.length > 0)
        await trx
          .insertInto('storage_pool_tags')
          .values(tags.map((tag) => ({ pool_id: pool.id, tag })))
          .execute();
    }
  });
  // CloudStack's updateStoragePool records ENABLE.PS / DISABLE.PS when `enabled` is given.
  const enabled = input.enabled;
  await services.events.record({
    type: enabled === undefined ? 'UPDATE.PS' : enabled ? 'ENABLE.PS' : 'DISABLE.PS',
    message: status
      ? message('event.storagePool.stateChanged', { name: name ?? pool.name, state: status })
      : message('event.storagePool.updated', { name: name ?? pool.name }),
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
  return storagePoolResponseById(services, pool.id);
}

export async function deleteStoragePool(
  services: CoreServices,
  caller: Caller,
  input: DeleteStoragePoolInput,
): Promise<void> {
  const { db } = services.store;
  const pool = await requireStoragePool(db, input.id);
  const forced = input.forced === true;
  if (!forced && !storagePoolState.can(pool.status, 'Delete')) {
    throw invalidParameter(
      'STORAGE_POOL.STATE',
      message('error.storagePool.deleteBadState', { name: pool.name, state: pool.status }),
    );
  }
  // A pool in maintenance is already detached; a disabled one (or a forced delete) lets go now.
  if (pool.status !== 'Maintenance') {
    const detached = await detachThroughHost(services, pool);
    if (!detached.ok && !forced) {
      throw new DomainError(
        'internal',
        'STORAGE_POOL.DELETE_FAILED',
        message('error.storagePool.detachFailed', { reason: detached.error ?? '' }),
      );
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('storage_pool_tags').where('pool_id', '=', pool.id).execute();
    await trx.updateTable('storage_pools').set({ removed: nowIso() }).where('id', '=', pool.id).execute();
  });
  await services.events.record({
    type: 'STORAGE.POOL.DELETE',
    message: message('event.storagePool.deleted', { name: pool.name }),
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
}

export async function listStoragePools(
  services: CoreServices,
  input: ListStoragePoolsInput,
): Promise<{ items: StoragePool[]; count: number }> {
  const { db } = services.store;
  const empty = { items: [], count: 0 };
  let zone: ZoneRow | undefined;
  if (input.zoneid) zone = await requireZone(db, input.zoneid, 'zoneid');
  const pod = input.podid ? await requirePod(db, input.podid, 'podid') : undefined;
  const cluster = input.clusterid ? await requireCluster(db, input.clusterid, 'clusterid') : undefined;
  let status: string | undefined;
  if (input.status !== undefined) {
    status = STORAGE_POOL_STATUSES.find((s) => s.toLowerCase() === input.status?.toLowerCase());
    if (!status) return empty;
  }
  const pattern = keywordPattern(input.keyword);
  const filtered = () => {
    let q = db.selectFrom('storage_pools').where('removed', 'is', null);
    if (input.id) q = q.where('uuid', '=', input.id);
    if (input.name) q = q.where(equalsIgnoreCase('name', input.name));
    if (zone) q = q.where('zone_id', '=', zone.id);
    if (pod) q = q.where('pod_id', '=', pod.id);
    if (cluster) q = q.where('cluster_id', '=', cluster.id);
    if (input.ipaddress) q = q.where('host_address', '=', input.ipaddress);
    if (input.path) q = q.where('path', '=', input.path);
    if (input.scope) q = q.where('scope', '=', input.scope.toUpperCase());
    if (status) q = q.where('status', '=', status);
    if (pattern) q = q.where(ilike('name', pattern));
    return q;
  };
  const order = listOrder(input, STORAGE_POOL_SORT_COLUMNS, BY_ID);
  const { ids, count } = await pageOfIds(services.store.db, filtered, pageWindow(input, services.config), order);
  const rows =
    ids.length === 0 ? [] : await db.selectFrom('storage_pools').selectAll().where('id', 'in', ids).execute();
  return { items: await storagePoolResponses(services, inPageOrder(rows, ids)), count };
}

/** Primary storage as command handlers use it, maintenance included. */
export class StoragePoolService {
  constructor(private readonly deps: CoreServices) {}

  create(caller: Caller, input: CreateStoragePoolInput): Promise<StoragePool> {
    return createStoragePool(this.deps, caller, input);
  }

  update(caller: Caller, input: UpdateStoragePoolInput): Promise<StoragePool> {
    return updateStoragePool(this.deps, caller, input);
  }

  delete(caller: Caller, input: DeleteStoragePoolInput): Promise<void> {
    return deleteStoragePool(this.deps, caller, input);
  }

  list(input: ListStoragePoolsInput): Promise<{ items: StoragePool[]; count: number }> {
    return listStoragePools(this.deps, input);
  }

  /** Checks before queueing enableStorageMaintenance; returns the pool. */
  maintenanceTarget(id: string) {
    return maintenanceTarget(this.deps, id);
  }

  enableMaintenance(caller: Caller, id: string, progress?: Progress): Promise<StoragePool> {
    return enableMaintenance(this.deps, caller, id, progress);
  }

  /** Checks before queueing cancelStorageMaintenance; returns the pool. */
  cancelMaintenanceTarget(id: string) {
    return cancelMaintenanceTarget(this.deps, id);
  }

  cancelMaintenance(caller: Caller, id: string, progress?: Progress): Promise<StoragePool> {
    return cancelMaintenance(this.deps, caller, id, progress);
  }
}
