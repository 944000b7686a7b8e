import crypto from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nowIso } from '../../src/domain/time';
import { dialects, startTestCore, type TestCore } from '../harness';
import { QueryCounter } from '../query-counter';
import type { CoreServices } from '../../src/services/core-services';
import { tenancy } from '../../src/services/tenancy/index';
import { createDomain, ok } from './fixtures';

const ACCOUNTS = 1000;
const USERS_PER_ACCOUNT = 10;

describe.each(dialects())('lists at 10k users: fixed query counts and whole pages (%s)', (dialect) => {
  let tc: TestCore;
  let domainIds: string[];

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const domains = [await createDomain(tc, 'PerfA'), await createDomain(tc, 'PerfB')];
    domains.push(await createDomain(tc, 'PerfA1', domains[0]?.id));
    domainIds = domains.map((d) => d.id);
    const db = tc.core.store.db;
    const rows = await db.selectFrom('domains').select(['id', 'uuid']).where('uuid', 'in', domainIds).execute();
    const role = await db
      .selectFrom('roles')
      .select('id')
      .where('type', '=', 'User')
      .where('is_default', '=', 1)
      .executeTakeFirstOrThrow();
    const hash = await tc.core.auth.hashPassword('Perf-pass1');
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      for (let start = 0; start < ACCOUNTS; start += 100) {
        const accounts = await trx
          .insertInto('accounts')
          .values(
            Array.from({ length: 100 }, (_, i) => ({
              uuid: crypto.randomUUID(),
              name: `perf-${start + i}`,
              domain_id: (rows[(start + i) % rows.length] as { id: number }).id,
              type: 0,
              role_id: role.id,
              state: 'enabled',
              network_domain: null,
              is_default: 0,
              created: now,
              removed: null,
            })),
          )
          .returning('id')
          .execute();
        await trx
          .insertInto('users')
          .values(
            accounts.flatMap((a, i) =>
              Array.from({ length: USERS_PER_ACCOUNT }, (_, j) => ({
                uuid: crypto.randomUUID(),
                account_id: a.id,
                username: `perf-${start + i}-${j}`,
                password_hash: hash,
                firstname: 'Perf',
                lastname: `User ${j}`,
                email: `perf-${start + i}-${j}@example.com`,
                timezone: null,
                state: 'enabled',
                api_key: null,
                secret_key: null,
                is_default: 0,
                incorrect_login_attempts: 0,
                created: now,
                removed: null,
              })),
            ),
          )
          .execute();
      }
    });
    // A freshly bulk-filled PostgreSQL has no statistics until autovacuum runs; a live one has them.
    if (dialect === 'postgres') await sql`analyze`.execute(db);
  }, 120_000);
  afterAll(async () => tc?.close());

  it('builds a page with a fixed number of queries, never one per row', async () => {
    const counter = new QueryCounter();
    const services: CoreServices = {
      ...tc.core.services,
      store: { ...tc.core.store, db: tc.core.store.db.withPlugin(counter) },
    };
    const t = tenancy(services);
    const count = async (fn: () => Promise<{ items: unknown[] }>, rows: number) => {
      counter.count = 0;
      const { items } = await fn();
      expect(items).toHaveLength(rows);
      return counter.count;
    };
    // The page and its COUNT.
    expect(await count(() => t.users.list(tc.admin, { listall: true, page: 2, pagesize: 500 }), 500)).toBe(2);
    expect(await count(() => t.domains.list(tc.admin, { page: 1, pagesize: 2 }), 2)).toBe(2);
    // Accounts: the page, its COUNT, and the users of all its accounts in one more.
    expect(await count(() => t.accounts.list(tc.admin, { listall: true, page: 1, pagesize: 500 }), 500)).toBe(3);
  });

  it('pages 500 of 10k users with the total count', async () => {
    const first = ok(await tc.call('listUsers', { listall: 'true', page: '3', pagesize: '500' }));
    expect(first.user).toHaveLength(500);
    expect(first.count).toBe(ACCOUNTS * USERS_PER_ACCOUNT + 1); // + the admin user
    expect(first.user[0]).toMatchObject({ firstname: 'Perf', accounttype: 0, roletype: 'User' });
    const last = ok(await tc.call('listUsers', { listall: 'true', page: '21', pagesize: '500' }));
    expect(last.user).toHaveLength(1);
    expect(last.user[0].id).not.toBe(first.user[0].id);
  });

  it('pages users of a domain subtree and finds them by keyword', async () => {
    const sub = ok(
      await tc.call('listUsers', { domainid: domainIds[0] as string, isrecursive: 'true', pagesize: '500', page: '2' }),
    );
    expect(sub.user).toHaveLength(500);
    expect(sub.user.every((u: any) => u.domain === 'PerfA' || u.domain === 'PerfA1')).toBe(true);
    const kw = ok(await tc.call('listUsers', { listall: 'true', keyword: 'perf-99', pagesize: '500' }));
    expect(kw.count).toBeGreaterThan(0);
    expect(kw.user.every((u: any) => JSON.stringify(u).toLowerCase().includes('perf-99'))).toBe(true);
  });

  it('pages 500 of 1000 accounts with their users', async () => {
    const page = ok(await tc.call('listAccounts', { listall: 'true', page: '1', pagesize: '500' }));
    expect(page.account).toHaveLength(500);
    expect(page.account[1].user).toHaveLength(USERS_PER_ACCOUNT);
    const second = ok(await tc.call('listAccounts', { listall: 'true', page: '2', pagesize: '500' }));
    expect(second.account.length).toBeGreaterThan(0);
    expect(second.account.map((a: any) => a.id)).not.toContain(page.account[0].id);
  });
});
