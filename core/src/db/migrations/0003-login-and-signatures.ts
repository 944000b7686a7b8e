import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * Failed-login throttling and the signature replay cache. Both live in the database so that
 * every server sharing it throttles and refuses replays alike, and a restart forgets neither.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('login_failures')
    // 'user:<domain id>:<username>' or 'addr:<source address>'.
    .addColumn('key', 'varchar(600)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure', 'varchar(32)', (c) => c.notNull())
    .addColumn('blocked_until', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_last').on('login_failures').column('last_failure').execute();

  await db.schema
    .createTable('used_signatures')
    // SHA-256 (hex) of the request's signature.
    .addColumn('hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('expires', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('used_signatures_expires').on('used_signatures').column('expires').execute();
}
