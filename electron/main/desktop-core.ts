import path from 'node:path';
import { LOCAL_OPERATOR_USERNAME, SecretBox, type Caller, type Core, type CoreOptions } from '../../core/src/index';
import { loadOrCreateSecretKey, type Logger, type SafeStoragePort, type SecretKeyResult } from './key-store';
import { readOperatorCredentials, writeOperatorCredentials } from './operator';

/** The parts of the core (core/src/index.ts) that the shell uses. */
export type EmbeddedCore = Pick<Core, 'api' | 'live' | 'localOperator' | 'generatedAdminPassword' | 'drain' | 'close'>;

export type CreateCore = (options: CoreOptions) => Promise<EmbeddedCore>;

export interface DesktopCoreOptions {
  /** app.getPath('userData'). */
  userData: string;
  safeStorage: SafeStoragePort;
  /** core/src/core.ts's createCore (injected so tests can pass their own). */
  createCore: CreateCore;
  log?: Logger;
  platform?: NodeJS.Platform;
}

export interface DesktopCore {
  core: EmbeddedCore;
  /** The local operator as a caller (via 'ipc'), re-read from the database on each call. */
  operator(): Promise<Caller | undefined>;
  operatorUsername: string;
  keyProtection: SecretKeyResult['protection'];
}

export const DATABASE_FILE = 'stackyard.db';

/**
 * Starts the embedded core for the desktop app: SQLite in userData, the secrets key sealed by
 * safeStorage, and the local operator (the bootstrap admin) signed in without a prompt. On the
 * first run the core generates the admin password; it is kept sealed in operator.json so that the
 * same credentials keep working, and never reaches the renderer.
 */
export async function startDesktopCore(options: DesktopCoreOptions): Promise<DesktopCore> {
  const log = options.log ?? console;
  const secret = loadOrCreateSecretKey(options.userData, options.safeStorage, log, options.platform);
  const box = new SecretBox(secret.key);
  const stored = readOperatorCredentials(options.userData, box, log);
  const core = await options.createCore({
    database: { kind: 'sqlite', file: path.join(options.userData, DATABASE_FILE) },
    dataDir: options.userData,
    secretKey: secret.key,
    // A kept password also seeds a fresh database (userData wiped but operator.json kept).
    ...(stored ? { adminPassword: stored.password } : {}),
  });
  try {
    const username = stored?.username ?? LOCAL_OPERATOR_USERNAME;
    let password = stored?.password;
    if (core.generatedAdminPassword) {
      password = core.generatedAdminPassword;
      writeOperatorCredentials(options.userData, box, { username, password });
    }
    const operator = await core.localOperator.signIn(username, password);
    if (!operator.passwordVerified) {
      // The password was changed elsewhere (updateUser) or operator.json was lost. The desktop app
      // owns this database; it still signs its operator in, and says so.
      log.warn(
        `[stackyard] the stored password of '${username}' no longer matches; signing the local operator in by the desktop app's authority`,
      );
    }
    return { core, operator: operator.caller, operatorUsername: username, keyProtection: secret.protection };
  } catch (error) {
    await core.close();
    throw error;
  }
}
