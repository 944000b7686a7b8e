import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../core/src/index';
import * as electron from '../test/electron-stub';
import { startDesktopCore, type DesktopCore } from './desktop-core';
import { SEALED_KEY_FILE } from './key-store';
import { OPERATOR_FILE } from './operator';

describe('desktop core bootstrap (real core, SQLite in userData)', () => {
  let userData: string;
  let running: DesktopCore | undefined;
  const log = { info: vi.fn(), warn: vi.fn() };
  const start = () =>
    startDesktopCore({ userData, safeStorage: electron.safeStorage, createCore, log, platform: 'linux' });

  beforeEach(() => {
    electron.resetElectronStub();
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-desktop-'));
    log.info.mockClear();
    log.warn.mockClear();
  });
  afterEach(async () => {
    await running?.core.close();
    running = undefined;
    fs.rmSync(userData, { recursive: true, force: true });
  });

  it('first run: database in userData, the generated admin password kept sealed, the operator signed in', async () => {
    running = await start();
    expect(fs.existsSync(path.join(userData, 'stackyard.db'))).toBe(true);
    expect(fs.existsSync(path.join(userData, SEALED_KEY_FILE))).toBe(true);
    expect(running.keyProtection).toBe('safeStorage');

    const generated = running.core.generatedAdminPassword as string;
    expect(generated).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const operatorFile = path.join(userData, OPERATOR_FILE);
    const stored = fs.readFileSync(operatorFile, 'utf8');
    expect(stored).not.toContain(generated);
    expect(JSON.parse(stored)).toMatchObject({ username: 'admin', password: expect.stringMatching(/^v1:/) });
    expect(fs.statSync(operatorFile).mode & 0o777).toBe(0o600);

    const operator = await running.operator();
    expect(operator).toMatchObject({ username: 'admin', roleType: 'Admin', accountName: 'admin', via: 'ipc' });
    // The kept password is the real one: it logs in over the API as well.
    const login = await running.core.api.execute('login', { username: 'admin', password: generated }, null);
    expect(login.status).toBe(200);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('later runs reuse the sealed key, the data and the operator', async () => {
    running = await start();
    const sealedKey = fs.readFileSync(path.join(userData, SEALED_KEY_FILE));
    const operator = await running.operator();
    const created = await running.core.api.execute('createDomain', { name: 'Engineering' }, operator ?? null);
    expect(created.status).toBe(200);
    await running.core.close();

    running = await start();
    expect(running.core.generatedAdminPassword).toBeUndefined();
    expect(fs.readFileSync(path.join(userData, SEALED_KEY_FILE)).equals(sealedKey)).toBe(true);
    const again = await running.operator();
    expect(again?.userUuid).toBe(operator?.userUuid);
    const list = await running.core.api.execute('listDomains', { name: 'Engineering' }, again ?? null);
    expect(list.body).toMatchObject({ listdomainsresponse: { count: 1 } });
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('keeps signing the operator in when the password was changed elsewhere, with a warning', async () => {
    running = await start();
    const operator = (await running.operator())!;
    const changed = await running.core.api.execute(
      'updateUser',
      {
        id: operator.userUuid,
        password: 'Another-passw0rd!',
        currentpassword: running.core.generatedAdminPassword as string,
      },
      operator,
    );
    expect(changed.status).toBe(200);
    await running.core.close();

    running = await start();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('no longer matches'));
    expect(await running.operator()).toMatchObject({ username: 'admin' });
  });

  it('without a usable keychain: the key in a 0600 file, the operator password still sealed', async () => {
    electron.safeStorage.available = false;
    running = await start();
    expect(running.keyProtection).toBe('keyFile');
    expect(fs.statSync(path.join(userData, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(path.join(userData, OPERATOR_FILE), 'utf8')).not.toContain(
      running.core.generatedAdminPassword as string,
    );
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('not available'));
    expect(await running.operator()).toMatchObject({ username: 'admin' });
  });
});
