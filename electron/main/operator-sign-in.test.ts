import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore, type Core, type CoreOptions } from '../../core/src/index';
import * as electron from '../test/electron-stub';
import { startDesktopCore, type DesktopCore } from './desktop-core';

describe("the desktop operator's local sign-in refuses a disabled, locked or removed operator", () => {
  let userData: string;
  let running: DesktopCore | undefined;
  let full: Core | undefined;
  const log = { info: vi.fn(), warn: vi.fn() };
  const start = () =>
    startDesktopCore({
      userData,
      safeStorage: electron.safeStorage,
      createCore: async (options: CoreOptions) => (full = await createCore(options)),
      log,
      platform: 'linux',
    });
  const db = () => (full as Core).store.db;
  const operatorIds = async () => {
    const row = await db()
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .select(['users.id as userId', 'accounts.id as accountId'])
      .where('users.username', '=', 'admin')
      .executeTakeFirstOrThrow();
    return row;
  };
  /** Changes the operator's records with the app stopped, then starts it again. */
  const restartAfter = async (change: (ids: { userId: number; accountId: number }) => Promise<unknown>) => {
    const ids = await operatorIds();
    await change(ids);
    await running?.core.close();
    running = undefined;
    return start();
  };

  beforeEach(async () => {
    electron.resetElectronStub();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-operator-'));
    running = await start();
  });
  afterEach(async () => {
    await running?.core.close();
    running = undefined;
    fs.rmSync(userData, { recursive: true, force: true });
  });

  it('loses its rights at once when its user is disabled while the app runs', async () => {
    expect(await running?.operator()).toMatchObject({ username: 'admin' });
    const { userId } = await operatorIds();
    await db().updateTable('users').set({ state: 'disabled' }).where('id', '=', userId).execute();
    expect(await running?.operator()).toBeUndefined();
    await db().updateTable('users').set({ state: 'enabled' }).where('id', '=', userId).execute();
    expect(await running?.operator()).toMatchObject({ username: 'admin' });
  });

  it.each([
    ['a disabled user', 'users', 'disabled', "The local operator user 'admin' is disabled"],
    ['a locked user', 'users', 'locked', "The local operator user 'admin' is locked"],
    ['a disabled account', 'accounts', 'disabled', "The account of the local operator 'admin' is disabled"],
    ['a locked account', 'accounts', 'locked', "The account of the local operator 'admin' is locked"],
  ] as const)('refuses to start with %s, saying so', async (_what, table, state, text) => {
    const restarted = restartAfter(({ userId, accountId }) =>
      table === 'users'
        ? db().updateTable('users').set({ state }).where('id', '=', userId).execute()
        : db().updateTable('accounts').set({ state }).where('id', '=', accountId).execute(),
    );
    await expect(restarted).rejects.toThrow(text);
    await expect(restarted).rejects.toThrow(/another administrator must enable it/);
  });

  it('refuses to start when the operator was removed', async () => {
    const restarted = restartAfter(({ userId }) =>
      db().updateTable('users').set({ removed: new Date().toISOString() }).where('id', '=', userId).execute(),
    );
    await expect(restarted).rejects.toThrow("The local operator account 'admin' was removed from the ROOT domain");
  });
});
