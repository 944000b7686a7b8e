import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDomain, addUser, type FixtureDomain, type FixtureUser } from '../../../test/auth-fixtures';
import { dialects, startTestCore, type TestCore } from '../../../test/harness';
import { EVENT_TYPES } from '../../domain/event-types';
import type { Caller } from '../../services/caller';
import type { LiveMessage } from '../../services/core-services';
import { parseApiDate } from './events';
import { message } from '../../domain/messages';

/**
 * The tree: ROOT (admin, rooty) > Sales (sam: domain admin, una: user) > East (eve: user).
 * Each test starts from the same events: one VM.START per caller and one system event.
 */
describe.each(dialects())('event commands (%s)', (dialect) => {
  let tc: TestCore;
  let sales: FixtureDomain;
  let east: FixtureDomain;
  type Name = 'admin' | 'rooty' | 'sam' | 'una' | 'eve';
  const users = {} as Record<Exclude<Name, 'admin'>, FixtureUser>;
  const as = {} as Record<Name, Caller>;
  const ids = {} as Record<Name | 'system', string>;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    sales = await addDomain(tc.core, 'Sales');
    east = await addDomain(tc.core, 'East', sales);
    users.rooty = await addUser(tc.core, { username: 'rooty' });
    users.sam = await addUser(tc.core, { username: 'sam', role: 'DomainAdmin', domain: sales });
    users.una = await addUser(tc.core, { username: 'una', domain: sales });
    users.eve = await addUser(tc.core, { username: 'eve', domain: east });
    for (const [name, u] of Object.entries(users) as [Exclude<Name, 'admin'>, FixtureUser][])
      as[name] = (await tc.core.auth.callerForUser(u.userId, 'session')) as Caller;
    as.admin = tc.admin;
  });

  afterAll(async () => {
    await tc?.close();
  });

  beforeEach(async () => {
    await tc.core.store.db.deleteFrom('events').execute();
    for (const [i, name] of (['admin', 'rooty', 'sam', 'una', 'eve'] as const).entries()) {
      const row = await tc.core.events.record({
        type: 'VM.START',
        message: message('event.role.updated', { name: `started by ${name}` }),
        caller: as[name],
        resourceType: 'VirtualMachine',
        resourceId: `0000000${i}-0000-0000-0000-000000000000`,
      });
      ids[name] = row.uuid;
    }
    ids.system = (
      await tc.core.events.record({
        type: 'ALERT.GENERATE',
        message: message('event.role.updated', { name: 'system alert' }),
        level: 'WARN',
      })
    ).uuid;
  });

  const list = async (caller: Caller, params: Record<string, string> = {}) => {
    const r = await tc.call('listEvents', params, caller);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const items = (r.data.event ?? []) as Record<string, any>[];
    return {
      items,
      count: (r.data.count ?? 0) as number,
      who: items.map((e) => String(e.description).replace('Updated role started by ', '')),
    };
  };

  it('shows a user only the own events, even with listall or the own domain', async () => {
    expect((await list(as.una)).who).toEqual(['una']);
    expect((await list(as.una, { listall: 'true' })).who).toEqual(['una']);
    expect((await list(as.una, { domainid: sales.uuid, isrecursive: 'true' })).who).toEqual(['una']);
    const denied = await tc.call('listEvents', { domainid: east.uuid }, as.una);
    expect(denied.status).toBe(531);
  });

  it('shows a domain admin the subtree with listall, one domain with domainid', async () => {
    expect((await list(as.sam)).who).toEqual(['sam']);
    expect((await list(as.sam, { listall: 'true' })).who.sort()).toEqual(['eve', 'sam', 'una']);
    expect((await list(as.sam, { domainid: sales.uuid })).who.sort()).toEqual(['sam', 'una']);
    expect((await list(as.sam, { domainid: sales.uuid, isrecursive: 'true' })).who.sort()).toEqual([
      'eve',
      'sam',
      'una',
    ]);
    expect((await list(as.sam, { domainid: east.uuid, account: 'eve' })).who).toEqual(['eve']);
    expect((await tc.call('listEvents', { domainid: tc.admin.domainUuid }, as.sam)).status).toBe(531);
  });

  it('shows the root admin everything with listall, newest first, in the CloudStack shape', async () => {
    const all = await list(as.admin, { listall: 'true' });
    expect(all.count).toBe(6);
    expect(all.items.map((e) => e.id)).toEqual([ids.system, ids.eve, ids.una, ids.sam, ids.rooty, ids.admin]);
    expect(all.items[1]).toEqual({
      id: ids.eve,
      username: 'eve',
      type: 'VM.START',
      level: 'INFO',
      description: 'Updated role started by eve',
      descriptionkey: 'event.role.updated',
      descriptionparams: { name: 'started by eve' },
      account: 'eve',
      domainid: east.uuid,
      domain: 'East',
      created: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0000$/),
      state: 'Completed',
      resourcetype: 'VirtualMachine',
      resourceid: '00000004-0000-0000-0000-000000000000',
      archived: false,
      userid: as.eve.userUuid,
      accountid: as.eve.accountUuid,
    });
    expect(all.items[0]).toMatchObject({ type: 'ALERT.GENERATE', level: 'WARN' });
    expect(all.items[0]?.account).toBeUndefined();
    expect((await list(as.admin)).who).toEqual(['admin']);
  });

  it('filters by id, type, level, keyword, resource and pages with a total count', async () => {
    const root = { listall: 'true' };
    expect((await list(as.admin, { ...root, id: ids.una })).who).toEqual(['una']);
    expect((await list(as.admin, { ...root, type: 'vm.start' })).count).toBe(5);
    expect((await list(as.admin, { ...root, level: 'WARN' })).items.map((e) => e.id)).toEqual([ids.system]);
    expect((await list(as.admin, { ...root, keyword: 'BY EV' })).who).toEqual(['eve']);
    expect((await list(as.admin, { ...root, keyword: '%' })).count).toBe(0);
    expect(
      (
        await list(as.admin, {
          ...root,
          resourcetype: 'virtualmachine',
          resourceid: '00000004-0000-0000-0000-000000000000',
        })
      ).who,
    ).toEqual(['eve']);
    const page2 = await list(as.admin, { ...root, page: '2', pagesize: '2' });
    expect(page2.count).toBe(6);
    expect(page2.who).toEqual(['una', 'sam']);
    const bad = await tc.call('listEvents', { level: 'LOUD' }, as.admin);
    expect(bad.status).toBe(431);
  });

  it('filters by start and end date; a bare end date covers the whole day', async () => {
    const set = (uuid: string, created: string) =>
      tc.core.store.db.updateTable('events').set({ created }).where('uuid', '=', uuid).execute();
    await set(ids.rooty, '2026-01-01T23:59:59.000Z');
    await set(ids.sam, '2026-01-02T00:00:00.000Z');
    await set(ids.una, '2026-01-02T15:00:00.000Z');
    await set(ids.eve, '2026-01-03T00:00:01.000Z');
    const root = { listall: 'true' };
    expect((await list(as.admin, { ...root, startdate: '2026-01-02', enddate: '2026-01-02' })).who.sort()).toEqual([
      'sam',
      'una',
    ]);
    expect(
      (
        await list(as.admin, { ...root, startdate: '2026-01-02 12:00:00', enddate: '2026-01-03T00:00:01+0000' })
      ).who.sort(),
    ).toEqual(['eve', 'una']);
    expect((await list(as.admin, { ...root, enddate: '2026-01-01' })).who).toEqual(['rooty']);
    expect((await tc.call('listEvents', { startdate: 'yesterday' }, as.admin)).status).toBe(431);
  });

  it('finds pending (Started, never completed) events with entrytime and duration', async () => {
    const started = await tc.core.events.record({
      type: 'VM.STOP',
      message: message('event.role.updated', { name: 'stopping' }),
      state: 'Started',
      caller: as.admin,
    });
    await tc.core.store.db
      .updateTable('events')
      .set({ created: new Date(Date.now() - 120_000).toISOString() })
      .where('id', '=', started.id)
      .execute();
    const pending = await list(as.admin, { entrytime: '600', duration: '60' });
    expect(pending.items.map((e) => e.id)).toEqual([started.uuid]);
    expect((await tc.call('listEvents', { entrytime: '60', duration: '600' }, as.admin)).data.errortext).toBe(
      'Entry time must be greater than duration',
    );
    expect((await tc.call('listEvents', { duration: '60' }, as.admin)).status).toBe(431);
  });

  it('lists the event types', async () => {
    const r = await tc.call('listEventTypes', {}, as.una);
    expect(r.status).toBe(200);
    expect(r.data.count).toBe(EVENT_TYPES.length);
    const names = (r.data.eventtype as { name: string }[]).map((t) => t.name);
    for (const t of [
      'USER.LOGIN',
      'ACCOUNT.DELETE',
      'CONFIGURATION.VALUE.EDIT',
      'VM.MIGRATE',
      'NET.RULEADD',
      'SERVICE.OFFERING.CREATE',
    ])
      expect(names).toContain(t);
  });

  it('lets a user archive and delete only the own events', async () => {
    const ok = await tc.call('archiveEvents', { ids: ids.una }, as.una);
    expect(ok.body).toEqual({ archiveeventsresponse: { success: true } });
    expect((await list(as.una)).count).toBe(0);
    expect((await list(as.una, { archived: 'true' })).items.map((e) => ({ id: e.id, archived: e.archived }))).toEqual([
      { id: ids.una, archived: true },
    ]);

    const foreign = await tc.call('archiveEvents', { ids: `${ids.una},${ids.eve}` }, as.una);
    expect(foreign.status).toBe(431);
    expect(foreign.data.errortext).toBe(`Unable to find event with id ${ids.eve}`);
    expect((await list(as.admin, { listall: 'true', archived: 'true' })).items.map((e) => e.id)).toEqual([ids.una]);

    const byType = await tc.call('deleteEvents', { type: 'VM.START' }, as.una);
    expect(byType.status).toBe(200);
    expect((await list(as.admin, { listall: 'true', type: 'VM.START' })).who.sort()).toEqual([
      'admin',
      'eve',
      'rooty',
      'sam',
    ]);
    expect((await list(as.admin, { listall: 'true', archived: 'true' })).count).toBe(0);
  });

  it('lets a domain admin manage the subtree and the root admin everything', async () => {
    expect((await tc.call('deleteEvents', { ids: ids.eve }, as.sam)).status).toBe(200);
    expect((await tc.call('deleteEvents', { ids: ids.rooty }, as.sam)).status).toBe(431);
    expect((await tc.call('archiveEvents', { enddate: '2999-01-01' }, as.sam)).status).toBe(200);
    const archived = await list(as.admin, { listall: 'true', archived: 'true' });
    expect(archived.who.sort()).toEqual(['sam', 'una']);
    expect((await tc.call('deleteEvents', { startdate: '2000-01-01', enddate: '2999-01-01' }, as.admin)).status).toBe(
      200,
    );
    expect((await list(as.admin, { listall: 'true' })).count).toBe(0);
    expect((await list(as.admin, { listall: 'true', archived: 'true' })).count).toBe(0);
  });

  it('requires a selection for archive and delete', async () => {
    const none = await tc.call('archiveEvents', {}, as.admin);
    expect(none.status).toBe(431);
    expect(none.data.errortext).toBe('either ids, type or enddate must be specified');
    const startOnly = await tc.call('deleteEvents', { type: 'VM.START', startdate: '2020-01-01' }, as.admin);
    expect(startOnly.data.errortext).toBe('enddate must be specified with startdate parameter');
    const badId = await tc.call('deleteEvents', { ids: 'not-a-uuid' }, as.admin);
    expect(badId.status).toBe(431);
    expect((await list(as.admin, { listall: 'true' })).count).toBe(6);
  });

  it('streams recorded events with their owner scope', async () => {
    const seen: LiveMessage[] = [];
    const off = tc.core.events.subscribe((m) => seen.push(m));
    await tc.core.events.record({ type: 'USER.LOGIN', message: message('event.user.loggedIn', {}), caller: as.eve });
    off();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      kind: 'event',
      scope: { accountId: users.eve.accountId, domainId: east.id },
      event: { type: 'USER.LOGIN', account: 'eve', domain: 'East' },
    });
  });
});

describe('parseApiDate', () => {
  it('reads CloudStack date formats as UTC', () => {
    expect(parseApiDate('2026-03-04', 'd')).toBe('2026-03-04T00:00:00.000Z');
    expect(parseApiDate('2026-03-04', 'd', 'end')).toBe('2026-03-04T23:59:59.999Z');
    expect(parseApiDate('2026-03-04 10:11:12', 'd')).toBe('2026-03-04T10:11:12.000Z');
    expect(parseApiDate('2026-03-04T10:11:12+0100', 'd')).toBe('2026-03-04T09:11:12.000Z');
    expect(() => parseApiDate('soon', 'startdate')).toThrow(/Unable to parse startdate/);
  });
});
