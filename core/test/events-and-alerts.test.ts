import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_TYPES } from '../src/domain/infrastructure';
import { message } from '../src/domain/messages';
import { raiseAlert } from '../src/services/alerts';
import type { Caller } from '../src/services/caller';
import { dialects, startTestCore, type TestCore } from './harness';
import { seedCluster, seedPod, seedZone } from './infrastructure/seed';
import { callerOf, createAccount, eventsOfType, fails, ok } from './tenancy/fixtures';

type Zone = Awaited<ReturnType<typeof seedZone>>;
type Pod = Awaited<ReturnType<typeof seedPod>>;
type Cluster = Awaited<ReturnType<typeof seedCluster>>;

/**
 * What an operator investigates with: the source address and job of each event, specific verbs
 * for enabling and disabling, the event types that occur, and alerts that say what they are about,
 * who acknowledged them and who looks after them.
 */
describe.each(dialects())('events and alerts to investigate with (%s)', (dialect) => {
  let tc: TestCore;
  let zone: Zone;
  let pod: Pod;
  let cluster: Cluster;
  let host: Record<string, any>;
  let user: Caller;
  let resourceAdmin: Caller;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const db = tc.core.store.db;
    zone = await seedZone(db, { name: 'Z1' });
    pod = await seedPod(db, zone.id, { name: 'P1' });
    cluster = await seedCluster(db, pod, { name: 'C1' });
    host = ok(
      await tc.call('addHost', {
        zoneid: zone.uuid,
        podid: pod.uuid,
        clusterid: cluster.uuid,
        hypervisor: 'Simulator',
        username: 'root',
        password: 'password',
        url: 'http://sim/ev/h0',
      }),
    ).host[0];
    user = await callerOf(tc, (await createAccount(tc, { username: 'ursula' })).user[0].id);
    resourceAdmin = await callerOf(tc, (await createAccount(tc, { username: 'rhea', accounttype: 3 })).user[0].id);
  });
  afterAll(async () => tc?.close());

  const eventsOf = async (params: Record<string, string>, caller: Caller = tc.admin) =>
    ok(await tc.call('listEvents', { listall: 'true', ...params }, caller)).event ?? [];

  it('records the caller source address of a call, "local" for the desktop app, nothing for the system', async () => {
    const viaHttp = await tc.core.api.execute('updateZone', { id: zone.uuid, name: 'Z1-renamed' }, tc.admin, {
      remoteAddress: '203.0.113.7',
    });
    expect(viaHttp.status).toBe(200);
    const [edit] = await eventsOf({ type: 'ZONE.EDIT', resourceid: zone.uuid });
    expect(edit).toMatchObject({ sourceaddress: '203.0.113.7', userid: tc.admin.userUuid });
    expect(edit.jobid).toBeUndefined();

    const desktop = { ...tc.admin, via: 'ipc' as const };
    expect((await tc.core.api.execute('updateZone', { id: zone.uuid, name: 'Z1' }, desktop)).status).toBe(200);
    const [latest] = await eventsOf({ type: 'ZONE.EDIT', resourceid: zone.uuid });
    expect(latest.sourceaddress).toBe('local');

    await tc.core.events.record({
      type: 'ALERT.GENERATE',
      message: message('event.zone.updated', { name: 'raised by the system', id: '-' }),
    });
    const [system] = await eventsOf({ type: 'ALERT.GENERATE' });
    expect(system.sourceaddress).toBeUndefined();
    expect(system.jobid).toBeUndefined();
  });

  it('gives the events of an async job its job id and the submitter source address', async () => {
    const submitted = await tc.core.api.execute('reconnectHost', { id: host.id }, tc.admin, {
      remoteAddress: '2001:db8::42',
    });
    expect(submitted.status).toBe(200);
    const jobid = (submitted.body.reconnecthostresponse as { jobid: string }).jobid;
    const job = await tc.waitForJob(jobid);
    expect(job.jobstatus).toBe(1);
    const [reconnect] = await eventsOf({ type: 'HOST.RECONNECT', resourceid: host.id });
    expect(reconnect).toMatchObject({ jobid, sourceaddress: '2001:db8::42', resourcetype: 'Host' });
  });

  it('records enabling and disabling with specific verbs and descriptions that say what happened', async () => {
    ok(await tc.call('updateHost', { id: host.id, allocationstate: 'Disable' }));
    ok(await tc.call('updateHost', { id: host.id, allocationstate: 'Enable' }));
    const [enable, disable] = await eventsOf({ resourceid: host.id, keyword: 'abled host' });
    expect(disable).toMatchObject({ type: 'HOST.DISABLE', description: `Disabled host sim-ev-h0 (id: ${host.id})` });
    expect(enable).toMatchObject({ type: 'HOST.ENABLE', description: `Enabled host sim-ev-h0 (id: ${host.id})` });

    // The seeded zone has no physical network, so it can be disabled but not enabled again.
    ok(await tc.call('updateZone', { id: zone.uuid, allocationstate: 'Disabled' }));
    const [zoneEvent] = await eventsOf({ type: 'ZONE.DISABLE', resourceid: zone.uuid });
    expect(zoneEvent.description).toBe(`Disabled zone Z1 (id: ${zone.uuid})`);
    for (const [command, id, resource] of [
      ['updatePod', pod.uuid, 'POD'],
      ['updateCluster', cluster.uuid, 'CLUSTER'],
    ] as const) {
      ok(await tc.call(command, { id, allocationstate: 'Disabled' }));
      ok(await tc.call(command, { id, allocationstate: 'Enabled' }));
      expect(await eventsOfType(tc, `${resource}.DISABLE`, id)).toBe(1);
      expect(await eventsOfType(tc, `${resource}.ENABLE`, id)).toBe(1);
    }
  });

  it('lists the event types that occur, grouped, without infrastructure types for tenants', async () => {
    ok(await tc.call('login', { username: 'ursula', password: 'ursula-Passw0rd' }, null));
    const all = ok(await tc.call('listEventTypes', {}, user)).eventtype as { name: string; group: string }[];
    expect(all.find((t) => t.name === 'HOST.DISABLE')).toEqual({ name: 'HOST.DISABLE', group: 'host' });

    const occurring = ok(await tc.call('listEventTypes', { occurring: 'true' })).eventtype as {
      name: string;
      group: string;
    }[];
    const names = occurring.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['HOST.ADD', 'HOST.DISABLE', 'HOST.ENABLE', 'USER.LOGIN']));
    expect(names).not.toContain('VM.START');
    expect(new Set(names).size).toBe(names.length);
    expect(occurring.find((t) => t.name === 'ZONE.DISABLE')?.group).toBe('zone');

    const asResourceAdmin = ok(await tc.call('listEventTypes', { occurring: 'true' }, resourceAdmin)).eventtype;
    expect(asResourceAdmin.map((t: { name: string }) => t.name)).toContain('HOST.DISABLE');
    const asUser = (ok(await tc.call('listEventTypes', { occurring: 'true' }, user)).eventtype ?? []) as {
      name: string;
      group: string;
    }[];
    expect(asUser.map((t) => t.name)).toContain('USER.LOGIN');
    expect(asUser.filter((t) => ['host', 'zone', 'pod', 'cluster', 'alert'].includes(t.group))).toEqual([]);
  });

  it('links alerts to their resource: the host of a host alert, the place of a capacity alert', async () => {
    await raiseAlert(tc.core.services, {
      type: ALERT_TYPES.ALERT_TYPE_HOST,
      name: 'ALERT.HOST',
      message: message('alert.host.down', { name: 'sim-ev-h0', id: host.id, zone: 'Z1', pod: 'P1' }),
      zoneId: zone.id,
      podId: pod.id,
      clusterId: cluster.id,
      resourceId: host.id,
    });
    await raiseAlert(tc.core.services, {
      type: ALERT_TYPES.ALERT_TYPE_MEMORY,
      name: 'ALERT.MEMORY',
      message: message('alert.capacity.memory', { cluster: '-', pod: 'P1', zone: 'Z1', used: 90, threshold: 85 }),
      zoneId: zone.id,
      podId: pod.id,
      resourceId: pod.uuid,
    });
    const [hostAlert] = ok(await tc.call('listAlerts', { type: '7' })).alert;
    expect(hostAlert).toMatchObject({
      resourcetype: 'Host',
      resourceid: host.id,
      resourcename: 'sim-ev-h0',
      zoneid: zone.uuid,
      zonename: 'Z1',
      podid: pod.uuid,
      clusterid: cluster.uuid,
      clustername: 'C1',
      acknowledged: false,
    });
    expect(hostAlert.assigneeid).toBeUndefined();
    const [memory] = ok(await tc.call('listAlerts', { type: '0' })).alert;
    expect(memory).toMatchObject({ resourcetype: 'Pod', resourceid: pod.uuid, resourcename: 'P1' });
    expect(ok(await tc.call('listAlerts', { resourceid: host.id })).alert.map((a: any) => a.id)).toEqual([
      hostAlert.id,
    ]);
  });

  it('acknowledges alerts once, records who and when, and filters on it', async () => {
    const [hostAlert] = ok(await tc.call('listAlerts', { type: '7' })).alert;
    fails(await tc.call('acknowledgeAlerts', { ids: hostAlert.id }, resourceAdmin), 432);
    fails(await tc.call('acknowledgeAlerts', { ids: '00000000-0000-4000-8000-000000000000' }), 431, /Unable to find/);
    const before = Date.now() - 1000;
    ok(await tc.call('acknowledgeAlerts', { ids: hostAlert.id }));
    const [acked] = ok(await tc.call('listAlerts', { id: hostAlert.id })).alert;
    expect(acked).toMatchObject({ acknowledged: true, acknowledgedby: 'admin' });
    expect(Date.parse(acked.acknowledgedat.replace('+0000', 'Z'))).toBeGreaterThan(before);
    // A second acknowledgement keeps the first and records nothing more.
    ok(await tc.call('acknowledgeAlerts', { ids: hostAlert.id }));
    expect(await eventsOfType(tc, 'ALERT.ACKNOWLEDGE', hostAlert.id)).toBe(1);

    const open = ok(await tc.call('listAlerts', { acknowledged: 'false' })).alert.map((a: any) => a.id);
    expect(open).not.toContain(hostAlert.id);
    expect(open.length).toBeGreaterThan(0);
    expect(ok(await tc.call('listAlerts', { acknowledged: 'true' })).alert.map((a: any) => a.id)).toEqual([
      hostAlert.id,
    ]);
  });

  it('assigns an alert to a root or resource admin only, unassigns it, and filters by assignee', async () => {
    const [hostAlert] = ok(await tc.call('listAlerts', { type: '7' })).alert;
    fails(await tc.call('assignAlert', { id: hostAlert.id, userid: user.userUuid }), 431, /only root and resource/);
    fails(await tc.call('assignAlert', { id: hostAlert.id, userid: tc.admin.userUuid }, resourceAdmin), 432);
    const assigned = ok(await tc.call('assignAlert', { id: hostAlert.id, userid: resourceAdmin.userUuid })).alert;
    expect(assigned).toMatchObject({ id: hostAlert.id, assigneeid: resourceAdmin.userUuid, assignee: 'rhea' });
    expect(ok(await tc.call('listAlerts', { assigneeid: resourceAdmin.userUuid })).alert.map((a: any) => a.id)).toEqual(
      [hostAlert.id],
    );
    const [event] = await eventsOf({ type: 'ALERT.ASSIGN', resourceid: hostAlert.id });
    expect(event).toMatchObject({ resourcetype: 'Alert', username: 'admin' });
    expect(event.description).toContain('to rhea');

    const cleared = ok(await tc.call('assignAlert', { id: hostAlert.id })).alert;
    expect(cleared.assigneeid).toBeUndefined();
    expect(ok(await tc.call('listAlerts', { assigneeid: resourceAdmin.userUuid })).alert ?? []).toEqual([]);
    expect(await eventsOfType(tc, 'ALERT.ASSIGN', hostAlert.id)).toBe(2);
  });
});
