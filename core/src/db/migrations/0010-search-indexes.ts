import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './helpers';

/**
 * Indexes for searchResources on the kinds that grow large: host names and addresses, account
 * names and usernames, as the search compares them (lowercased names). On PostgreSQL they are
 * built in the "C" collation, so a prefix is an index range whatever the database collation.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  const key = (expression: string) => (dialect === 'postgres' ? `(${expression}) collate "C"` : `(${expression})`);
  const indexes: [name: string, table: string, expression: string][] = [
    ['hosts_search_name', 'hosts', 'lower(name)'],
    ['hosts_search_ip', 'hosts', 'private_ip'],
    ['accounts_search_name', 'accounts', 'lower(name)'],
    ['users_search_name', 'users', 'lower(username)'],
  ];
  for (const [name, table, expression] of indexes) {
    await sql`create index ${sql.id(name)} on ${sql.id(table)} (${sql.raw(key(expression))})`.execute(db);
  }
}
