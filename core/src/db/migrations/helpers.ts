import type { ColumnDefinitionBuilder } from 'kysely';

export type MigrationDialect = 'sqlite' | 'postgres';

/** An auto-incrementing integer primary key in either dialect. */
export function idColumn(dialect: MigrationDialect) {
  return (col: ColumnDefinitionBuilder) =>
    dialect === 'postgres' ? col.primaryKey().generatedByDefaultAsIdentity() : col.primaryKey().autoIncrement();
}
