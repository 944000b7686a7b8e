import { sql, type Kysely } from 'kysely';
import { trackWrites, type MigrationDialect } from './helpers';

/**
 * PostgreSQL only: the write log. Every statement that changes rows of a table records the table
 * and its transaction in table_writes (once per transaction and table), so a server can tell
 * which tables changed between two snapshots and keep what it read from the others (see
 * SnapshotReads). Statements that change no row record nothing. SQLite needs none: one server
 * owns its file.
 */
export async function up(db: Kysely<unknown>, dialect: MigrationDialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`create table table_writes (
    xid xid8 not null default pg_current_xact_id(),
    relname text not null,
    primary key (xid, relname)
  )`.execute(db);
  await sql`create function stackyard_note_rows() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from changed_rows) then
        insert into table_writes (relname) values (TG_TABLE_NAME) on conflict do nothing;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create function stackyard_note_truncate() returns trigger language plpgsql as $$
    begin
      insert into table_writes (relname) values (TG_TABLE_NAME) on conflict do nothing;
      return null;
    end $$`.execute(db);
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema()
      and tablename not in ('table_writes', 'schema_migrations', 'kysely_migration_lock')
    order by tablename`.execute(db);
  for (const { tablename } of tables.rows) await trackWrites(db, dialect, tablename);
}
