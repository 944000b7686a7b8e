import { Kysely, PostgresDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tablesRead } from './query-tables';
import type { Database } from './schema';

// Compiles only: no query is run.
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: {} as never }) });

describe('tablesRead', () => {
  it('names the tables of joins and subqueries, aliases included', () => {
    const ids = db.selectFrom('hosts').select('id').where('removed', 'is', null);
    const query = db
      .selectFrom('events as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.id', sql<number>`count(*)`.as('n')])
      .where(sql<boolean>`${sql.ref('e.id')} in ${ids}`)
      .where('e.account_id', 'in', (eb) => eb.selectFrom('accounts').select('accounts.id'))
      .compile();
    const tables = tablesRead(query);
    expect(tables).not.toBe('all');
    expect([...(tables as Set<string>)].sort()).toEqual(['accounts', 'e', 'events', 'hosts', 'u', 'users']);
  });

  it('gives every table for raw SQL that may read one the tree does not name', () => {
    expect(tablesRead(sql`select count(*) from hosts`.compile(db))).toBe('all');
    const query = db
      .selectFrom('zones')
      .select(sql<number>`(select count(*) from pods)`.as('pods'))
      .compile();
    expect(tablesRead(query)).toBe('all');
  });
});
