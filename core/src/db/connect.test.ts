import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dialects, freshDatabase } from '../../test/harness';
import { openStore, type Store } from './connect';

const postgres = dialects().includes('postgres');

describe.skipIf(!postgres)('the PostgreSQL store', () => {
  let store: Store | undefined;
  let drop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await store?.close();
    await drop?.();
  });

  it('survives the server ending its idle connections, and reconnects', async () => {
    const database = await freshDatabase('postgres');
    drop = database.drop;
    if (database.config.kind !== 'postgres') throw new Error('expected PostgreSQL');
    store = openStore(database.config);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await sql`select 1`.execute(store.db);
      // What a server restart or an administrator does to every other session.
      const admin = new pg.Client({ connectionString: database.config.url });
      await admin.connect();
      const killed = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
      );
      await admin.end();
      expect(killed.rowCount).toBeGreaterThan(0);
      await vi.waitFor(() =>
        expect(logged).toHaveBeenCalledWith(expect.stringContaining('connection was lost'), expect.anything()),
      );
      const again = await sql<{ n: number }>`select 2 as n`.execute(store.db);
      expect(again.rows[0]?.n).toBe(2);
    } finally {
      logged.mockRestore();
    }
  });
});
