import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dialects, freshDatabase } from '../../test/harness';
import { migrate, openStore, type Store } from '../db/connect';
import type { LiveMessage } from './core-services';
import { EventService, listEvents } from './events';
import { message } from '../domain/messages';

async function owner(store: Store) {
  const now = new Date().toISOString();
  const domain = await store.db
    .insertInto('domains')
    .values({
      uuid: crypto.randomUUID(),
      name: 'ROOT',
      parent_id: null,
      id_path: '/',
      path: 'ROOT',
      level: 0,
      network_domain: null,
      state: 'Active',
      created: now,
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await store.db
    .updateTable('domains')
    .set({ id_path: `/${domain.id}/` })
    .where('id', '=', domain.id)
    .execute();
  const role = await store.db
    .insertInto('roles')
    .values({
      uuid: crypto.randomUUID(),
      name: 'User',
      type: 'User',
      description: null,
      is_default: 1,
      created: now,
      removed: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const account = await store.db
    .insertInto('accounts')
    .values({
      uuid: crypto.randomUUID(),
      name: 'alice-acct',
      domain_id: domain.id,
      type: 0,
      role_id: role.id,
      state: 'enabled',
      network_domain: null,
      is_default: 0,
      created: now,
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const user = await store.db
    .insertInto('users')
    .values({
      uuid: crypto.randomUUID(),
      account_id: account.id,
      username: 'alice',
      password_hash: 'x',
      firstname: 'A',
      lastname: 'L',
      email: null,
      timezone: null,
      state: 'enabled',
      api_key: null,
      secret_key: null,
      is_default: 0,
      incorrect_login_attempts: 0,
      created: now,
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { domain, account, user, caller: { userId: user.id, accountId: account.id, domainId: domain.id } };
}

describe.each(dialects())('EventService (%s)', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let events: EventService;

  beforeEach(async () => {
    database = await freshDatabase(dialect);
    store = openStore(database.config);
    await migrate(store);
    events = new EventService(store);
  });

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('records an event with defaults and the caller as owner', async () => {
    const o = await owner(store);
    const row = await events.record({
      type: 'USER.LOGIN',
      message: message('event.user.loggedIn', {}),
      caller: o.caller,
      resourceType: 'User',
      resourceId: o.user.uuid,
    });
    expect(row).toMatchObject({
      type: 'USER.LOGIN',
      level: 'INFO',
      state: 'Completed',
      archived: 0,
      user_id: o.user.id,
      account_id: o.account.id,
      domain_id: o.domain.id,
      parent_id: null,
    });
    expect(row.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const system = await events.record({
      type: 'ALERT.GENERATE',
      message: message('event.role.updated', { name: 'disk full' }),
      level: 'WARN',
      state: 'Started',
    });
    expect(system).toMatchObject({ level: 'WARN', state: 'Started', user_id: null, account_id: null, domain_id: null });
  });

  it('publishes the listEvents response object on the live stream', async () => {
    const o = await owner(store);
    const seen: LiveMessage[] = [];
    events.subscribe((m) => seen.push(m));
    const row = await events.record({
      type: 'ACCOUNT.UPDATE',
      message: message('event.account.renamed', { name: 'alice-acct', newName: 'alice' }),
      caller: o.caller,
      resourceType: 'Account',
      resourceId: o.account.uuid,
    });
    expect(seen).toHaveLength(1);
    const live = seen[0] as Extract<LiveMessage, { kind: 'event' }>;
    expect(live.kind).toBe('event');
    expect(live.scope).toEqual({ accountId: o.account.id, domainId: o.domain.id });
    expect(live.event).toEqual({
      id: row.uuid,
      username: 'alice',
      type: 'ACCOUNT.UPDATE',
      level: 'INFO',
      description: 'Updated account alice-acct (renamed to alice)',
      descriptionkey: 'event.account.renamed',
      descriptionparams: { name: 'alice-acct', newName: 'alice' },
      account: 'alice-acct',
      domainid: o.domain.uuid,
      domain: 'ROOT',
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/),
      state: 'Completed',
      resourcetype: 'Account',
      resourceid: o.account.uuid,
      archived: false,
      userid: o.user.uuid,
      accountid: o.account.uuid,
    });
    const listed = await listEvents(store, { kind: 'all' }, { archived: false });
    expect(listed.count).toBe(1);
  });

  it('keeps delivering when a listener throws, and stops after unsubscribe', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const got: string[] = [];
    events.subscribe(() => {
      throw new Error('broken listener');
    });
    const off = events.subscribe((m) => got.push(m.kind));
    events.publish({ kind: 'job', scope: { accountId: 1, domainId: 1 }, job: { jobid: 'x' } });
    expect(got).toEqual(['job']);
    off();
    events.publish({ kind: 'job', scope: { accountId: 1, domainId: 1 }, job: { jobid: 'y' } });
    expect(got).toEqual(['job']);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('purges events older than a given time', async () => {
    const old = await events.record({ type: 'USER.LOGIN', message: message('event.role.updated', { name: 'old' }) });
    await events.record({ type: 'USER.LOGIN', message: message('event.role.updated', { name: 'new' }) });
    await store.db
      .updateTable('events')
      .set({ created: new Date(Date.now() - 20 * 86_400_000).toISOString() })
      .where('id', '=', old.id)
      .execute();
    expect(await events.purgeOlderThan(new Date(Date.now() - 15 * 86_400_000))).toBe(1);
    const left = await store.db.selectFrom('events').select('description').execute();
    expect(left.map((r) => r.description)).toEqual(['Updated role new']);
  });
});
