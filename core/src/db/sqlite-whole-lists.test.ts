import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageOfList, type ListOrder } from './list-page';
import { openReadStore } from './read-store';
import type { Database } from './schema';
import { sqliteWholeListsOf, type SqliteWholeLists } from './sqlite-whole-lists';

/** A table of the test's own, read through the read store's Kysely (its Database type aside). */
interface Items {
  items: { id: number; name: string; removed: number };
}

describe('lists kept whole on a SQLite read-only connection', () => {
  let dir: string;
  let writer: SQLite.Database;
  let store: ReturnType<typeof openReadStore>;
  let reader: Kysely<Items>;
  let lists: SqliteWholeLists;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-whole-lists-'));
    const file = path.join(dir, 'db.sqlite');
    writer = new SQLite(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('create table items (id integer primary key, name text not null, removed integer not null)');
    const insert = writer.prepare('insert into items (name, removed) values (?, ?)');
    // Names repeat, so the order relies on the id to be total; every 7th row is removed.
    writer.transaction(() => {
      for (let i = 1; i <= 1000; i++) insert.run(`item-${i % 37}`, i % 7 === 0 ? 1 : 0);
    })();
    store = openReadStore({ kind: 'sqlite', file });
    reader = store.db as unknown as Kysely<Items>;
    lists = sqliteWholeListsOf(store.db)!;
  });

  afterEach(async () => {
    await store.close();
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const live = () => reader.selectFrom('items').select(sql.ref<number>('id').as('id')).where('removed', '=', 0);

  /** The page as SQL answers it, with LIMIT and OFFSET. */
  function sqlPage(order: ListOrder, offset: number, limit: number): number[] {
    const direction = order.direction;
    return writer
      .prepare(
        `select id from items where removed = 0 order by ${order.key ? `${order.key} ${direction}, ` : ''}id ${direction} limit ? offset ?`,
      )
      .pluck()
      .all(limit, offset) as number[];
  }

  async function page(order: ListOrder, offset: number, limit: number) {
    const answer = await pageOfList(store.db as unknown as Kysely<Database>, live(), order, { offset, limit });
    return answer.known;
  }

  it('pages in SQL when first asked, then from the list read once, equal to SQL page by page', async () => {
    const order: ListOrder = { key: 'name', id: 'id', direction: 'desc' };
    expect(await page(order, 500, 20)).toBeUndefined();
    const count = writer.prepare('select count(*) from items where removed = 0').pluck().get() as number;
    for (let offset = 0; offset < count + 20; offset += 20) {
      const known = await page(order, offset, 20);
      expect(known?.count).toBe(count);
      expect(known?.ids).toEqual(sqlPage(order, offset, 20));
    }
    expect(lists.read).toBe(1);
    const ascending: ListOrder = { key: 'name', id: 'id', direction: 'asc' };
    await page(ascending, 0, 20);
    expect((await page(ascending, 840, 20))?.ids).toEqual(sqlPage(ascending, 840, 20));
    expect(lists.read).toBe(2);
  });

  it('forgets every list when another connection commits, and reads the changed list again', async () => {
    const order: ListOrder = { id: 'id', direction: 'asc' };
    await page(order, 0, 20);
    const before = await page(order, 0, 20);
    expect(before?.ids[0]).toBe(1);

    writer.prepare('update items set removed = 1 where id = 1').run();
    writer.prepare("insert into items (name, removed) values ('new', 0)").run();
    const count = writer.prepare('select count(*) from items where removed = 0').pluck().get() as number;
    // Asked once since the change: answered by SQL, which sees the commit.
    expect(await page(order, 0, 20)).toBeUndefined();
    const after = await page(order, 0, 20);
    expect(after?.ids).toEqual(sqlPage(order, 0, 20));
    expect(after?.ids[0]).toBe(2);
    expect(after?.count).toBe(count);
    expect((await page(order, count - 1, 20))?.ids).toEqual([1001]);
    expect(lists.read).toBe(2);
  });
});
