import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/** Live rows' sort columns, per table: each gets a partial index on (column, id) where removed is null. */
const LIVE_SORTS: Record<string, readonly string[]> = {
  hosts: [
    'name',
    'status',
    'resource_state',
    'private_ip',
    'hypervisor_type',
    'created',
    'cpu_allocated',
    'memory_allocated',
  ],
  clusters: ['name'],
  pods: ['name'],
  storage_pools: ['name', 'status'],
  accounts: ['name', 'type', 'state', 'created'],
  users: ['username', 'firstname', 'lastname', 'state', 'created'],
  domains: ['name', 'path', 'level', 'created'],
};

/** Sort columns of the archivable logs: (archived, column, id), as they list one archived flag at a time. */
const ARCHIVED_SORTS: Record<string, readonly string[]> = {
  events: ['created', 'type', 'level'],
  alerts: ['created', 'name', 'type'],
};

/**
 * Indexes for Stackyard's sorted lists (sortby/sortorder): a page of a list sorted by a column
 * reads (column, id) in order, forwards or backwards, so a deep page walks a narrow index instead
 * of sorting every matching row. Indexes on live rows are partial (removed is null), which both
 * SQLite and PostgreSQL use for the lists' `removed is null` filter while keeping the sort order.
 * Zones and image stores are left out: a handful of rows, sorted in memory in no time.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  for (const [table, columns] of Object.entries(LIVE_SORTS)) {
    for (const column of columns) {
      await db.schema
        .createIndex(`${table}_live_by_${column}`)
        .on(table)
        .columns([column, 'id'])
        .where('removed', 'is', null)
        .execute();
    }
  }
  for (const [table, columns] of Object.entries(ARCHIVED_SORTS)) {
    for (const column of columns) {
      await db.schema.createIndex(`${table}_by_${column}`).on(table).columns(['archived', column, 'id']).execute();
    }
  }
}
