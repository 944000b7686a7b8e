import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../../test/auth-fixtures';
import { ADMIN_PASSWORD, dialects, freshDatabase, startTestCore, type TestCore } from '../../../test/harness';
import { createCore } from '../../core';
import { allSettingDefinitions } from '../../domain/settings-registry';
import type { Caller } from '../../services/caller';

describe.each(dialects())('configuration commands (%s)', (dialect) => {
  let tc: TestCore;
  let user: Caller;
  let domainAdmin: Caller;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    const u = await addUser(tc.core, { username: 'una' });
    const d = await addUser(tc.core, { username: 'dora', role: 'DomainAdmin' });
    user = (await tc.core.auth.callerForUser(u.userId, 'session')) as Caller;
    domainAdmin = (await tc.core.auth.callerForUser(d.userId, 'session')) as Caller;
  });

  afterAll(async () => {
    await tc?.close();
  });

  const editEvents = async () => {
    const r = await tc.call('listEvents', { type: 'CONFIGURATION.VALUE.EDIT', listall: 'true' });
    return (r.data.event ?? []) as Record<string, any>[];
  };

  it('lists every setting with CloudStack fields, masking secrets', async () => {
    const r = await tc.call('listConfigurations');
    expect(r.status).toBe(200);
    expect(r.data.count).toBe(allSettingDefinitions().length);
    const byName = new Map((r.data.configuration as Record<string, any>[]).map((c) => [c.name, c]));
    expect(byName.get('session.timeout')).toEqual({
      name: 'session.timeout',
      value: '1800',
      defaultvalue: '1800',
      category: 'Advanced',
      description: expect.any(String),
      type: 'Number',
      isdynamic: true,
      scope: 'global',
      unit: 'seconds',
      minvalue: '60',
      maxvalue: '2592000',
      isdefault: true,
      valuesource: 'default',
    });
    expect(byName.get('cpu.overprovisioning.factor')).toMatchObject({
      value: '1',
      type: 'Decimal',
      scope: 'global',
      scopes: 'cluster',
      unit: 'multiplier',
    });
    expect(byName.get('allow.user.expunge.recover.vm')).toMatchObject({ value: 'false', type: 'Boolean' });
    expect(byName.get('vm.allocation.algorithm')).toMatchObject({
      type: 'String',
      options: expect.stringContaining('firstfit'),
    });
    expect(byName.get('alert.smtp.password')).toMatchObject({ value: '******', defaultvalue: '******' });
  });

  it('filters by name, category and keyword, and pages', async () => {
    const names = async (params: Record<string, string>) =>
      (((await tc.call('listConfigurations', params)).data.configuration ?? []) as { name: string }[]).map(
        (c) => c.name,
      );
    expect(await names({ name: 'overprovisioning' })).toEqual([
      'cpu.overprovisioning.factor',
      'mem.overprovisioning.factor',
      'storage.overprovisioning.factor',
    ]);
    expect(await names({ category: 'alert' })).toContain('alert.smtp.host');
    expect(await names({ category: 'alert' })).not.toContain('session.timeout');
    expect(await names({ keyword: 'SMTP authentication' })).toEqual(['alert.smtp.password', 'alert.smtp.username']);
    const page = await tc.call('listConfigurations', { name: 'overprovisioning', page: '2', pagesize: '2' });
    expect(page.data.count).toBe(3);
    expect((page.data.configuration as { name: string }[]).map((c) => c.name)).toEqual([
      'storage.overprovisioning.factor',
    ]);
    expect(await names({ name: 'nothing.like.this' })).toEqual([]);
  });

  it('is for root admins; domain admins reach only the settings of their domain, users none', async () => {
    expect((await tc.call('listConfigurations', {}, user)).status).toBe(432);
    expect((await tc.call('updateConfiguration', { name: 'session.timeout', value: '60' }, user)).status).toBe(432);
    // A domain admin without a scope id works on its own domain, where global-only settings do not exist.
    const listed = await tc.call('listConfigurations', {}, domainAdmin);
    expect(listed.status).toBe(200);
    expect(listed.data.count ?? 0).toBe(0);
    const r = await tc.call('updateConfiguration', { name: 'session.timeout', value: '60' }, domainAdmin);
    expect(r.status).toBe(431);
    expect(r.data.errortext).toBe('Invalid scope id provided for the parameter session.timeout');
    expect(tc.core.settings.get<number>('session.timeout')).toBe(1800);
  });

  it('updates a value, answers the configuration and records CONFIGURATION.VALUE.EDIT', async () => {
    const r = await tc.call('updateConfiguration', { name: 'job.expire.minutes', value: '120' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      updateconfigurationresponse: {
        configuration: expect.objectContaining({
          name: 'job.expire.minutes',
          value: '120',
          defaultvalue: '1440',
          type: 'Number',
        }),
      },
    });
    expect(tc.core.settings.get<number>('job.expire.minutes')).toBe(120);
    const events = await editEvents();
    expect(events[0]).toMatchObject({
      type: 'CONFIGURATION.VALUE.EDIT',
      username: 'admin',
      description: 'Value of configuration job.expire.minutes updated to 120',
    });

    const reset = await tc.call('resetConfiguration', { name: 'job.expire.minutes' });
    expect(reset.data.configuration).toMatchObject({ value: '1440' });
    expect(tc.core.settings.get<number>('job.expire.minutes')).toBe(1440);
  });

  it('never returns or records a secret value', async () => {
    const r = await tc.call('updateConfiguration', { name: 'alert.smtp.password', value: 'S3cret-smtp' });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('S3cret-smtp');
    expect(tc.core.settings.get<string>('alert.smtp.password')).toBe('S3cret-smtp');
    const listed = await tc.call('listConfigurations', { name: 'alert.smtp.password' });
    expect(JSON.stringify(listed.body)).not.toContain('S3cret-smtp');
    expect(JSON.stringify(await editEvents())).not.toContain('S3cret-smtp');
  });

  it('refuses bad values and unknown names with 431, changing nothing', async () => {
    const before = (await editEvents()).length;
    const bad = await tc.call('updateConfiguration', { name: 'session.timeout', value: 'forever' });
    expect(bad.status).toBe(431);
    expect(bad.data).toMatchObject({
      errorcode: 431,
      cserrorcode: 4350,
      errortext: 'Invalid value for configuration session.timeout: "forever" is not an integer',
    });
    const range = await tc.call('updateConfiguration', { name: 'pool.storage.capacity.disablethreshold', value: '2' });
    expect(range.data.errortext).toMatch(/must be between 0 and 1/);
    const unknown = await tc.call('updateConfiguration', { name: 'no.such.thing', value: '1' });
    expect(unknown.status).toBe(431);
    expect(unknown.data.errortext).toBe('Configuration name no.such.thing is invalid');
    const missing = await tc.call('updateConfiguration', { name: 'session.timeout' });
    expect(missing.status).toBe(431);
    expect(tc.core.settings.get<number>('session.timeout')).toBe(1800);
    expect((await editEvents()).length).toBe(before);
  });
});

describe.each(dialects())('configuration persistence (%s)', (dialect) => {
  it('keeps updated values across a core restart', async () => {
    const database = await freshDatabase(dialect);
    const secretKey = crypto.randomBytes(32);
    const options = { database: database.config, dataDir: database.dataDir, adminPassword: ADMIN_PASSWORD, secretKey };
    try {
      const first = await createCore(options);
      const admin = await first.auth.callerForUser(
        (
          await first.store.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'admin')
            .executeTakeFirstOrThrow()
        ).id,
        'session',
      );
      const r = await first.api.execute(
        'updateConfiguration',
        { name: 'session.timeout', value: '3600' },
        admin ?? null,
      );
      expect(r.status).toBe(200);
      await first.api.execute(
        'updateConfiguration',
        { name: 'management.server.heartbeat.seconds', value: '7' },
        admin ?? null,
      );
      expect(first.settings.get<number>('management.server.heartbeat.seconds')).toBe(2);
      await first.close();

      const second = await createCore(options);
      try {
        expect(second.settings.get<number>('session.timeout')).toBe(3600);
        expect(second.settings.get<number>('management.server.heartbeat.seconds')).toBe(7);
      } finally {
        await second.close();
      }
    } finally {
      await database.drop();
    }
  });
});
