import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/** Failed-login throttling and the signature replay cache. */
export async function up(_db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {}
