import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * listAsyncJobs by user (the job tray's "mine") in id order, newest first: a page and its count
 * read this index instead of every job of the account.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.createIndex('async_jobs_user').on('async_jobs').columns(['user_id', 'id']).execute();
}
