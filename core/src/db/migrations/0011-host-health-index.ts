import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * listInfrastructureHealth counts the live hosts of the Hosts list (removed null, type Routing) by
 * status and resource state, optionally within a zone, pod or cluster: this index holds every column
 * it reads, its filters first and then the groups in order, so the count reads the index alone and
 * sorts nothing. Heartbeats rewrite last_ping, which it leaves out, so their updates stay in place
 * (HOT) on PostgreSQL.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createIndex('hosts_health')
    .on('hosts')
    .columns(['removed', 'type', 'status', 'resource_state', 'zone_id', 'pod_id', 'cluster_id'])
    .execute();
}
