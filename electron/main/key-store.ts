import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';

/** The parts of Electron's safeStorage the key store uses (a stub in tests). */
export type SafeStoragePort = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export type Logger = Pick<Console, 'info' | 'warn'>;

export const SEALED_KEY_FILE = 'secret.key.enc';
export const PLAIN_KEY_FILE = 'secret.key';

export interface SecretKeyResult {
  key: Buffer;
  /** Where the key lives: sealed by the OS keychain, or a 0600 file (headless-style fallback). */
  protection: 'safeStorage' | 'keyFile';
}

/**
 * Whether safeStorage really protects data. On Linux without a keyring Chromium falls back to
 * 'basic_text' (a hard-coded password): encryption "works" but protects nothing, so we treat it as
 * unavailable and say so rather than pretend. Must be called after app 'ready'.
 */
export function safeStorageUsable(safeStorage: SafeStoragePort, platform: NodeJS.Platform = process.platform): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
  return true;
}

/**
 * The 32-byte key of the core's SecretBox (secrets at rest). First run: 32 random bytes; stored as
 * safeStorage.encryptString(base64) in `<userData>/secret.key.enc`. Without a usable safeStorage
 * the key goes to `<userData>/secret.key` with mode 0600, as on a headless server, with a warning.
 * A plain key file left from such a run is sealed and removed once safeStorage works.
 */
export function loadOrCreateSecretKey(
  userData: string,
  safeStorage: SafeStoragePort,
  log: Logger = console,
  platform: NodeJS.Platform = process.platform,
): SecretKeyResult {
  fs.mkdirSync(userData, { recursive: true, mode: 0o700 });
  const sealedFile = path.join(userData, SEALED_KEY_FILE);
  const plainFile = path.join(userData, PLAIN_KEY_FILE);
  const usable = safeStorageUsable(safeStorage, platform);

  if (fs.existsSync(sealedFile)) {
    if (!safeStorage.isEncryptionAvailable()) {
      throw new Error(
        `${sealedFile} is sealed with the OS keychain, which is not available now; unlock the keychain and start Stackyard again`,
      );
    }
    return {
      key: decodeKey(safeStorage.decryptString(fs.readFileSync(sealedFile)), sealedFile),
      protection: 'safeStorage',
    };
  }

  if (!usable) {
    log.warn(
      `[stackyard] the OS keychain (safeStorage) is not available; the secrets key is kept in ${plainFile} (mode 0600) instead`,
    );
    if (!fs.existsSync(plainFile)) writeFileAtomic(plainFile, crypto.randomBytes(32).toString('base64'));
    const stat = fs.statSync(plainFile);
    if ((stat.mode & 0o077) !== 0) fs.chmodSync(plainFile, 0o600);
    return { key: decodeKey(fs.readFileSync(plainFile, 'utf8'), plainFile), protection: 'keyFile' };
  }

  // safeStorage works: reuse a key left in a plain file by an earlier run, or make a new one.
  const migrating = fs.existsSync(plainFile);
  const key = migrating ? decodeKey(fs.readFileSync(plainFile, 'utf8'), plainFile) : crypto.randomBytes(32);
  const sealed = safeStorage.encryptString(key.toString('base64'));
  // Never drop the only copy of a key: check the sealed form opens before writing and unlinking.
  if (!decodeKey(safeStorage.decryptString(sealed), sealedFile).equals(key))
    throw new Error('safeStorage round trip failed');
  writeFileAtomic(sealedFile, sealed);
  if (migrating) {
    fs.rmSync(plainFile);
    log.info(`[stackyard] the secrets key is now sealed by the OS keychain (${sealedFile})`);
  }
  return { key, protection: 'safeStorage' };
}

function decodeKey(base64: string, file: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}

/** Writes a file with mode 0600 so that a crash never leaves a half-written secret behind. */
export function writeFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
