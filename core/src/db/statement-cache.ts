import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * better-sqlite3 with its prepared statements kept for reuse (the most recently used `size`):
 * Kysely prepares every query it runs, and preparing cost as much as a 20-row list query itself.
 * A statement is never used twice at once: Kysely runs one query at a time on the connection.
 */
export function withStatementCache(database: SQLite.Database, size = 500): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close() {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the first entry is the one to drop.
        statements.delete(sql);
      } else {
        statement = withObjectRows(database.prepare(sql));
        if (statements.size >= size) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

type Row = Record<string, unknown>;

/**
 * A reading statement whose rows come back as arrays and become objects here: better-sqlite3 makes
 * an object of every row natively at twice the cost (a 20-row page of 27 columns took 200 µs as
 * objects, 90 µs as arrays made objects in JavaScript). Rows are the same: a column's name is its
 * key, and of two columns with one name the later wins, as better-sqlite3 does.
 */
function withObjectRows(statement: SQLite.Statement): SqliteStatement {
  if (!statement.reader) return statement as unknown as SqliteStatement;
  let names = statement.columns().map((c) => c.name);
  const arrays = statement.raw(true);
  const toObject = (values: unknown[]): Row => {
    // SQLite prepares a statement again after a schema change: `select *` may answer more columns.
    if (values.length !== names.length) names = statement.columns().map((c) => c.name);
    const row: Row = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
    return row;
  };
  return {
    reader: true,
    all: (parameters) => (arrays.all(parameters) as unknown[][]).map(toObject),
    run: (parameters) => arrays.run(parameters),
    *iterate(parameters) {
      for (const values of arrays.iterate(parameters) as IterableIterator<unknown[]>) yield toObject(values);
    },
  };
}
