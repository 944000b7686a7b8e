import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/** Management servers with stable ids, their heartbeats and the hosts they manage. */
export async function up(_db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {}
