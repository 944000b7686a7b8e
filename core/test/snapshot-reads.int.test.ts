/**
 * The PostgreSQL read view (issue 8, finding 9): what it answers from memory is always what the
 * database answers now, whichever server wrote last; writes to other tables, and statements that
 * change nothing, keep what it remembers; lists paged from memory equal lists paged in SQL.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/connect';
import { listUsers } from '../src/db/repositories/users';
import { snapshotReadsOf, type SnapshotReads } from '../src/db/snapshot-reads';
import { WriteLogPruner } from '../src/db/write-log';
import { createCore, type Core } from '../src/core';
import { addUser } from './auth-fixtures';
import { ADMIN_PASSWORD, freshDatabase } from './harness';

const HAS_PG = Boolean(process.env.STACKYARD_TEST_PG_URL);

describe.runIf(HAS_PG)('the PostgreSQL read view', () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let core: Core;
  let view: Store;
  let reads: SnapshotReads;
  /** Another server's connection to the same database. */
  let other: pg.Client;

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    core = await createCore({
      database: database.config,
      dataDir: database.dataDir,
      adminPassword: ADMIN_PASSWORD,
      runJobs: false,
    });
    view = core.readView as Store;
    reads = snapshotReadsOf(view.db) as SnapshotReads;
    other = new pg.Client({ connectionString: (database.config as { url: string }).url });
    await other.connect();
    for (const username of ['ada', 'bo', 'cy', 'dee', 'eve']) await addUser(core, { username });
  });
  afterAll(async () => {
    await other?.end();
    await core?.close();
    await database?.drop();
  });

  const firstNames = () => view.db.selectFrom('users').select(['username', 'firstname']).orderBy('id').execute();
  const hits = () => reads.counts.hits;

  it('records the writes of every table in the write log', async () => {
    const { rows } = await sql<{ tablename: string; triggers: string[] }>`
      select t.tablename, array(select tgname::text from pg_trigger g
        where g.tgrelid = (quote_ident(t.tablename))::regclass and not g.tgisinternal order by tgname) as triggers
      from pg_tables t
      where t.schemaname = current_schema()
        and t.tablename not in ('table_writes', 'schema_migrations', 'kysely_migration_lock')`.execute(core.store.db);
    expect(rows.length).toBeGreaterThan(20);
    for (const { tablename, triggers } of rows) {
      expect(triggers, tablename).toEqual(
        ['delete', 'insert', 'truncate', 'update'].map((event) => `${tablename}_writes_${event}`),
      );
    }
  });

  it('answers a read again from memory until another server writes a table it reads', async () => {
    const before = await firstNames();
    let answered = hits();
    expect(await firstNames()).toEqual(before);
    expect(hits()).toBe(answered + 1);

    // Writes to other tables, and a write to users that changes no row, keep it.
    await other.query(`update domains set name = name where id = (select min(id) from domains)`);
    await other.query(`update users set firstname = 'Nobody' where false`);
    answered = hits();
    expect(await firstNames()).toEqual(before);
    expect(hits()).toBe(answered + 1);

    await other.query(`update users set firstname = 'Ada' where username = 'ada'`);
    answered = hits();
    const after = await firstNames();
    expect(hits()).toBe(answered);
    expect(after.find((u) => u.username === 'ada')?.firstname).toBe('Ada');
  });

  it('sees a write committed by this server at once', async () => {
    expect((await firstNames()).map((u) => u.username)).not.toContain('fay');
    await addUser(core, { username: 'fay' });
    expect((await firstNames()).map((u) => u.username)).toContain('fay');
  });

  it('pages a list from memory exactly as SQL pages it, and counts an insert at once', async () => {
    const scope = { kind: 'all' } as const;
    const page = async (db: Store['db'], offset: number) => {
      const { rows, count } = await listUsers(db, { scope }, { offset, limit: 2 });
      return { ids: rows.map((r) => r.id), count };
    };
    const listsBefore = reads.wholeListsRead;
    const expected = await Promise.all([0, 2, 4, 6].map((offset) => page(core.store.db, offset)));
    for (let round = 0; round < 2; round++) {
      expect(await Promise.all([0, 2, 4, 6].map((offset) => page(view.db, offset)))).toEqual(expected);
    }
    expect(reads.wholeListsRead).toBeGreaterThan(listsBefore);
    // Without a page size the list is never given as parameters, however long.
    const all = (db: Store['db']) => listUsers(db, { scope }).then(({ rows, count }) => [rows.map((r) => r.id), count]);
    expect(await all(view.db)).toEqual(await all(core.store.db));
    expect(await all(view.db)).toEqual(await all(core.store.db));

    await addUser(core, { username: 'gus' });
    const grown = await page(view.db, 0);
    expect(grown.count).toBe((expected[0]?.count ?? 0) + 1);
    expect(await page(view.db, grown.count - 1)).toEqual(await page(core.store.db, grown.count - 1));
  });

  it('never answers from memory inside a transaction, nor a query that is not repeatable', async () => {
    await firstNames();
    const answered = hits();
    await view.db.transaction().execute(async (trx) => {
      await trx.selectFrom('users').select(['username', 'firstname']).orderBy('id').execute();
      await trx.selectFrom('users').select(['username', 'firstname']).orderBy('id').execute();
    });
    const now = () => sql<{ t: string }>`select clock_timestamp()::text as t`.execute(view.db);
    const [a, b] = [await now(), await now()];
    expect(a.rows[0]?.t).not.toBe(b.rows[0]?.t);
    expect(hits()).toBe(answered);
  });

  it('refuses to write', async () => {
    await expect(
      view.db.updateTable('users').set({ firstname: 'Mallory' }).where('username', '=', 'ada').execute(),
    ).rejects.toThrow(/read-only transaction/);
  });

  it('does not hand a read sent before a write to a caller who asked after it', async () => {
    const query = view.db.selectFrom('users').select('firstname').where('username', '=', 'bo').compile();
    const direct = () => other.query<{ firstname: string }>(query.sql, [...query.parameters]);
    let sent!: () => void;
    const querySent = new Promise<void>((resolve) => (sent = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // A read sent before the write, slow to answer (one connection runs its queries in order).
    const early = reads.query(query, async () => {
      const result = direct();
      sent();
      const { rows } = await result;
      await gate;
      return { rows };
    });
    await querySent;
    await other.query(`update users set firstname = 'Bo' where username = 'bo'`);
    let ranAgain = false;
    const late = await reads.query(query, async () => {
      ranAgain = true;
      return { rows: (await direct()).rows };
    });
    release();
    expect((await early).rows[0]?.firstname).not.toBe('Bo');
    expect(ranAgain).toBe(true);
    expect(late.rows).toEqual([{ firstname: 'Bo' }]);
  });

  it('prunes the writes of transactions ended before a horizon kept long enough, and keeps the others', async () => {
    await other.query(`update domains set name = name where id = (select min(id) from domains)`);
    const running = new pg.Client({ connectionString: (database.config as { url: string }).url });
    await running.connect();
    try {
      await running.query('begin');
      await running.query(`update accounts set name = name where id = (select min(id) from accounts)`);
      const { rows } = await running.query<{ xid: string }>('select pg_current_xact_id()::text as xid');
      // The oldest transaction still running is cluster-wide (other tests' databases share it), so
      // the horizons are scripted: at 0 s the running one is the oldest, then time passes.
      const horizons = [
        { at: 0, xmin: rows[0]?.xid as string },
        { at: 10, xmin: rows[0]?.xid as string },
        { at: 20, xmin: rows[0]?.xid as string },
      ];
      const pruner = new WriteLogPruner(core.store, { keptSeconds: 15, horizon: async () => horizons.shift()! });
      const logged = async () =>
        (await sql<{ relname: string }>`select relname from table_writes`.execute(core.store.db)).rows
          .map((r) => r.relname)
          .sort();
      await pruner.prune();
      await pruner.prune();
      // No horizon is 15 s old yet: everything stays.
      expect(await logged()).toContain('domains');
      await pruner.prune();
      await running.query('commit');
      expect(await logged()).toEqual(['accounts']);
    } finally {
      await running.end();
    }
  });
});
