import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';

// The grouped queries capacity is computed from: one row per group, no per-host loop.

/** Rows of one zone, or of all zones when no zone is given. */
export interface SourceScope {
  db: Kysely<Database>;
  scoped: boolean;
  /** The zone id, or -1 when not scoped. */
  zoneId: number;
}

/** Enabled hypervisor hosts of each cluster: CPU, memory and their allocation. */
export function hostSumsByCluster({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('hosts')
    .select([
      'cluster_id',
      sql<number>`sum(cpu_number * cpu_speed)`.as('cpu'),
      sql<number>`sum(total_memory)`.as('memory'),
      sql<number>`sum(cpu_allocated)`.as('cpu_allocated'),
      sql<number>`sum(memory_allocated)`.as('memory_allocated'),
      sql<number>`sum(cpu_number)`.as('cores'),
    ])
    .where('removed', 'is', null)
    .where('type', '=', 'Routing')
    .where('resource_state', '=', 'Enabled')
    .groupBy('cluster_id')
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .execute();
}

export function hostCountsByPod({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('hosts')
    .select(['pod_id', sql<number>`count(*)`.as('n')])
    .where('removed', 'is', null)
    .groupBy('pod_id')
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .execute();
}

/** Pools in state Up, by zone, cluster and scope. */
export function poolSums({ db, scoped, zoneId }: SourceScope) {
  return (
    db
      .selectFrom('storage_pools')
      .select([
        'id',
        'zone_id',
        'cluster_id',
        'scope',
        sql<number>`sum(capacity_bytes)`.as('capacity'),
        sql<number>`sum(used_bytes)`.as('used'),
        sql<number>`sum(allocated_bytes)`.as('allocated'),
      ])
      .where('removed', 'is', null)
      .where('status', '=', 'Up')
      // Per pool: each pool may have its own storage.overprovisioning.factor.
      .groupBy(['id', 'zone_id', 'cluster_id', 'scope'])
      .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
      .execute()
  );
}

export function imageStoreSums({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('image_stores')
    .select(['zone_id', sql<number>`sum(total_bytes)`.as('total'), sql<number>`sum(used_bytes)`.as('used')])
    .where('removed', 'is', null)
    .groupBy('zone_id')
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .execute();
}

export function ipRangeSums({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('vlan_ip_ranges')
    .select(['zone_id', 'pod_id', 'for_virtual_network', sql<number>`sum(end_num - start_num + 1)`.as('size')])
    .where('removed', 'is', null)
    .groupBy(['zone_id', 'pod_id', 'for_virtual_network'])
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .execute();
}

export function physicalNetworkVlans({ db, scoped, zoneId }: SourceScope) {
  return db
    .selectFrom('physical_networks')
    .select(['zone_id', 'vlan'])
    .where('removed', 'is', null)
    .where('vlan', 'is not', null)
    .$if(scoped, (q) => q.where('zone_id', '=', zoneId))
    .execute();
}
