import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../../test/harness';
import { migrate, openStore, type Store } from '../db/connect';
import { DomainError } from '../domain/errors';
import {
  SETTINGS,
  SETTING_SCOPES,
  allSettingDefinitions,
  parseSettingValue,
  settingDefinition,
} from '../domain/settings-registry';
import { SettingsService } from './settings';

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('settings registry', () => {
  it('declares each name once with a default that passes its own validation', () => {
    const names = SETTINGS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const def of allSettingDefinitions()) {
      const parsed = parseSettingValue(def, String(def.default));
      expect(parsed, def.name).toEqual({ ok: true, value: def.default });
      for (const scope of def.scopes) expect(SETTING_SCOPES, def.name).toContain(scope);
    }
  });

  it('holds the foundation and capacity settings with CloudStack defaults', () => {
    expect(settingDefinition('session.timeout')?.default).toBe(1800);
    expect(settingDefinition('incorrect.login.attempts.allowed')?.default).toBe(5);
    expect(settingDefinition('default.page.size')?.default).toBe(500);
    expect(settingDefinition('job.expire.minutes')?.default).toBe(1440);
    expect(settingDefinition('job.cancel.threshold.minutes')?.default).toBe(60);
    expect(settingDefinition('event.purge.delay')?.default).toBe(15);
    expect(settingDefinition('cpu.overprovisioning.factor')).toMatchObject({ type: 'float', default: 1 });
    expect(settingDefinition('storage.overprovisioning.factor')?.default).toBe(2);
    expect(settingDefinition('cluster.cpu.allocated.capacity.disablethreshold')?.default).toBe(0.85);
    expect(settingDefinition('pool.storage.capacity.disablethreshold')?.default).toBe(0.85);
    expect(settingDefinition('expunge.delay')?.type).toBe('integer');
    expect(settingDefinition('alert.smtp.password')).toMatchObject({ type: 'password', isSecret: true });
  });
});

describe.each(dialects())('SettingsService (%s)', (dialect) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let store: Store;
  let settings: SettingsService;

  beforeEach(async () => {
    database = await freshDatabase(dialect);
    store = openStore(database.config);
    await migrate(store);
    settings = new SettingsService(store);
    await settings.load();
  });

  afterEach(async () => {
    await store.close();
    await database.drop();
  });

  it('returns typed defaults and throws on unknown names', () => {
    expect(settings.get<number>('session.timeout')).toBe(1800);
    const timeout: number = settings.value('session.timeout');
    expect(timeout).toBe(1800);
    const flag: boolean = settings.value('allow.user.expunge.recover.vm');
    expect(flag).toBe(false);
    expect(settings.value('vm.allocation.algorithm')).toBe('random');
    expect(() => settings.get('no.such.setting')).toThrow(/unknown setting/);
  });

  it('validates by type and range with clear 431 texts, storing nothing on error', async () => {
    const cases: [string, string, RegExp][] = [
      ['session.timeout', 'abc', /session\.timeout: "abc" is not an integer/],
      ['session.timeout', '1.5', /is not an integer/],
      ['session.timeout', '10', /"10" is out of range; it must be between 60 and 2592000/],
      ['cpu.overprovisioning.factor', 'fast', /"fast" is not a number/],
      ['cluster.cpu.allocated.capacity.disablethreshold', '1.5', /must be between 0 and 1/],
      ['allow.user.expunge.recover.vm', 'yes', /is not a boolean; use true or false/],
      ['vm.allocation.algorithm', 'best', /"best" is not one of random, firstfit/],
    ];
    for (const [name, value, text] of cases) {
      const error = await rejection(settings.update(name, value));
      expect(error.kind, name).toBe('invalid-parameter');
      expect(error.message).toMatch(text);
    }
    const unknown = await rejection(settings.update('no.such.setting', '1'));
    expect(unknown.message).toBe('Configuration name no.such.setting is invalid');
    expect(await store.db.selectFrom('configurations').selectAll().execute()).toEqual([]);
  });

  it('never echoes a secret value in an error', async () => {
    const error = await rejection(settings.update('alert.smtp.password', 'x'.repeat(5000)));
    expect(error.message).not.toContain('xxxx');
  });

  it('stores typed values, upserts, and reads them back after a reload', async () => {
    const entry = await settings.update('session.timeout', ' 3600 ');
    expect(entry).toMatchObject({ value: 3600, overridden: true, effective: 3600 });
    expect(settings.get<number>('session.timeout')).toBe(3600);
    await settings.update('session.timeout', '7200');
    await settings.update('cpu.overprovisioning.factor', '2.5');
    await settings.update('allow.user.expunge.recover.vm', 'TRUE');
    await settings.update('vm.allocation.algorithm', 'FirstFit');
    const rows = await store.db.selectFrom('configurations').select(['name', 'value']).orderBy('name').execute();
    expect(rows).toEqual([
      { name: 'allow.user.expunge.recover.vm', value: 'true' },
      { name: 'cpu.overprovisioning.factor', value: '2.5' },
      { name: 'session.timeout', value: '7200' },
      { name: 'vm.allocation.algorithm', value: 'firstfit' },
    ]);

    const again = new SettingsService(store);
    await again.load();
    expect(again.get<number>('session.timeout')).toBe(7200);
    expect(again.get<number>('cpu.overprovisioning.factor')).toBe(2.5);
    expect(again.get<boolean>('allow.user.expunge.recover.vm')).toBe(true);
    expect(again.value('vm.allocation.algorithm')).toBe('firstfit');

    await again.reset('session.timeout');
    expect(again.get<number>('session.timeout')).toBe(1800);
    expect(again.entry('session.timeout')).toMatchObject({ overridden: false, value: 1800 });
  });

  it('applies a static setting only after a restart', async () => {
    const entry = await settings.update('management.server.heartbeat.seconds', '9');
    expect(entry).toMatchObject({ value: 9, effective: 2 });
    expect(settings.get<number>('management.server.heartbeat.seconds')).toBe(2);
    await settings.load(); // a refresh does not change static values either
    expect(settings.get<number>('management.server.heartbeat.seconds')).toBe(2);
    const restarted = new SettingsService(store);
    await restarted.load();
    expect(restarted.get<number>('management.server.heartbeat.seconds')).toBe(9);
  });

  it("picks up another server's change once its cache is older than maxAgeMs", async () => {
    const other = new SettingsService(store, { maxAgeMs: 0 });
    await other.load();
    await settings.update('default.page.size', '100');
    expect(other.get<number>('default.page.size')).toBe(500); // served from cache, refresh starts
    await other.refresh();
    expect(other.get<number>('default.page.size')).toBe(100);
  });

  it('ignores stored values that no longer validate', async () => {
    await store.db
      .insertInto('configurations')
      .values({ name: 'session.timeout', value: 'garbage', updated: new Date().toISOString() })
      .execute();
    await store.db
      .insertInto('configurations')
      .values({ name: 'retired.setting', value: '1', updated: new Date().toISOString() })
      .execute();
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const fresh = new SettingsService(store);
      await fresh.load();
      expect(fresh.get<number>('session.timeout')).toBe(1800);
    } finally {
      console.warn = warn;
    }
  });
});
