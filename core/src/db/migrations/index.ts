import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';
import * as m0001 from './0001-foundation';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void>;
}

/** Every migration, in order. Later issues append; a landed migration is never edited. */
export const MIGRATIONS: Migration[] = [{ name: '0001-foundation', up: m0001.up }];
