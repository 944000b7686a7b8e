import { sql } from 'kysely';
import type { InfrastructureHealth, ListInfrastructureHealthInput } from '../../api/schemas/infrastructure';
import { hostHealthPart, type HostHealthPart } from '../../contract/health';
import type { HostResourceState, HostStatus, StoragePoolStatus } from '../../domain/infrastructure';
import type { CoreServices } from '../core-services';
import { requireCluster, requirePod, requireZone } from './lookups';

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

interface Scope {
  zoneId?: number;
  podId?: number;
  clusterId?: number;
}

type Db = CoreServices['store']['db'];

async function resolveScope(db: Db, input: ListInfrastructureHealthInput): Promise<Scope> {
  const [zone, pod, cluster] = await Promise.all([
    input.zoneid !== undefined ? requireZone(db, input.zoneid, 'zoneid') : undefined,
    input.podid !== undefined ? requirePod(db, input.podid, 'podid') : undefined,
    input.clusterid !== undefined ? requireCluster(db, input.clusterid, 'clusterid') : undefined,
  ]);
  return { zoneId: zone?.id, podId: pod?.id, clusterId: cluster?.id };
}

/** Live hosts of the Hosts list (type Routing), grouped by status and resource state (index hosts_health). */
function hostGroups(db: Db, scope: Scope) {
  return db
    .selectFrom('hosts')
    .select(['status', 'resource_state', sql<number>`count(*)`.as('n')])
    .where('removed', 'is', null)
    .where('type', '=', 'Routing')
    .$if(scope.zoneId !== undefined, (q) => q.where('zone_id', '=', scope.zoneId!))
    .$if(scope.podId !== undefined, (q) => q.where('pod_id', '=', scope.podId!))
    .$if(scope.clusterId !== undefined, (q) => q.where('cluster_id', '=', scope.clusterId!))
    .groupBy(['status', 'resource_state'])
    .execute();
}

/** Live pools by status, filtered as listStoragePools filters them (a cluster's pools are its own). */
function poolGroups(db: Db, scope: Scope) {
  return db
    .selectFrom('storage_pools')
    .select(['status', sql<number>`count(*)`.as('n')])
    .where('removed', 'is', null)
    .$if(scope.zoneId !== undefined, (q) => q.where('zone_id', '=', scope.zoneId!))
    .$if(scope.podId !== undefined, (q) => q.where('pod_id', '=', scope.podId!))
    .$if(scope.clusterId !== undefined, (q) => q.where('cluster_id', '=', scope.clusterId!))
    .groupBy('status')
    .execute();
}

/** Image stores belong to a zone (or the region): none within a pod or cluster. */
async function imageStoreCounts(db: Db, scope: Scope): Promise<{ count: number; readonly: number }> {
  if (scope.podId !== undefined || scope.clusterId !== undefined) return { count: 0, readonly: 0 };
  const row = await db
    .selectFrom('image_stores')
    .select([sql<number>`count(*)`.as('n'), sql<number>`sum(case when read_only <> 0 then 1 else 0 end)`.as('ro')])
    .where('removed', 'is', null)
    .$if(scope.zoneId !== undefined, (q) => q.where('zone_id', '=', scope.zoneId!))
    .executeTakeFirstOrThrow();
  return { count: n(row.n), readonly: n(row.ro) };
}

function add<K extends string>(counts: Partial<Record<K, number>>, key: K, by: number): void {
  counts[key] = (counts[key] ?? 0) + by;
}

/**
 * listInfrastructureHealth: one grouped query each for hosts, pools and image stores, whatever the
 * number of hosts. A host in PrepareForMaintenance, Maintenance or ErrorInMaintenance counts in
 * `health` by that resource state only; every other host by its heartbeat state (hostHealthPart).
 */
export async function infrastructureHealth(
  services: Pick<CoreServices, 'store'>,
  input: ListInfrastructureHealthInput,
): Promise<InfrastructureHealth> {
  const { db } = services.store;
  const scope = await resolveScope(db, input);
  const [hosts, pools, imagestores] = await Promise.all([
    hostGroups(db, scope),
    poolGroups(db, scope),
    imageStoreCounts(db, scope),
  ]);
  const health: Partial<Record<HostHealthPart, number>> = {};
  const states: Partial<Record<HostStatus, number>> = {};
  const resourcestates: Partial<Record<HostResourceState, number>> = {};
  let hostCount = 0;
  for (const g of hosts) {
    const count = n(g.n);
    // The columns hold only the domain's values (the services write them); their type is text.
    const status = g.status as HostStatus;
    const resourceState = g.resource_state as HostResourceState;
    hostCount += count;
    add(states, status, count);
    add(resourcestates, resourceState, count);
    add(health, hostHealthPart(status, resourceState), count);
  }
  const poolStates: Partial<Record<StoragePoolStatus, number>> = {};
  let poolCount = 0;
  for (const g of pools) {
    poolCount += n(g.n);
    add(poolStates, g.status as StoragePoolStatus, n(g.n));
  }
  return {
    hosts: { count: hostCount, health, states, resourcestates },
    storagepools: { count: poolCount, states: poolStates },
    imagestores,
  };
}
