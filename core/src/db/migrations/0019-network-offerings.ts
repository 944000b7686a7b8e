import type { Kysely } from 'kysely';
import { idColumn, trackWrites, type MigrationDialect } from './helpers';

/**
 * Network offerings, CloudStack's network_offerings with the services each supports and their
 * providers (ntwk_offering_service_map) in a table of their own, and the domains and zones an
 * offering is limited to as the compute and disk offerings keep them (0018): none is public, or
 * every zone. The two capabilities an offering may choose (SourceNat's SupportedSourceNatTypes,
 * Lb's SupportedLBIsolation) are columns, null when the offering lacks the service. Deleted
 * offerings stay as rows (removed set), so networks made from them keep their offering; unique_name
 * marks the defaults the first start creates, so they are made once per database.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('network_offerings')
    .addColumn('id', 'integer', idColumn(dialect))
    .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('unique_name', 'varchar(64)', (c) => c.unique())
    .addColumn('display_text', 'varchar(4096)', (c) => c.notNull())
    .addColumn('traffic_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('guest_ip_type', 'varchar(16)', (c) => c.notNull())
    .addColumn('specify_vlan', 'integer', (c) => c.notNull())
    .addColumn('specify_ip_ranges', 'integer', (c) => c.notNull())
    .addColumn('conserve_mode', 'integer', (c) => c.notNull())
    .addColumn('egress_default_policy', 'integer', (c) => c.notNull())
    .addColumn('network_rate', 'integer')
    .addColumn('availability', 'varchar(16)', (c) => c.notNull())
    .addColumn('is_persistent', 'integer', (c) => c.notNull())
    .addColumn('for_vpc', 'integer', (c) => c.notNull())
    .addColumn('source_nat_type', 'varchar(16)')
    .addColumn('lb_isolation', 'varchar(16)')
    .addColumn('tags', 'varchar(4096)')
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('sort_key', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'varchar(16)', (c) => c.notNull())
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .addColumn('removed', 'varchar(32)')
    .execute();
  const index = db.schema.createIndex('network_offerings_live_by_sort_key').on('network_offerings');
  const order: string[] = ['sort_key', 'id'];
  await (
    dialect === 'postgres' ? index.columns(order).where('removed', 'is', null) : index.columns(['removed', ...order])
  ).execute();
  await trackWrites(db, dialect, 'network_offerings');

  await db.schema
    .createTable('network_offering_services')
    .addColumn('offering_id', 'integer', (c) => c.notNull().references('network_offerings.id'))
    .addColumn('service', 'varchar(32)', (c) => c.notNull())
    .addColumn('provider', 'varchar(64)', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_offering_services_pk', ['offering_id', 'service'])
    .execute();
  await db.schema
    .createIndex('network_offering_services_by_service')
    .on('network_offering_services')
    .columns(['service', 'offering_id'])
    .execute();
  await trackWrites(db, dialect, 'network_offering_services');

  for (const [scope, parent] of [
    ['domain', 'domains'],
    ['zone', 'zones'],
  ] as const) {
    const table = `network_offering_${scope}s`;
    await db.schema
      .createTable(table)
      .addColumn('offering_id', 'integer', (c) => c.notNull().references('network_offerings.id'))
      .addColumn(`${scope}_id`, 'integer', (c) => c.notNull().references(`${parent}.id`))
      .addPrimaryKeyConstraint(`${table}_pk`, ['offering_id', `${scope}_id`])
      .execute();
    await db.schema
      .createIndex(`${table}_by_${scope}`)
      .on(table)
      .columns([`${scope}_id`, 'offering_id'])
      .execute();
    await trackWrites(db, dialect, table);
  }
}
