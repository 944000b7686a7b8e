import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countsParam,
  renderServerMessage,
  SERVER_MESSAGE_PARAM_KINDS,
  SERVER_MESSAGES,
  type ServerMessageKey,
} from '../src/contract/messages';
import { toApiError } from '../src/api/errors';
import { invalidParameter } from '../src/domain/errors';
import { nowIso } from '../src/domain/time';
import type { LiveMessage } from '../src/services/core-services';
import { HostMonitor } from '../src/services/infrastructure/host-monitor';
import { dialects, startTestCore, type TestCore } from './harness';
import { seedCluster, seedPod, seedZone } from './infrastructure/seed';
import { fails, ok } from './tenancy/fixtures';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

describe('the message catalogue', () => {
  it('names every parameter kind after a placeholder some message has', () => {
    const used = new Set(Object.values(SERVER_MESSAGES).flatMap(placeholders));
    for (const name of Object.keys(SERVER_MESSAGE_PARAM_KINDS)) expect(used, name).toContain(name);
  });

  it('keys follow area.subject.what and each template fills completely', () => {
    for (const [key, template] of Object.entries(SERVER_MESSAGES)) {
      expect(key).toMatch(/^(event|alert|error)\.[a-zA-Z]+(\.[a-zA-Z]+)*$/);
      const params = Object.fromEntries(placeholders(template).map((p) => [p, `<${p}>`]));
      expect(renderServerMessage({ key: key as ServerMessageKey, params })).not.toMatch(/\{\w+\}/);
    }
  });

  it('renders counts as CloudStack-style English and says nothing for none', () => {
    const created = countsParam({ zones: 1, pods: 0, hosts: 3 });
    expect(created).toBe('zones:1,hosts:3');
    expect(renderServerMessage({ key: 'event.datacenter.rolledBack', params: { removed: created } })).toBe(
      'Removed what the datacenter import created: 1 zones, 3 hosts.',
    );
    expect(renderServerMessage({ key: 'event.datacenter.rolledBack', params: { removed: '' } })).toBe(
      'Removed what the datacenter import created: nothing.',
    );
  });
});

describe.each(dialects())('message keys on events, alerts and errors (%s)', (dialect) => {
  let tc: TestCore;
  let clock = Date.now();
  const live: LiveMessage[] = [];

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    tc.core.events.subscribe((m) => live.push(m));
  });
  afterAll(async () => tc?.close());

  it('stores an event key with its parameters, lists them, streams them, and keeps the English description', async () => {
    live.length = 0;
    const zone = ok(
      await tc.call('createZone', {
        name: 'Keyed',
        networktype: 'Advanced',
        dns1: '8.8.8.8',
        internaldns1: '10.0.0.2',
      }),
    ).zone;
    const stored = await tc.core.store.db
      .selectFrom('events')
      .select(['description', 'description_key', 'description_params'])
      .where('type', '=', 'ZONE.CREATE')
      .where('resource_id', '=', zone.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      description: `Created zone Keyed (id: ${zone.id})`,
      description_key: 'event.zone.created',
      description_params: JSON.stringify({ name: 'Keyed', id: zone.id }),
    });
    const listed = ok(await tc.call('listEvents', { type: 'ZONE.CREATE', listall: 'true' })).event;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      description: `Created zone Keyed (id: ${zone.id})`,
      descriptionkey: 'event.zone.created',
      descriptionparams: { name: 'Keyed', id: zone.id },
    });
    const streamed = live.find((m) => m.kind === 'event' && m.event.type === 'ZONE.CREATE');
    expect(streamed).toMatchObject({
      event: { descriptionkey: 'event.zone.created', descriptionparams: { name: 'Keyed', id: zone.id } },
    });
  });

  it('lists an event recorded before keys with its stored text and no key', async () => {
    const uuid = crypto.randomUUID();
    await tc.core.store.db
      .insertInto('events')
      .values({
        uuid,
        type: 'USER.LOGIN',
        level: 'INFO',
        state: 'Completed',
        description: 'user has logged in',
        description_key: null,
        description_params: null,
        user_id: null,
        account_id: null,
        domain_id: null,
        resource_type: null,
        resource_id: null,
        parent_id: null,
        archived: 0,
        created: nowIso(),
      })
      .execute();
    const [event] = ok(await tc.call('listEvents', { id: uuid, listall: 'true' })).event;
    expect(event.description).toBe('user has logged in');
    expect(event).not.toHaveProperty('descriptionkey');
    expect(event).not.toHaveProperty('descriptionparams');
  });

  it('a silent host raises an alert and an event by key; their English stays CloudStack-worded', async () => {
    const db = tc.core.store.db;
    const zone = await seedZone(db, { name: 'KZ' });
    const pod = await seedPod(db, zone.id, { name: 'KP' });
    const cluster = await seedCluster(db, pod, { name: 'KC' });
    const monitor = new HostMonitor(tc.core.services, { now: () => clock, batchSize: 16 });
    try {
      const host = ok(
        await tc.call('addHost', {
          zoneid: zone.uuid,
          podid: pod.uuid,
          clusterid: cluster.uuid,
          hypervisor: 'Simulator',
          url: 'http://sim/keys/h0',
        }),
      ).host[0];
      await monitor.tick();
      ok(await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', hostid: host.id }));
      clock += 60 * 2.5 * 1000 + 1000;
      await monitor.tick();

      const [alert] = ok(await tc.call('listAlerts', { type: '7' })).alert;
      const params = { name: 'sim-keys-h0', id: host.id, zone: 'KZ', pod: 'KP' };
      expect(alert).toMatchObject({
        description: `Host disconnected, name: sim-keys-h0 (id: ${host.id}), availability zone: KZ, pod: KP`,
        descriptionkey: 'alert.host.disconnected',
        descriptionparams: params,
      });
      const [event] = ok(
        await tc.call('listEvents', { type: 'HOST.STATE.CHANGE', resourceid: host.id, listall: 'true' }),
      ).event;
      expect(event).toMatchObject({
        level: 'WARN',
        descriptionkey: 'event.host.silent',
        descriptionparams: { name: 'sim-keys-h0', id: host.id, from: 'Up', to: 'Disconnected' },
      });
      // `since` is the moment as stored, so the UI can show it in its own date format.
      expect(event.descriptionparams.since).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(event.description).toBe(
        `Host sim-keys-h0 is Disconnected (was Up): no answer to heartbeats since ${event.descriptionparams.since} (id: ${host.id})`,
      );
    } finally {
      await monitor.stop();
    }
  });

  it('puts the error key and parameters in the error body beside the unchanged errortext', async () => {
    const missing = fails(await tc.call('createZone', { networktype: 'Advanced', dns1: '8.8.8.8' }), 431);
    expect(missing).toMatchObject({
      errortext: 'Unable to execute API command createzone due to missing parameter name',
      errorkey: 'error.api.missingParameter',
      errorparams: { command: 'createzone', param: 'name' },
    });
    const id = crypto.randomUUID();
    const absent = fails(await tc.call('deleteRole', { id }), 431);
    expect(absent).toMatchObject({
      errortext: `Unable to find role by id ${id}`,
      errorkey: 'error.notFound',
      errorparams: { resource: 'role', id },
    });
    ok(await tc.call('createRole', { name: 'Keyed role', type: 'User' }));
    const taken = fails(await tc.call('createRole', { name: 'Keyed role', type: 'User' }), 431);
    expect(taken).toMatchObject({
      errortext: 'Role with name Keyed role already exists',
      errorkey: 'error.role.nameTaken',
      errorparams: { name: 'Keyed role' },
    });
  });

  it('keys a request error the command itself checks, with the errortext unchanged', async () => {
    const r = fails(await tc.call('listAlerts', { type: 'host' }), 431);
    expect(r.errortext).toBe('Invalid alert type host: expected a number');
    expect(r).toMatchObject({ errorkey: 'error.alert.badType', errorparams: { type: 'host' } });
  });

  it('an error without a catalogue message has no key', () => {
    const body = toApiError(invalidParameter('TEST.PLAIN', 'A plain text error')).body;
    expect(body.errortext).toBe('A plain text error');
    expect(body).not.toHaveProperty('errorkey');
    expect(body).not.toHaveProperty('errorparams');
  });
});
