import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { describe, expect, it } from 'vitest';
import { compiledOnce } from './compiled-once';
import { tablesRead } from './query-tables';

interface Db {
  t: { id: number; name: string; kind: string };
}

function database(rows: Array<[number, string, string]>, ran: CompiledQuery[] = []): Kysely<Db> {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (id integer primary key, name text, kind text)');
  const insert = sqlite.prepare('insert into t values (?, ?, ?)');
  for (const row of rows) insert.run(...row);
  return new Kysely<Db>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => void ran.push(event.query),
  });
}

describe('compiledOnce', () => {
  const byKindAbove = compiledOnce((db: Kysely<Db>, kind: string, above: number) =>
    db.selectFrom('t').select(['id', 'name']).where('kind', '=', kind).where('id', '>', above).orderBy('id'),
  );

  it('runs the query with each call’s own arguments, fixed values kept', async () => {
    const db = database([
      [1, 'a', 'x'],
      [2, 'b', 'y'],
      [3, 'c', 'x'],
    ]);
    expect(await byKindAbove(db, 'x', 0)).toEqual([
      { id: 1, name: 'a' },
      { id: 3, name: 'c' },
    ]);
    expect(await byKindAbove(db, 'x', 1)).toEqual([{ id: 3, name: 'c' }]);
    expect(await byKindAbove(db, 'y', 0)).toEqual([{ id: 2, name: 'b' }]);
    const withFixed = compiledOnce((d: Kysely<Db>, id: number) =>
      d.selectFrom('t').select('name').where('kind', '=', 'x').where('id', '=', id),
    );
    expect(await withFixed(db, 2)).toEqual([]);
    expect(await withFixed(db, 3)).toEqual([{ name: 'c' }]);
  });

  it('compiles for each database it is given', async () => {
    const one = database([[1, 'a', 'x']]);
    const two = database([[5, 'e', 'x']]);
    expect(await byKindAbove(one, 'x', 0)).toEqual([{ id: 1, name: 'a' }]);
    expect(await byKindAbove(two, 'x', 0)).toEqual([{ id: 5, name: 'e' }]);
  });

  it('runs the query with its tree, so read caches still see which tables it reads', async () => {
    const ran: CompiledQuery[] = [];
    const db = database([[1, 'a', 'x']], ran);
    await byKindAbove(db, 'x', 0);
    await byKindAbove(db, 'x', 0);
    expect(ran).toHaveLength(2);
    for (const query of ran) expect(tablesRead(query)).toEqual(new Set(['t']));
  });

  it('refuses a build that leaves an argument out', async () => {
    const unused = compiledOnce((db: Kysely<Db>, _kind: string) => db.selectFrom('t').select('id'));
    await expect(unused(database([]), 'x')).rejects.toThrow(/every argument/);
  });
});
