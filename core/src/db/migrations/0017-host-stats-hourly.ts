import { sql, type Kysely } from 'kysely';
import { trackWrites, type MigrationDialect } from './helpers';

/**
 * Hourly averages of the per-host stats history: host_stats_history keeps the samples of the last
 * hours only (host.stats.history.detail.retention.hours), this table the week. One row per host
 * per hour, keyed by (host_id, hour) like the samples (WITHOUT ROWID on SQLite), with an index on
 * hour for the retention purge and for finding the last hour rolled up.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  const float = dialect === 'postgres' ? 'double precision' : 'real';
  const table = db.schema
    .createTable('host_stats_hourly')
    .addColumn('host_id', 'integer', (c) => c.notNull())
    .addColumn('hour', 'varchar(32)', (c) => c.notNull())
    .addColumn('cpu_used_percent', float, (c) => c.notNull())
    .addColumn('memory_used', big, (c) => c.notNull())
    .addColumn('memory_total', big, (c) => c.notNull())
    .addColumn('samples', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('host_stats_hourly_pk', ['host_id', 'hour']);
  await (dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table).execute();
  await db.schema.createIndex('host_stats_hourly_hour').on('host_stats_hourly').column('hour').execute();
  await trackWrites(db, dialect, 'host_stats_hourly');
}
