import path from 'node:path';
import type { CoreOptions } from '../../core/src/core';
import type { Store } from '../../core/src/db/connect';
import type { Caller } from '../../core/src/services/caller';
import type { AuthPort, EventSink } from '../../core/src/services/core-services';
import { SecretBox } from '../../core/src/services/secrets';
import type { ApiExecutor } from './ipc';
import { loadOrCreateSecretKey, type Logger, type SafeStoragePort, type SecretKeyResult } from './key-store';
import { findOperatorUser, OPERATOR_USERNAME, readOperatorCredentials, writeOperatorCredentials } from './operator';

/** The parts of core/src/core.ts's Core that the shell uses. */
export interface EmbeddedCore {
  api: ApiExecutor;
  events: Pick<EventSink, 'subscribe'>;
  auth: Pick<AuthPort, 'verifyPassword' | 'callerForUser'>;
  store: Store;
  generatedAdminPassword?: string;
  close(): Promise<void>;
}

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
    const username = stored?.username ?? OPERATOR_USERNAME;
    let password = stored?.password;
    if (core.generatedAdminPassword) {
      password = core.generatedAdminPassword;
      writeOperatorCredentials(options.userData, box, { username, password });
    }
    const user = await findOperatorUser(core.store, username);
    if (!user) throw new Error(`the local operator account '${username}' does not exist in the ROOT domain`);
    if (!password || !(await core.auth.verifyPassword(password, user.passwordHash))) {
      // The password was changed elsewhere (updateUser) or operator.json was lost. The desktop app
      // owns this database; it still signs its operator in, and says so.
      log.warn(
        `[stackyard] the stored password of '${username}' no longer matches; signing the local operator in by the desktop app's authority`,
      );
    }
    const operator = () => core.auth.callerForUser(user.id, 'ipc');
    if (!(await operator())) throw new Error(`the local operator account '${username}' was removed`);
    return { core, operator, operatorUsername: username, keyProtection: secret.protection };
  } catch (error) {
    await core.close();
    throw error;
  }
}
