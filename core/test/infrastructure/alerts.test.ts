import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_TYPES } from '../../src/domain/infrastructure';
import { raiseAlert } from '../../src/services/alerts';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, fails, ok } from '../tenancy/fixtures';
import { message } from '../../src/domain/messages';

async function insertAlert(tc: TestCore, values: { type: number; name: string; subject: string; created: string }) {
  const uuid = crypto.randomUUID();
  await tc.core.store.db
    .insertInto('alerts')
    .values({
      uuid,
      type: values.type,
      name: values.name,
      subject: values.subject,
      zone_id: null,
      pod_id: null,
      cluster_id: null,
      resource_id: null,
      archived: 0,
      created: values.created,
      last_sent: values.created,
    })
    .execute();
  return uuid;
}

describe.each(dialects())('alerts (%s)', (dialect) => {
  let tc: TestCore;
  let old: string;
  let mid: string;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    old = await insertAlert(tc, {
      type: ALERT_TYPES.ALERT_TYPE_HOST,
      name: 'ALERT.HOST',
      subject: 'Host sim-1 is down',
      created: '2024-01-10T10:00:00.000Z',
    });
    mid = await insertAlert(tc, {
      type: ALERT_TYPES.ALERT_TYPE_MEMORY,
      name: 'ALERT.MEMORY',
      subject: 'System Alert: Low Available Memory in cluster c1',
      created: '2024-02-10T10:00:00.000Z',
    });
    await raiseAlert(tc.core.services, {
      type: ALERT_TYPES.ALERT_TYPE_CPU,
      name: 'ALERT.CPU',
      message: message('alert.capacity.cpu', { cluster: 'c2', pod: 'p1', zone: 'z1', used: '90.00', threshold: 75 }),
      resourceId: crypto.randomUUID(),
    });
  });
  afterAll(async () => tc?.close());

  it('lists unarchived alerts newest first, in CloudStack wire shape', async () => {
    const r = ok(await tc.call('listAlerts', {}));
    expect(r.count).toBe(3);
    expect(r.alert.map((a: any) => a.name)).toEqual(['ALERT.CPU', 'ALERT.MEMORY', 'ALERT.HOST']);
    expect(r.alert[2]).toEqual({
      id: old,
      type: 7,
      name: 'ALERT.HOST',
      description: 'Host sim-1 is down',
      sent: '2024-01-10T10:00:00+0000',
      lastsent: '2024-01-10T10:00:00+0000',
      acknowledged: false,
    });
  });

  it('filters by id, type, name, keyword and dates, with paging', async () => {
    expect(ok(await tc.call('listAlerts', { id: mid })).alert.map((a: any) => a.id)).toEqual([mid]);
    expect(ok(await tc.call('listAlerts', { type: '7' })).alert.map((a: any) => a.id)).toEqual([old]);
    expect(ok(await tc.call('listAlerts', { name: 'ALERT.MEMORY' })).count).toBe(1);
    expect(ok(await tc.call('listAlerts', { keyword: 'low available' })).count).toBe(2);
    expect(ok(await tc.call('listAlerts', { startdate: '2024-02-01', enddate: '2024-02-28' })).alert[0].id).toBe(mid);
    const page = ok(await tc.call('listAlerts', { pagesize: '1', page: '3' }));
    expect(page.count).toBe(3);
    expect(page.alert.map((a: any) => a.id)).toEqual([old]);
    fails(await tc.call('listAlerts', { type: 'HOST' }), 431, /expected a number/);
  });

  it('archives by ids, type or date range; archived alerts are not listed', async () => {
    fails(await tc.call('archiveAlerts', {}), 431, /either ids, type, startdate or enddate must be specified/);
    fails(await tc.call('archiveAlerts', { startdate: '2024-01-01' }), 431, /enddate must be specified/);
    fails(await tc.call('archiveAlerts', { ids: 'nope' }), 431, /Invalid alert id/);
    fails(await tc.call('archiveAlerts', { ids: `${old},${crypto.randomUUID()}` }), 431, /Unable to find alert/);
    expect(ok(await tc.call('listAlerts', {})).count).toBe(3);

    ok(await tc.call('archiveAlerts', { ids: old }));
    expect(ok(await tc.call('listAlerts', {})).count).toBe(2);
    ok(await tc.call('archiveAlerts', { startdate: '2024-02-01', enddate: '2024-02-28' }));
    expect(ok(await tc.call('listAlerts', {})).alert.map((a: any) => a.name)).toEqual(['ALERT.CPU']);
    const infra = ok(await tc.call('listInfrastructure', {})).infrastructure;
    expect(infra.alerts).toBe(1);
    ok(await tc.call('archiveAlerts', { type: '1' }));
    expect(ok(await tc.call('listAlerts', {})).count ?? 0).toBe(0);
    const rows = await tc.core.store.db.selectFrom('alerts').select('archived').orderBy('id').execute();
    expect(rows.map((r) => r.archived)).toEqual([1, 1, 1]);
  });

  it('deletes by ids, type or date range', async () => {
    ok(await tc.call('deleteAlerts', { ids: old }));
    ok(await tc.call('deleteAlerts', { enddate: '2024-03-01' }));
    const left = await tc.core.store.db.selectFrom('alerts').select('name').execute();
    expect(left.map((r) => r.name)).toEqual(['ALERT.CPU']);
    ok(await tc.call('deleteAlerts', { type: '1' }));
    expect(await tc.core.store.db.selectFrom('alerts').select('id').execute()).toHaveLength(0);
    fails(await tc.call('deleteAlerts', { ids: old }), 431, /Unable to find alert/);
  });

  it('lets resource admins list but not archive or delete', async () => {
    await raiseAlert(tc.core.services, {
      type: 7,
      name: 'ALERT.HOST',
      message: message('alert.host.down', { name: 'again', id: 'x', zone: 'z1', pod: 'p1' }),
      resourceId: 'x',
    });
    const ra = await createAccount(tc, { username: `al-ra-${dialect}`, accounttype: 3 });
    const raCaller = await callerOf(tc, ra.user[0].id);
    expect(ok(await tc.call('listAlerts', {}, raCaller)).count).toBe(1);
    fails(await tc.call('archiveAlerts', { type: '7' }, raCaller), 432);
    fails(await tc.call('deleteAlerts', { type: '7' }, raCaller), 432);
    const user = await createAccount(tc, { username: `al-user-${dialect}` });
    fails(await tc.call('listAlerts', {}, await callerOf(tc, user.user[0].id)), 432);
  });
});
