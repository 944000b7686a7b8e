import { notFound } from '../../domain/errors';
import { message } from '../../domain/messages';
import type { Kysely } from 'kysely';
import type {
  ClusterRow,
  Database,
  HostRow,
  ImageStoreRow,
  PhysicalNetworkRow,
  PodRow,
  StoragePoolRow,
  ZoneRow,
} from '../../db/schema';

type Db = Kysely<Database>;
type LiveTable = 'zones' | 'pods' | 'clusters' | 'hosts' | 'storage_pools' | 'image_stores' | 'physical_networks';

async function findLive<T>(db: Db, table: LiveTable, uuid: string): Promise<T | undefined> {
  const row = await db
    .selectFrom(table)
    .selectAll()
    .where('uuid', '=', uuid)
    .where('removed', 'is', null)
    .executeTakeFirst();
  return row as T | undefined;
}

async function requireLive<T>(db: Db, table: LiveTable, uuid: string, label: string, param: string): Promise<T> {
  const row = await findLive<T>(db, table, uuid);
  if (!row)
    throw notFound(
      `${label.toUpperCase().replace(/ /g, '_')}.NOT_FOUND`,
      message('error.notFoundBy', { resource: label, param, id: uuid }),
    );
  return row;
}

/**
 * Live (not removed) rows of the physical model by uuid, or CloudStack's 431 "Unable to find ..."
 * error naming the parameter the caller passed.
 */
export const requireZone = (db: Db, uuid: string, param = 'id') =>
  requireLive<ZoneRow>(db, 'zones', uuid, 'zone', param);
export const requirePod = (db: Db, uuid: string, param = 'id') => requireLive<PodRow>(db, 'pods', uuid, 'pod', param);
export const requireCluster = (db: Db, uuid: string, param = 'id') =>
  requireLive<ClusterRow>(db, 'clusters', uuid, 'cluster', param);
export const requireHost = (db: Db, uuid: string, param = 'id') =>
  requireLive<HostRow>(db, 'hosts', uuid, 'host', param);
export const requireStoragePool = (db: Db, uuid: string, param = 'id') =>
  requireLive<StoragePoolRow>(db, 'storage_pools', uuid, 'storage pool', param);
export const requireImageStore = (db: Db, uuid: string, param = 'id') =>
  requireLive<ImageStoreRow>(db, 'image_stores', uuid, 'image store', param);
export const requirePhysicalNetwork = (db: Db, uuid: string, param = 'id') =>
  requireLive<PhysicalNetworkRow>(db, 'physical_networks', uuid, 'physical network', param);

export const findZone = (db: Db, uuid: string) => findLive<ZoneRow>(db, 'zones', uuid);
export const findPod = (db: Db, uuid: string) => findLive<PodRow>(db, 'pods', uuid);
export const findCluster = (db: Db, uuid: string) => findLive<ClusterRow>(db, 'clusters', uuid);

/** Names of zones, pods and clusters by internal id, for responses (zonename, podname ...). */
export async function namesById(
  db: Db,
  table: 'zones' | 'pods' | 'clusters' | 'physical_networks',
  ids: Iterable<number | null>,
): Promise<Map<number, { uuid: string; name: string }>> {
  const wanted = [...new Set([...ids].filter((id): id is number => id !== null))];
  const out = new Map<number, { uuid: string; name: string }>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'uuid', 'name'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { uuid: r.uuid, name: r.name });
  }
  return out;
}
