import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/** The cluster's identity: the secret key fingerprint and the first-start set-up lock. */
export async function up(_db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {}
