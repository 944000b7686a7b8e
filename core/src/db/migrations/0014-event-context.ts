import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * Context to investigate with (Stackyard additions, none of them CloudStack columns):
 * - events: the caller's source address (the client address as the server saw it, "local" for the
 *   desktop app's operator) and the async job (uuid) the event was recorded in;
 * - async_jobs: the submitter's source address, so the events a job records carry it;
 * - alerts: who acknowledged an alert and when, and the admin it is assigned to. listAlerts filters
 *   on both within the open (unarchived) alerts, so each has an index in (archived, column, id) order.
 * None of the new event columns is filtered on, so none is indexed.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('events').addColumn('source_address', 'text').execute();
  await db.schema.alterTable('events').addColumn('job_id', 'text').execute();
  await db.schema.alterTable('async_jobs').addColumn('source_address', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('acknowledged_by', 'integer').execute();
  await db.schema.alterTable('alerts').addColumn('acknowledged_at', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('assignee_id', 'integer').execute();
  await db.schema
    .createIndex('alerts_acknowledged')
    .on('alerts')
    .columns(['archived', 'acknowledged_at', 'id'])
    .execute();
  await db.schema.createIndex('alerts_assignee').on('alerts').columns(['archived', 'assignee_id', 'id']).execute();
}
