import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, type FixtureUser } from '../../test/auth-fixtures';
import { ADMIN_PASSWORD, dialects, startTestCore, type TestCore } from '../../test/harness';
import { AuthService } from './auth';

/**
 * Login throttling in-process, with a clock the test moves: a growing delay per username and per
 * source address, the admin throttled but never locked, a right password refused while throttled.
 */
describe.each(dialects())('login throttling (%s)', (dialect) => {
  let tc: TestCore;
  let clock: number;
  let auth: AuthService;
  let wendy: FixtureUser;

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    clock = Date.parse('2026-12-01T10:00:00Z');
    // The core's own AuthService with a clock of ours, over the same database and settings.
    auth = new AuthService({
      store: tc.core.store,
      settings: tc.core.settings,
      events: tc.core.events,
      secrets: tc.core.services.secrets,
      now: () => clock,
    });
    wendy = await addUser(tc.core, { username: 'wendy' });
  });
  afterAll(async () => {
    await tc?.close();
  });

  const attempt = async (username: string, password: string, remoteAddress?: string) => {
    try {
      await auth.login(username, password, remoteAddress ? { remoteAddress } : {});
      return 'ok';
    } catch (error) {
      const e = error as { code?: string; retryAfterSeconds?: number };
      return e.code === 'AUTH.LOGIN_THROTTLED' ? `wait ${e.retryAfterSeconds}` : (e.code ?? 'error');
    }
  };

  it('throttles the admin after 5 failures with a doubling delay, refuses the right password meanwhile, never locks it', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 30; i++) outcomes.push(await attempt('admin', `wrong-${i}`, '192.0.2.10'));
    expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('AUTH.LOGIN_FAILED'));
    expect(outcomes.slice(5)).toEqual(Array(25).fill('wait 1'));
    // The right password is not even checked while throttled.
    expect(await attempt('admin', ADMIN_PASSWORD, '192.0.2.10')).toBe('wait 1');

    // After the delay one more attempt is checked; its failure doubles the delay.
    clock += 1000;
    expect(await attempt('admin', 'wrong-again', '192.0.2.10')).toBe('AUTH.LOGIN_FAILED');
    expect(await attempt('admin', ADMIN_PASSWORD, '192.0.2.10')).toBe('wait 2');
    clock += 2000;
    expect(await attempt('admin', 'wrong-again', '192.0.2.10')).toBe('AUTH.LOGIN_FAILED');
    expect(await attempt('admin', ADMIN_PASSWORD, '192.0.2.10')).toBe('wait 4');

    // Later, the right password is accepted, and the admin was never locked.
    clock += 4000;
    expect(await attempt('admin', ADMIN_PASSWORD, '192.0.2.10')).toBe('ok');
    const row = await tc.core.store.db
      .selectFrom('users')
      .select(['state'])
      .where('id', '=', tc.admin.userId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('enabled');
    // A success clears the username's failures: the next failure is the first again.
    expect(await attempt('admin', 'wrong', '192.0.2.11')).toBe('AUTH.LOGIN_FAILED');
    expect(await attempt('admin', ADMIN_PASSWORD, '192.0.2.11')).toBe('ok');
  });

  it('throttles one source address across usernames, and not the others', async () => {
    clock += 3_600_000;
    await tc.core.settings.update('login.throttle.address.failures', '3');
    try {
      for (const name of ['nobody-1', 'nobody-2', 'nobody-3'])
        expect(await attempt(name, 'x', '198.51.100.7')).toBe('AUTH.LOGIN_FAILED');
      // A username never tried before, from the same address: throttled without a check.
      expect(await attempt('wendy', wendy.password, '198.51.100.7')).toBe('wait 1');
      // The same user from another address is not.
      expect(await attempt('wendy', wendy.password, '198.51.100.8')).toBe('ok');
    } finally {
      await tc.core.settings.update('login.throttle.address.failures', '20');
    }
  });

  it('lets only what is left below the threshold check passwords in parallel', async () => {
    clock += 3_600_000;
    const burst = await Promise.all(
      Array.from({ length: 32 }, (_, i) => attempt('wendy', `flood-${i}`, '203.0.113.5')),
    );
    // At most the threshold's worth are checked (fewer if a failure is written while others start).
    const checked = burst.filter((o) => o === 'AUTH.LOGIN_FAILED').length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    expect(burst.filter((o) => o.startsWith('wait '))).toHaveLength(32 - checked);
    // Meanwhile another user from another address logs in at once.
    expect(await attempt('admin', ADMIN_PASSWORD, '203.0.113.6')).toBe('ok');
  });

  it('counts usernames and domain paths of any length (stored by their hash)', async () => {
    clock += 3_600_000;
    const login = () =>
      auth.login('u'.repeat(255), 'x', { domainPath: `/${'d'.repeat(2000)}`, remoteAddress: '2001:db8::77' });
    for (let i = 0; i < 5; i++) await expect(login()).rejects.toMatchObject({ code: 'AUTH.LOGIN_FAILED' });
    await expect(login()).rejects.toMatchObject({ code: 'AUTH.LOGIN_THROTTLED' });
  });

  it('forgets failures older than the window', async () => {
    clock += 3_600_000;
    for (let i = 0; i < 4; i++) expect(await attempt('wendy', 'nope', '203.0.113.9')).toBe('AUTH.LOGIN_FAILED');
    clock += 901_000;
    // Four old failures are forgotten: four new ones are checked before the fifth throttles.
    for (let i = 0; i < 5; i++) expect(await attempt('wendy', 'nope', '203.0.113.9')).toBe('AUTH.LOGIN_FAILED');
    expect(await attempt('wendy', wendy.password, '203.0.113.9')).toBe('wait 1');
  });
});
