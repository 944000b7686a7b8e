import { sql, type Kysely } from 'kysely';
import { trackWrites, type MigrationDialect } from './helpers';

/**
 * Per-host stats history (listHostsUsageHistory): one row per host per sample, written by the
 * heartbeat round that measured it. Keyed by (host_id, sampled), the order a host's chart reads
 * its range in; on SQLite the rows live in that key's b-tree (WITHOUT ROWID), so the table is its
 * own index. A second index on sampled lets the retention purge delete the oldest rows without
 * visiting every host. No indexes are added on the hosts table: heartbeats rewrite last_ping and
 * the load figures of every host each round, and on PostgreSQL an index on them would end the
 * in-place (HOT) updates that 0011 keeps.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const big = dialect === 'postgres' ? 'bigint' : 'integer';
  const float = dialect === 'postgres' ? 'double precision' : 'real';
  const table = db.schema
    .createTable('host_stats_history')
    .addColumn('host_id', 'integer', (c) => c.notNull())
    .addColumn('sampled', 'varchar(32)', (c) => c.notNull())
    .addColumn('cpu_used_percent', float, (c) => c.notNull())
    .addColumn('memory_used', big, (c) => c.notNull())
    .addColumn('memory_total', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('host_stats_history_pk', ['host_id', 'sampled']);
  await (dialect === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table).execute();
  await db.schema.createIndex('host_stats_history_sampled').on('host_stats_history').column('sampled').execute();
  await trackWrites(db, dialect, 'host_stats_history');
}
