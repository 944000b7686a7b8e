import type { Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';
import * as m0001 from './0001-foundation';
import * as m0002 from './0002-infrastructure';

export interface Migration {
  name: string;
  up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void>;
}

/** Every migration, in order. Later issues append; a landed migration is never edited. */
export const MIGRATIONS: Migration[] = [
  { name: '0001-foundation', up: m0001.up },
  { name: '0002-infrastructure', up: m0002.up },
];
