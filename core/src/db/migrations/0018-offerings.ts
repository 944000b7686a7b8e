import type { CreateTableBuilder, Kysely } from 'kysely';
import { idColumn, trackWrites, type MigrationDialect } from './helpers';

type Table = CreateTableBuilder<string, never>;

const RATE_COLUMNS = [
  'bytes_read_rate',
  'bytes_read_rate_max',
  'bytes_read_rate_max_length',
  'bytes_write_rate',
  'bytes_write_rate_max',
  'bytes_write_rate_max_length',
  'iops_read_rate',
  'iops_read_rate_max',
  'iops_read_rate_max_length',
  'iops_write_rate',
  'iops_write_rate_max',
  'iops_write_rate_max_length',
] as const;

/**
 * Compute (service) and disk offerings, CloudStack's service_offering and disk_offering, with the
 * domains and zones each is limited to in tables of their own (CloudStack's "domainid" / "zoneid"
 * offering details): an offering without domain rows is public, one without zone rows is offered
 * in every zone. Deleted offerings stay as rows (removed set, state Inactive). unique_name marks
 * the offerings the first start creates, so a restart or a second server never adds them twice.
 *
 * Lists read live offerings in CloudStack's order (sort key, then id), service offerings split
 * by is_system; each gets an index in that order, partial on `removed is null` on PostgreSQL and
 * led by removed on SQLite (see 0012-sort-indexes for why the two differ). The domain and zone
 * tables are keyed by offering and indexed by domain or zone, for the lists' visibility filters.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  const id = idColumn(dialect);
  const common = (t: Table) => {
    let table = t
      .addColumn('id', 'integer', id)
      .addColumn('uuid', 'varchar(40)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(255)', (c) => c.notNull())
      .addColumn('unique_name', 'varchar(64)', (c) => c.unique())
      .addColumn('display_text', 'varchar(4096)')
      .addColumn('storage_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('provisioning_type', 'varchar(16)', (c) => c.notNull())
      .addColumn('cache_mode', 'varchar(16)')
      .addColumn('customized_iops', 'integer')
      .addColumn('min_iops', big)
      .addColumn('max_iops', big);
    for (const column of RATE_COLUMNS) table = table.addColumn(column, big);
    return table
      .addColumn('sort_key', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('state', 'varchar(16)', (c) => c.notNull())
      .addColumn('created', 'varchar(32)', (c) => c.notNull())
      .addColumn('removed', 'varchar(32)');
  };

  await common(db.schema.createTable('service_offerings'))
    .addColumn('cpu_number', 'integer')
    .addColumn('cpu_speed', 'integer')
    .addColumn('memory', 'integer')
    .addColumn('customized', 'integer', (c) => c.notNull())
    .addColumn('min_cpu_number', 'integer')
    .addColumn('max_cpu_number', 'integer')
    .addColumn('min_memory', 'integer')
    .addColumn('max_memory', 'integer')
    .addColumn('offer_ha', 'integer', (c) => c.notNull())
    .addColumn('limit_cpu_use', 'integer', (c) => c.notNull())
    .addColumn('is_volatile', 'integer', (c) => c.notNull())
    .addColumn('dynamic_scaling_enabled', 'integer', (c) => c.notNull())
    .addColumn('network_rate', 'integer')
    .addColumn('host_tags', 'varchar(4096)')
    .addColumn('storage_tags', 'varchar(4096)')
    .addColumn('is_system', 'integer', (c) => c.notNull())
    .addColumn('system_vm_type', 'varchar(32)')
    .addColumn('default_use', 'integer', (c) => c.notNull())
    .execute();

  await common(db.schema.createTable('disk_offerings'))
    .addColumn('disk_size_bytes', big, (c) => c.notNull())
    .addColumn('customized', 'integer', (c) => c.notNull())
    .addColumn('tags', 'varchar(4096)')
    .addColumn('display_offering', 'integer', (c) => c.notNull())
    .execute();

  const live = (name: string, table: string, columns: string[]) => {
    const index = db.schema.createIndex(name).on(table);
    return (
      dialect === 'postgres'
        ? index.columns(columns).where('removed', 'is', null)
        : index.columns(['removed', ...columns])
    ).execute();
  };
  await live('service_offerings_live_by_sort_key', 'service_offerings', ['is_system', 'sort_key', 'id']);
  await live('disk_offerings_live_by_sort_key', 'disk_offerings', ['sort_key', 'id']);

  for (const kind of ['service', 'disk'] as const) {
    const offerings = `${kind}_offerings`;
    for (const [scope, parent] of [
      ['domain', 'domains'],
      ['zone', 'zones'],
    ] as const) {
      const table = `${kind}_offering_${scope}s`;
      await db.schema
        .createTable(table)
        .addColumn('offering_id', 'integer', (c) => c.notNull().references(`${offerings}.id`))
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
    await trackWrites(db, dialect, offerings);
  }
}
