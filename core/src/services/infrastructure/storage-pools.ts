import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { conflict, DomainError, invalidParameter } from '../../domain/errors';
import { canonicalHypervisor, STORAGE_POOL_STATUSES, type Hypervisor } from '../../domain/infrastructure';
import { nowIso, toCloudStackDate } from '../../domain/time';
import { equalsIgnoreCase, ilike, pageOfIds } from '../../db/query-helpers';
import type { ClusterRow, Database, StoragePoolRow, ZoneRow } from '../../db/schema';
import {
  HostOperationError,
  type HostTarget,
  type HypervisorDriver,
  type StoragePoolStats,
  type StoragePoolTarget,
} from '../../drivers/hypervisor/types';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow, type PageParams } from '../paging';
import { compact, keywordPattern, requireName } from '../tenancy/shared';
import { namesById, requireCluster, requirePod, requireStoragePool, requireZone } from './lookups';

type Db = Kysely<Database>;

/** What a storage URL names: the pool type CloudStack derives from the scheme, the server and the path. */
export interface ParsedStorageUrl {
  /** Lower-case scheme: 'nfs' | 'file' | 'sharedmountpoint'. */
  scheme: string;
  /** 'NetworkFilesystem' | 'Filesystem' | 'SharedMountPoint' */
  poolType: string;
  host: string;
  path: string;
  /** The URL in canonical form (a bare path becomes file:///path). */
  url: string;
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const HOST_RE = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/;
const URL_RE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/;

function badUrl(url: string, why: string): DomainError {
  return invalidParameter('STORAGE.BAD_URL', `Invalid storage URL "${url}": ${why}`);
}

function normalizePath(url: string, path: string): string {
  if (!path.startsWith('/') || path.length < 2) throw badUrl(url, 'a path such as /export/primary is required');
  if (path.split('/').some((s) => s === '..')) throw badUrl(url, "the path may not contain '..'");
  const collapsed = path.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : collapsed;
}

/**
 * Parses a primary or secondary storage URL the way CloudStack's DefaultPrimary life cycle reads
 * it: nfs://server/path and nfs://server:/path (NetworkFilesystem; an optional :port is ignored),
 * file:///path (Filesystem on the host, server "localhost") and sharedmountpoint:///path
 * (SharedMountPoint). A bare absolute path (/srv/pool) is a Stackyard shorthand for file:///path.
 * Local paths are 'Filesystem', as CloudStack types a file:// URL; 'SharedMountPoint' is used only
 * when the URL says so (a path mounted at the same place on every host of the cluster).
 */
export function parseStorageUrl(text: string): ParsedStorageUrl {
  const url = text.trim();
  if (url.length === 0) throw invalidParameter('STORAGE.BAD_URL', 'The storage URL cannot be empty');
  if (url.length > 1024) throw badUrl(url.slice(0, 64), 'the URL is longer than 1024 characters');
  if (CONTROL_CHARS.test(url)) throw badUrl(url, 'control characters are not allowed');
  if (url.startsWith('/')) {
    const path = normalizePath(url, url);
    return { scheme: 'file', poolType: 'Filesystem', host: 'localhost', path, url: `file://${path}` };
  }
  const m = URL_RE.exec(url);
  if (!m) throw badUrl(url, 'expected nfs://server/path, file:///path or an absolute path');
  const scheme = (m[1] ?? '').toLowerCase();
  const authority = m[2] ?? '';
  const rawPath = m[3] ?? '';
  if (authority.includes('@')) throw badUrl(url, 'credentials are not allowed in the URL');
  // "server", "server:" (CloudStack's nfs://server:/export form) or "server:2049".
  const hm = /^([^:]*)(?::(\d{0,5}))?$/.exec(authority);
  if (!hm) throw badUrl(url, 'the server part is not valid');
  const host = hm[1] ?? '';
  switch (scheme) {
    case 'nfs': {
      if (!HOST_RE.test(host)) throw badUrl(url, 'an NFS server name or address is required (nfs://server/path)');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'NetworkFilesystem', host, path, url };
    }
    case 'file': {
      if (host !== '' && host.toLowerCase() !== 'localhost')
        throw badUrl(url, 'a file:// URL names a local path (file:///path)');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'Filesystem', host: 'localhost', path, url: `file://${path}` };
    }
    case 'sharedmountpoint': {
      if (host !== '' && !HOST_RE.test(host)) throw badUrl(url, 'the server part is not valid');
      const path = normalizePath(url, rawPath);
      return { scheme, poolType: 'SharedMountPoint', host: host || 'localhost', path, url };
    }
    default:
      throw badUrl(
        url,
        `unsupported scheme "${scheme}"; use nfs://server/path, file:///path, sharedmountpoint:///path or an absolute path`,
      );
  }
}

/** Storage pool tags as CloudStack takes them: trimmed, non-empty, unique. */
function normalizeTags(tags: string[] | undefined): string[] | undefined {
  if (tags === undefined) return undefined;
  const out: string[] = [];
  for (const t of tags) {
    const tag = t.trim();
    if (tag.length === 0) continue;
    if (tag.length > 255)
      throw invalidParameter('STORAGE_POOL.BAD_TAG', `Storage tag "${tag.slice(0, 32)}..." is too long`);
    if (CONTROL_CHARS.test(tag))
      throw invalidParameter('STORAGE_POOL.BAD_TAG', 'Storage tags may not contain control characters');
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

const PROVIDERS = ['DefaultPrimary'];

// ---------------------------------------------------------------------------------------------
// Responses

export interface StoragePoolView extends StoragePoolRow {
  tags: string[];
}

/** CloudStack's StoragePoolResponse for pools, with zone, pod and cluster names and tags joined in. */
export async function storagePoolResponses(
  services: Pick<CoreServices, 'store' | 'config'>,
  rows: StoragePoolRow[],
): Promise<Record<string, unknown>[]> {
  const { db } = services.store;
  if (rows.length === 0) return [];
  const [zones, pods, clusters, tagRows] = await Promise.all([
    namesById(
      db,
      'zones',
      rows.map((r) => r.zone_id),
    ),
    namesById(
      db,
      'pods',
      rows.map((r) => r.pod_id),
    ),
    namesById(
      db,
      'clusters',
      rows.map((r) => r.cluster_id),
    ),
    db
      .selectFrom('storage_pool_tags')
      .select(['pool_id', 'tag'])
      .where(
        'pool_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('pool_id')
      .orderBy('tag')
      .execute(),
  ]);
  const tags = new Map<number, string[]>();
  for (const t of tagRows) tags.set(t.pool_id, [...(tags.get(t.pool_id) ?? []), t.tag]);
  const factor = services.config.get<number>('storage.overprovisioning.factor');
  return rows.map((r) => {
    const zone = zones.get(r.zone_id);
    const pod = r.pod_id === null ? undefined : pods.get(r.pod_id);
    const cluster = r.cluster_id === null ? undefined : clusters.get(r.cluster_id);
    const poolTags = tags.get(r.id) ?? [];
    return compact({
      id: r.uuid,
      name: r.name,
      zoneid: zone?.uuid,
      zonename: zone?.name,
      podid: pod?.uuid,
      podname: pod?.name,
      clusterid: cluster?.uuid,
      clustername: cluster?.name,
      ipaddress: r.host_address,
      path: r.path,
      type: r.pool_type,
      scope: r.scope,
      state: r.status,
      disksizetotal: Number(r.capacity_bytes),
      disksizeused: Number(r.used_bytes),
      disksizeallocated: Number(r.allocated_bytes),
      capacityiops: r.capacity_iops === null ? undefined : Number(r.capacity_iops),
      tags: poolTags.length > 0 ? poolTags.join(',') : undefined,
      hypervisor: r.hypervisor,
      provider: r.provider,
      overprovisionfactor: String(factor),
      created: toCloudStackDate(r.created),
    });
  });
}

async function responseOf(services: CoreServices, id: number): Promise<Record<string, unknown>> {
  const row = await services.store.db
    .selectFrom('storage_pools')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const [out] = await storagePoolResponses(services, [row]);
  return out as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------
// Hosts that carry a pool

function driverFor(services: CoreServices, hypervisor: string): HypervisorDriver {
  const h = canonicalHypervisor(hypervisor);
  try {
    if (!h) throw new Error('unknown');
    return services.hypervisors.get(h);
  } catch {
    throw new DomainError('unsupported', 'STORAGE_POOL.HYPERVISOR', `Hypervisor ${hypervisor} is not supported`);
  }
}

interface PoolScope {
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
async function attachThroughHost(
  services: CoreServices,
  pool: PoolScope,
  target: StoragePoolTarget,
  where: string,
): Promise<StoragePoolStats> {
  const hosts = await upHostsFor(services.store.db, pool, HOST_ATTEMPTS);
  if (hosts.length === 0) {
    throw new DomainError(
      'internal',
      'STORAGE_POOL.NO_HOST',
      `No host up to associate a storage pool with in ${where}`,
    );
  }
  const driver = driverFor(services, pool.hypervisor ?? '');
  let last = '';
  for (const host of hosts) {
    try {
      return await driver.attachStoragePool(host, target);
    } catch (e) {
      last = `Can not create storage pool through host ${host.name} due to ${hostFailure(e)}`;
    }
  }
  throw new DomainError('internal', 'STORAGE_POOL.ATTACH_FAILED', `Failed to add data store: ${last}`);
}

/** Detaches a pool through an Up host of its scope; returns false when a host refused, true otherwise (also with no host). */
async function detachThroughHost(
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

// ---------------------------------------------------------------------------------------------
// Commands

export interface CreateStoragePoolInput {
  zoneid: string;
  podid?: string;
  clusterid?: string;
  name: string;
  url: string;
  scope?: string;
  hypervisor?: string;
  tags?: string[];
  provider?: string;
  capacitybytes?: number;
  capacityiops?: number;
  managed?: boolean;
}

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

export async function createStoragePool(
  services: CoreServices,
  caller: Caller,
  input: CreateStoragePoolInput,
): Promise<Record<string, unknown>> {
  const { db } = services.store;
  const provider = input.provider?.trim() || 'DefaultPrimary';
  const providerName = PROVIDERS.find((p) => p.toLowerCase() === provider.toLowerCase());
  if (!providerName) {
    throw invalidParameter(
      'STORAGE_POOL.PROVIDER',
      `can't find storage provider: ${provider} (supported: DefaultPrimary)`,
    );
  }
  if (input.managed === true) {
    throw invalidParameter('STORAGE_POOL.MANAGED', 'Managed storage is not supported by the DefaultPrimary provider');
  }
  // Cluster scope when a cluster is named, zone scope otherwise (which then needs a hypervisor).
  const scopeText = (input.scope ?? (input.clusterid ? 'CLUSTER' : 'ZONE')).trim().toUpperCase();
  if (scopeText !== 'CLUSTER' && scopeText !== 'ZONE') {
    throw invalidParameter('STORAGE_POOL.SCOPE', `invalid scope for pool ${input.scope}; use cluster or zone`);
  }
  const zone = await requireZone(db, input.zoneid, 'zoneid');
  let podId: number | null = null;
  let cluster: ClusterRow | undefined;
  let hypervisor: Hypervisor;
  if (scopeText === 'CLUSTER') {
    if (!input.clusterid) throw invalidParameter('STORAGE_POOL.SCOPE', "cluster id can't be null, if scope is cluster");
    cluster = await requireCluster(db, input.clusterid, 'clusterid');
    if (cluster.zone_id !== zone.id) {
      throw invalidParameter('STORAGE_POOL.SCOPE', `Cluster ${cluster.name} does not belong to zone ${zone.name}`);
    }
    if (input.podid) {
      const pod = await requirePod(db, input.podid, 'podid');
      if (pod.id !== cluster.pod_id)
        throw invalidParameter('STORAGE_POOL.SCOPE', `Cluster ${cluster.name} does not belong to pod ${pod.name}`);
    }
    podId = cluster.pod_id;
    const h = canonicalHypervisor(cluster.hypervisor_type);
    if (!h) throw invalidParameter('STORAGE_POOL.HYPERVISOR', `Hypervisor ${cluster.hypervisor_type} is not supported`);
    hypervisor = h;
  } else {
    // Zone-wide pools ignore podid and clusterid, as CloudStack does.
    if (!input.hypervisor) {
      throw invalidParameter(
        'STORAGE_POOL.HYPERVISOR',
        'Missing parameter hypervisor. Hypervisor type is required to create zone wide primary storage.',
      );
    }
    const h = canonicalHypervisor(input.hypervisor);
    if (!h) throw invalidParameter('STORAGE_POOL.HYPERVISOR', `invalid hypervisor type ${input.hypervisor}`);
    hypervisor = h;
  }
  const name = requireName(input.name, 'Storage pool name');
  const parsed = parseStorageUrl(input.url);
  if (input.capacitybytes !== undefined && input.capacitybytes <= 0)
    throw invalidParameter('STORAGE_POOL.CAPACITY', "'capacityBytes' must be greater than 0.");
  if (input.capacityiops !== undefined && input.capacityiops <= 0)
    throw invalidParameter('STORAGE_POOL.CAPACITY', "'capacityIops' must be greater than 0.");
  const tags = normalizeTags(input.tags) ?? [];
  const clusterId = cluster?.id ?? null;
  const checkUnique = async (q: Db) => {
    if (await nameTaken(q, zone.id, name))
      throw conflict('STORAGE_POOL.NAME_TAKEN', `A storage pool named ${name} already exists in zone ${zone.name}`);
    const dup = await samePathPool(q, zone.id, clusterId, parsed.host, parsed.path);
    if (dup) {
      throw conflict(
        'STORAGE_POOL.DUPLICATE_URL',
        `Storage pool ${parsed.host}:${parsed.path} is already in use by storage pool ${dup.name}`,
      );
    }
  };
  await checkUnique(db);

  const uuid = crypto.randomUUID();
  const scope: PoolScope = { scope: scopeText, zone_id: zone.id, cluster_id: clusterId, hypervisor };
  const target = { uuid, url: parsed.url, poolType: parsed.poolType };
  const where = cluster ? `cluster ${cluster.name}` : `zone ${zone.name} (hypervisor ${hypervisor})`;
  const stats = await attachThroughHost(services, scope, target, where);

  let id: number;
  try {
    id = await db.transaction().execute(async (trx) => {
      await lockZone(trx, services.store.dialect, zone.id);
      await checkUnique(trx);
      const now = nowIso();
      const row = await trx
        .insertInto('storage_pools')
        .values({
          uuid,
          name,
          zone_id: zone.id,
          pod_id: podId,
          cluster_id: clusterId,
          scope: scopeText,
          pool_type: parsed.poolType,
          url: parsed.url,
          host_address: parsed.host,
          path: parsed.path,
          hypervisor,
          provider: providerName,
          capacity_bytes: input.capacitybytes ?? stats.capacityBytes,
          used_bytes: stats.usedBytes,
          allocated_bytes: 0,
          capacity_iops: input.capacityiops ?? null,
          status: 'Up',
          created: now,
          removed: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (tags.length > 0) {
        await trx
          .insertInto('storage_pool_tags')
          .values(tags.map((tag) => ({ pool_id: row.id, tag })))
          .execute();
      }
      return row.id;
    });
  } catch (e) {
    // Nothing was written: undo the attach so the host does not keep a pool the inventory lacks.
    await detachThroughHost(services, { ...scope, uuid, url: parsed.url, pool_type: parsed.poolType }).catch(
      () => undefined,
    );
    throw e;
  }
  await services.events.record({
    type: 'STORAGE.POOL.CREATE',
    description: `Created storage pool ${name} (${parsed.url}) in ${where}`,
    caller,
    resourceType: 'StoragePool',
    resourceId: uuid,
  });
  return responseOf(services, id);
}

export interface UpdateStoragePoolInput {
  id: string;
  name?: string;
  tags?: string[];
  capacitybytes?: number;
  capacityiops?: number;
  enabled?: boolean;
}

export async function updateStoragePool(
  services: CoreServices,
  caller: Caller,
  input: UpdateStoragePoolInput,
): Promise<Record<string, unknown>> {
  const { db } = services.store;
  const pool = await requireStoragePool(db, input.id);
  const name = input.name === undefined ? undefined : requireName(input.name, 'Storage pool name');
  const tags = normalizeTags(input.tags);
  if (input.capacitybytes !== undefined && input.capacitybytes <= 0)
    throw invalidParameter('STORAGE_POOL.CAPACITY', "'capacityBytes' must be greater than 0.");
  if (input.capacityiops !== undefined && input.capacityiops <= 0)
    throw invalidParameter('STORAGE_POOL.CAPACITY', "'capacityIops' must be greater than 0.");
  let status: string | undefined;
  if (input.enabled === true) {
    if (pool.status !== 'Disabled') {
      throw invalidParameter(
        'STORAGE_POOL.STATE',
        `Primary storage with id ${pool.uuid} cannot be enabled. Storage pool state : ${pool.status}`,
      );
    }
    status = 'Up';
  } else if (input.enabled === false) {
    if (pool.status !== 'Up') {
      throw invalidParameter(
        'STORAGE_POOL.STATE',
        `Primary storage with id ${pool.uuid} cannot be disabled. Storage pool state : ${pool.status}`,
      );
    }
    status = 'Disabled';
  }
  await db.transaction().execute(async (trx) => {
    if (name !== undefined && name !== pool.name) {
      await lockZone(trx, services.store.dialect, pool.zone_id);
      if (await nameTaken(trx, pool.zone_id, name, pool.id))
        throw conflict('STORAGE_POOL.NAME_TAKEN', `A storage pool named ${name} already exists in this zone`);
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
        throw conflict('STORAGE_POOL.STATE', `Storage pool ${pool.name} changed state meanwhile; try again`);
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
  await services.events.record({
    type: 'UPDATE.PS',
    description: `Updated storage pool ${name ?? pool.name}${status ? ` (state ${status})` : ''}`,
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
  return responseOf(services, pool.id);
}

/** Checks before queueing enableStorageMaintenance; returns the pool. */
export async function maintenanceTarget(services: CoreServices, id: string): Promise<StoragePoolRow> {
  const pool = await requireStoragePool(services.store.db, id);
  if (pool.status !== 'Up' && pool.status !== 'ErrorInMaintenance') {
    throw invalidParameter(
      'STORAGE_POOL.STATE',
      `Primary storage with id ${pool.uuid} is not ready for migration, as the status is:${pool.status}`,
    );
  }
  return pool;
}

/** Checks before queueing cancelStorageMaintenance; returns the pool. */
export async function cancelMaintenanceTarget(services: CoreServices, id: string): Promise<StoragePoolRow> {
  const pool = await requireStoragePool(services.store.db, id);
  if (!['Maintenance', 'PrepareForMaintenance', 'ErrorInMaintenance'].includes(pool.status)) {
    throw invalidParameter(
      'STORAGE_POOL.STATE',
      `Primary storage with id ${pool.uuid} is not ready to complete migration, as the status is:${pool.status}`,
    );
  }
  return pool;
}

async function setStatus(services: CoreServices, pool: StoragePoolRow, from: string[], to: string): Promise<boolean> {
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
  return conflict('STORAGE_POOL.STATE', `Storage pool ${pool.name} changed state meanwhile; try again`);
}

interface Progress {
  report(percent: number, text?: string): Promise<void>;
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
): Promise<Record<string, unknown>> {
  const pool = await requireStoragePool(services.store.db, id);
  if (pool.status === 'Maintenance') return responseOf(services, pool.id);
  if (pool.status !== 'PrepareForMaintenance') {
    await maintenanceTarget(services, id);
    if (!(await setStatus(services, pool, ['Up', 'ErrorInMaintenance'], 'PrepareForMaintenance')))
      throw changedMeanwhile(pool);
  }
  // CloudStack now stops or migrates the system VMs and user VMs whose volumes live on the pool.
  // There are no volumes or VMs yet (the VM issue brings them), so nothing has to move.
  await progress?.report(50, `Detaching storage pool ${pool.name} from its hosts`);
  const detached = await detachThroughHost(services, pool);
  if (!detached.ok) {
    await setStatus(services, pool, ['PrepareForMaintenance'], 'ErrorInMaintenance');
    const message = `Failed to prepare storage pool ${pool.name} for maintenance: ${detached.error ?? 'a host refused'}`;
    await services.events.record({
      type: 'MAINT.PREPARE.PS',
      level: 'ERROR',
      description: message,
      caller,
      resourceType: 'StoragePool',
      resourceId: pool.uuid,
    });
    throw new DomainError('internal', 'STORAGE_POOL.MAINTENANCE_FAILED', message);
  }
  if (!(await setStatus(services, pool, ['PrepareForMaintenance'], 'Maintenance'))) throw changedMeanwhile(pool);
  await services.events.record({
    type: 'MAINT.PREPARE.PS',
    description: `Storage pool ${pool.name} is in maintenance`,
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
  return responseOf(services, pool.id);
}

/** Brings a pool back from maintenance: reattaches it through a host (best effort) and sets it Up. */
export async function cancelMaintenance(
  services: CoreServices,
  caller: Caller,
  id: string,
  progress?: Progress,
): Promise<Record<string, unknown>> {
  const pool = await requireStoragePool(services.store.db, id);
  if (pool.status === 'Up') return responseOf(services, pool.id);
  await cancelMaintenanceTarget(services, id);
  await progress?.report(50, `Reattaching storage pool ${pool.name}`);
  let stats: StoragePoolStats | undefined;
  try {
    stats = await attachThroughHost(
      services,
      pool,
      { uuid: pool.uuid, url: pool.url, poolType: pool.pool_type },
      pool.cluster_id === null ? 'the zone' : 'the cluster',
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
  if (!(await setStatus(services, pool, ['Maintenance', 'PrepareForMaintenance', 'ErrorInMaintenance'], 'Up')))
    throw changedMeanwhile(pool);
  await services.events.record({
    type: 'MAINT.CANCEL.PS',
    description: `Storage pool ${pool.name} left maintenance`,
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
  return responseOf(services, pool.id);
}

export async function deleteStoragePool(
  services: CoreServices,
  caller: Caller,
  input: { id: string; forced?: boolean },
): Promise<void> {
  const { db } = services.store;
  const pool = await requireStoragePool(db, input.id);
  const forced = input.forced === true;
  if (!forced && pool.status !== 'Maintenance' && pool.status !== 'Disabled') {
    throw invalidParameter(
      'STORAGE_POOL.STATE',
      `Unable to delete storage pool ${pool.name}: it is ${pool.status}; put it in maintenance (or disable it) first, or use forced=true`,
    );
  }
  // A pool in maintenance is already detached; a disabled one (or a forced delete) lets go now.
  if (pool.status !== 'Maintenance') {
    const detached = await detachThroughHost(services, pool);
    if (!detached.ok && !forced) {
      throw new DomainError(
        'internal',
        'STORAGE_POOL.DELETE_FAILED',
        `Failed to delete storage pool on host (${detached.error ?? ''}); use forced=true to remove it anyway`,
      );
    }
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('storage_pool_tags').where('pool_id', '=', pool.id).execute();
    await trx.updateTable('storage_pools').set({ removed: nowIso() }).where('id', '=', pool.id).execute();
  });
  await services.events.record({
    type: 'STORAGE.POOL.DELETE',
    description: `Deleted storage pool ${pool.name}`,
    caller,
    resourceType: 'StoragePool',
    resourceId: pool.uuid,
  });
}

export interface ListStoragePoolsInput extends PageParams {
  id?: string;
  name?: string;
  zoneid?: string;
  podid?: string;
  clusterid?: string;
  ipaddress?: string;
  path?: string;
  scope?: string;
  status?: string;
  keyword?: string;
}

export async function listStoragePools(
  services: CoreServices,
  input: ListStoragePoolsInput,
): Promise<{ items: Record<string, unknown>[]; count: number }> {
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
  const { ids, count } = await pageOfIds(filtered, pageWindow(input, services.config));
  const rows =
    ids.length === 0
      ? []
      : await db.selectFrom('storage_pools').selectAll().where('id', 'in', ids).orderBy('id').execute();
  return { items: await storagePoolResponses(services, rows), count };
}
