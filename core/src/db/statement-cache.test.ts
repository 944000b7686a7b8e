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

  it('answers rows as better-sqlite3 does: keyed by column name, the later of two same names winning', () => {
    const db = new SQLite(':memory:');
    const cached = withStatementCache(db);
    db.exec("create table a (id integer primary key, name text); insert into a values (1, 'x'), (2, null)");
    db.exec("create table b (id integer primary key, a_id integer, name text); insert into b values (7, 1, 'y')");
    const join = 'select a.id, a.name, b.name, b.id as b_id from a left join b on b.a_id = a.id order by a.id';
    expect(cached.prepare(join).all([])).toEqual(db.prepare(join).all());
    expect(cached.prepare(join).all([])).toEqual([
      { id: 1, name: 'y', b_id: 7 },
      { id: 2, name: null, b_id: null },
    ]);
    expect([...cached.prepare('select id from a where id > ?').iterate([1])]).toEqual([{ id: 2 }]);
    const returning = cached.prepare('insert into a (name) values (?) returning id, name');
    expect(returning.reader).toBe(true);
    expect(returning.all(['z'])).toEqual([{ id: 3, name: 'z' }]);
    expect(cached.prepare('update a set name = ? where id = ?').run(['w', 3]).changes).toBe(1);
    cached.close();
  });

  it('follows a schema change: a cached `select *` answers the new column too', () => {
    const db = new SQLite(':memory:');
    const cached = withStatementCache(db);
    db.exec("create table t (id integer primary key, name text); insert into t values (1, 'a')");
    const all = 'select * from t';
    expect(cached.prepare(all).all([])).toEqual([{ id: 1, name: 'a' }]);
    db.exec("alter table t add column note text default 'n'");
    expect(cached.prepare(all).all([])).toEqual([{ id: 1, name: 'a', note: 'n' }]);
    cached.close();
  });
});
