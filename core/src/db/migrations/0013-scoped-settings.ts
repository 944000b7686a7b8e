import { sql, type Kysely } from 'kysely';
import { trackWrites, type MigrationDialect } from './helpers';

/**
 * Settings set on one zone, cluster, primary storage pool, image store, domain or account
 * (CloudStack keeps them in data_center_details, cluster_details, storage_pool_details,
 * image_store_details, domain_details and account_details). `resource_id` is the internal id of
 * the resource in the table the scope names; rows of removed resources are swept away.
 *
 * A cluster's cpuovercommitratio and memoryovercommitratio are its cluster-scoped
 * cpu.overprovisioning.factor and mem.overprovisioning.factor (CloudStack stores them as the same
 * cluster details): the ratios set so far (anything but 1, which meant "not set") move here, and
 * the two cluster columns are no longer read.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('scoped_configurations')
    .addColumn('scope', 'varchar(16)', (c) => c.notNull())
    .addColumn('resource_id', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('scoped_configurations_pk', ['scope', 'resource_id', 'name'])
    .execute();
  await trackWrites(db, dialect, 'scoped_configurations');

  const now = new Date().toISOString();
  for (const [column, name] of [
    ['cpu_overcommit_ratio', 'cpu.overprovisioning.factor'],
    ['memory_overcommit_ratio', 'mem.overprovisioning.factor'],
  ] as const) {
    await sql`insert into scoped_configurations (scope, resource_id, name, value, updated)
      select 'cluster', id, ${name}, cast(${sql.ref(column)} as text), ${now} from clusters
      where removed is null and ${sql.ref(column)} <> 1`.execute(db);
  }
}
