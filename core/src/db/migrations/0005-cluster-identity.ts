import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * The cluster's identity: one row (id 1) holding the fingerprint of the secret key every server
 * sharing the database must use. The row is written at the first start after this migration.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('cluster_identity')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('key_fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('created', 'varchar(32)', (c) => c.notNull())
    .execute();
}
