import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

export type MigrationDialect = 'sqlite' | 'postgres';

/** An auto-incrementing integer primary key in either dialect. */
export function idColumn(dialect: MigrationDialect) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}

/**
 * Records the table's writes in the write log (0008-write-log) on PostgreSQL: every table a
 * migration creates after 0008 calls this, or reads of it are kept after it changes.
 */
export async function trackWrites(db: Kysely<unknown>, dialect: MigrationDialect, table: string): Promise<void> {
  if (dialect !== 'postgres') return;
  const t = sql.id(table);
  for (const [event, rows] of [
    ['insert', sql`new table`],
    ['update', sql`new table`],
    ['delete', sql`old table`],
  ] as const) {
    await sql`create trigger ${sql.id(`${table}_writes_${event}`)} after ${sql.raw(event)} on ${t}
      referencing ${rows} as changed_rows for each statement execute function stackyard_note_rows()`.execute(db);
  }
  await sql`create trigger ${sql.id(`${table}_writes_truncate`)} after truncate on ${t}
    for each statement execute function stackyard_note_truncate()`.execute(db);
}
