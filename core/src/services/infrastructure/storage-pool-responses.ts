import type { Hypervisor, StoragePoolScope, StoragePoolStatus, StoragePoolType } from '../../domain/infrastructure';
import { toCloudStackDate } from '../../domain/time';
import type { StoragePoolRow } from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type { StoragePool } from '../../api/schemas/storage-pools';
import type { CoreServices } from '../core-services';
import { namesById } from './lookups';

type Named = { uuid: string; name: string };

interface PoolContext {
  zone?: Named;
  pod?: Named;
  cluster?: Named;
  tags: string[];
  overprovisionFactor: number;
}

/** CloudStack's StoragePoolResponse for one pool. */
export function storagePoolResponse(r: StoragePoolRow, ctx: PoolContext): StoragePool {
  return compact({
    id: r.uuid,
    name: r.name,
    zoneid: ctx.zone?.uuid,
    zonename: ctx.zone?.name,
    podid: ctx.pod?.uuid,
    podname: ctx.pod?.name,
    clusterid: ctx.cluster?.uuid,
    clustername: ctx.cluster?.name,
    ipaddress: r.host_address,
    path: r.path,
    // The table holds only the values the storage pool services validated and wrote; the columns are text.
    type: r.pool_type as StoragePoolType,
    scope: r.scope as StoragePoolScope,
    state: r.status as StoragePoolStatus,
    disksizetotal: Number(r.capacity_bytes),
    disksizeused: Number(r.used_bytes),
    disksizeallocated: Number(r.allocated_bytes),
    capacityiops: r.capacity_iops === null ? undefined : Number(r.capacity_iops),
    tags: ctx.tags.length > 0 ? ctx.tags.join(',') : undefined,
    hypervisor: r.hypervisor as Hypervisor | null,
    provider: r.provider,
    overprovisionfactor: String(ctx.overprovisionFactor),
    created: toCloudStackDate(r.created),
  });
}

/** CloudStack's StoragePoolResponse for pools, with zone, pod and cluster names and tags joined in. */
export async function storagePoolResponses(
  services: Pick<CoreServices, 'store' | 'config'>,
  rows: StoragePoolRow[],
): Promise<StoragePool[]> {
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
  return rows.map((r) =>
    storagePoolResponse(r, {
      zone: zones.get(r.zone_id),
      pod: r.pod_id === null ? undefined : pods.get(r.pod_id),
      cluster: r.cluster_id === null ? undefined : clusters.get(r.cluster_id),
      tags: tags.get(r.id) ?? [],
      overprovisionFactor: services.config
        .in({ storagePoolId: r.id, clusterId: r.cluster_id ?? undefined, zoneId: r.zone_id })
        .get<number>('storage.overprovisioning.factor'),
    }),
  );
}

/** The response for a pool by its row id (after a create, update or state change). */
export async function storagePoolResponseById(
  services: Pick<CoreServices, 'store' | 'config'>,
  id: number,
): Promise<StoragePool> {
  const row = await services.store.db
    .selectFrom('storage_pools')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const [out] = await storagePoolResponses(services, [row]);
  if (!out) throw new Error(`storage pool ${id} has no response`);
  return out;
}
