import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * Events and alerts keep the catalogue message (contract/messages.ts) their English text was
 * rendered from: the key, and the parameters as a JSON object of strings. Rows written before
 * have neither and keep showing their stored English text.
 */
export async function up(db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {
  await db.schema.alterTable('events').addColumn('description_key', 'text').execute();
  await db.schema.alterTable('events').addColumn('description_params', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('subject_key', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('subject_params', 'text').execute();
}
