import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/** Live rows' sort columns, per table: each gets an index for `removed is null` in (column, id) order. */
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
 * reads the index in (column, id) order, forwards or backwards, so a deep page walks a narrow
 * index instead of sorting every matching row. Live rows (`removed is null`) are indexed the way
 * each planner can use for that filter and the order at once: PostgreSQL does not take
 * `removed is null` on a leading column as fixing it, so there the index is partial on
 * (column, id); SQLite does (an IS constraint), and prefers an index that starts with the
 * filtered column over a partial one, so there it is (removed, column, id).
 * Zones and image stores are left out: a handful of rows, sorted in memory in no time.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  for (const [table, columns] of Object.entries(LIVE_SORTS)) {
    for (const column of columns) {
      const index = db.schema.createIndex(`${table}_live_by_${column}`).on(table);
      await (
        dialect === 'postgres'
          ? index.columns([column, 'id']).where('removed', 'is', null)
          : index.columns(['removed', column, 'id'])
      ).execute();
    }
  }
  for (const [table, columns] of Object.entries(ARCHIVED_SORTS)) {
    for (const column of columns) {
      await db.schema.createIndex(`${table}_by_${column}`).on(table).columns(['archived', column, 'id']).execute();
    }
  }
}
