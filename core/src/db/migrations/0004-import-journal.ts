import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/** What a datacenter import created, step by step, so a crashed import can resume or be undone. */
export async function up(_db: Kysely<unknown>, _dialect: MigrationDialect): Promise<void> {}
