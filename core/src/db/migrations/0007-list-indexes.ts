import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * Indexes for the busiest lists' page and count queries: live hosts and live users in id order,
 * events by archived flag in id order, and accounts by name. Each covers its query, so a page of ids and the
 * COUNT(*) beside it read a narrow index instead of every row of the table.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.createIndex('hosts_live').on('hosts').columns(['removed', 'id']).execute();
  await db.schema.createIndex('users_live').on('users').columns(['removed', 'id', 'account_id']).execute();
  await db.schema.createIndex('events_archived').on('events').columns(['archived', 'id']).execute();
  // Every user list leaves out the system account, found by name.
  await db.schema.createIndex('accounts_name').on('accounts').column('name').execute();
}
