import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache';

function counted(db: SQLite.Database) {
  const prepared: string[] = [];
  const original = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    prepared.push(sql);
    return original(sql);
  }) as typeof db.prepare;
  return prepared;
}

describe('withStatementCache', () => {
  it('prepares a statement once and reuses it, with each run seeing its own parameters', () => {
    const db = new SQLite(':memory:');
    const prepared = counted(db);
    const cached = withStatementCache(db);
    cached.prepare('create table t (id integer primary key, name text)').run([]);
    const insert = 'insert into t (name) values (?)';
    for (const name of ['a', 'b', 'c']) cached.prepare(insert).run([name]);
    const select = 'select name from t where id >= ? order by id';
    expect(cached.prepare(select).all([2])).toEqual([{ name: 'b' }, { name: 'c' }]);
    expect(cached.prepare(select).all([3])).toEqual([{ name: 'c' }]);
    expect(cached.prepare(insert)).toBe(cached.prepare(insert));
    expect(prepared.filter((s) => s === insert)).toHaveLength(1);
    expect(prepared.filter((s) => s === select)).toHaveLength(1);
    cached.close();
    expect(db.open).toBe(false);
  });

  it('keeps the most recently used statements and prepares an evicted one again', () => {
    const db = new SQLite(':memory:');
    const prepared = counted(db);
    const cached = withStatementCache(db, 2);
    const one = 'select 1 as n';
    const two = 'select 2 as n';
    const three = 'select 3 as n';
    cached.prepare(one);
    cached.prepare(two);
    cached.prepare(one); // `one` is now the most recent; `two` goes first
    cached.prepare(three);
    cached.prepare(one);
    expect(prepared.filter((s) => s === one)).toHaveLength(1);
    expect(cached.prepare(two).all([])).toEqual([{ n: 2 }]);
    expect(prepared.filter((s) => s === two)).toHaveLength(2);
    cached.close();
  });
});
