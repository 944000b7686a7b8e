import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from '../test/electron-stub';
import { loadOrCreateSecretKey, PLAIN_KEY_FILE, safeStorageUsable, SEALED_KEY_FILE } from './key-store';

describe('secrets key sealed with safeStorage', () => {
  let dir: string;
  const log = { info: vi.fn(), warn: vi.fn() };
  const { safeStorage } = electron;

  beforeEach(() => {
    electron.resetElectronStub();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stackyard-keys-'));
    log.info.mockClear();
    log.warn.mockClear();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates a 32-byte key on first run, stores it sealed, and reads the same key back', () => {
    const first = loadOrCreateSecretKey(dir, safeStorage, log, 'linux');
    expect(first.protection).toBe('safeStorage');
    expect(first.key).toHaveLength(32);
    const sealedFile = path.join(dir, SEALED_KEY_FILE);
    const onDisk = fs.readFileSync(sealedFile);
    // The file is neither the raw key nor its base64 form.
    expect(onDisk.equals(first.key)).toBe(false);
    expect(onDisk.includes(first.key)).toBe(false);
    expect(onDisk.toString('latin1')).not.toContain(first.key.toString('base64'));
    expect(safeStorage.decryptString(onDisk)).toBe(first.key.toString('base64'));
    expect(fs.statSync(sealedFile).mode & 0o777).toBe(0o600);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);

    const second = loadOrCreateSecretKey(dir, safeStorage, log, 'linux');
    expect(second.key.equals(first.key)).toBe(true);
    expect(log.warn).not.toHaveBeenCalled();
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('falls back to a 0600 key file with a warning when safeStorage is unavailable', () => {
    safeStorage.available = false;
    const result = loadOrCreateSecretKey(dir, safeStorage, log, 'linux');
    expect(result.protection).toBe('keyFile');
    const file = path.join(dir, PLAIN_KEY_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(fs.readFileSync(file, 'utf8'), 'base64').equals(result.key)).toBe(true);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('not available'));
    expect(loadOrCreateSecretKey(dir, safeStorage, log, 'linux').key.equals(result.key)).toBe(true);
  });

  it("treats Linux's basic_text backend (a hard-coded password) as unavailable", () => {
    safeStorage.backend = 'basic_text';
    expect(safeStorageUsable(safeStorage, 'linux')).toBe(false);
    expect(safeStorageUsable(safeStorage, 'darwin')).toBe(true);
    expect(loadOrCreateSecretKey(dir, safeStorage, log, 'linux').protection).toBe('keyFile');
  });

  it('seals a key left in a plain file once safeStorage works, keeping the same key', () => {
    safeStorage.available = false;
    const plain = loadOrCreateSecretKey(dir, safeStorage, log, 'linux');
    safeStorage.available = true;
    const sealed = loadOrCreateSecretKey(dir, safeStorage, log, 'linux');
    expect(sealed.protection).toBe('safeStorage');
    expect(sealed.key.equals(plain.key)).toBe(true);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
    expect(fs.existsSync(path.join(dir, SEALED_KEY_FILE))).toBe(true);
  });

  it('refuses to start (rather than make a new key) when the sealed key cannot be opened', () => {
    loadOrCreateSecretKey(dir, safeStorage, log, 'linux');
    safeStorage.available = false;
    expect(() => loadOrCreateSecretKey(dir, safeStorage, log, 'linux')).toThrow(/keychain/);
    expect(fs.existsSync(path.join(dir, PLAIN_KEY_FILE))).toBe(false);
  });
});
