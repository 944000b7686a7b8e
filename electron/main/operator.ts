import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../core/src/db/connect';
import type { SecretBox } from '../../core/src/services/core-services';
import { writeFileAtomic, type Logger } from './key-store';

export const OPERATOR_FILE = 'operator.json';

/** The bootstrap admin that the desktop app signs in as. */
export const OPERATOR_USERNAME = 'admin';

export interface OperatorCredentials {
  username: string;
  password: string;
}

/**
 * Reads `<userData>/operator.json`: the operator's username and password, the password sealed
 * with the core's SecretBox (whose key is sealed by safeStorage). Undefined when absent or
 * unreadable (a warning then: the app still signs the operator in, see desktop-core.ts).
 */
export function readOperatorCredentials(
  userData: string,
  box: SecretBox,
  log: Logger = console,
): OperatorCredentials | undefined {
  const file = path.join(userData, OPERATOR_FILE);
  if (!fs.existsSync(file)) return undefined;
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { username?: unknown; password?: unknown };
    if (typeof stored.username !== 'string' || typeof stored.password !== 'string') throw new Error('malformed');
    return { username: stored.username, password: box.decrypt(stored.password) };
  } catch {
    log.warn(`[stackyard] ${file} cannot be read with the current secrets key; ignoring it`);
    return undefined;
  }
}

export function writeOperatorCredentials(userData: string, box: SecretBox, credentials: OperatorCredentials): void {
  const body = JSON.stringify({ username: credentials.username, password: box.encrypt(credentials.password) }, null, 2);
  writeFileAtomic(path.join(userData, OPERATOR_FILE), `${body}\n`);
}

export interface OperatorUser {
  id: number;
  passwordHash: string;
}

/** The live (not removed) user of that name in the ROOT domain. */
export async function findOperatorUser(
  store: Store,
  username: string = OPERATOR_USERNAME,
): Promise<OperatorUser | undefined> {
  const row = await store.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .innerJoin('domains', 'domains.id', 'accounts.domain_id')
    .select(['users.id as id', 'users.password_hash as passwordHash'])
    .where('users.username', '=', username)
    .where('users.removed', 'is', null)
    .where('accounts.removed', 'is', null)
    .where('domains.parent_id', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, passwordHash: row.passwordHash } : undefined;
}

/** A domain's materialized id path ("/1/4/"), for live-stream visibility. */
export async function domainIdPath(store: Store, domainId: number): Promise<string | undefined> {
  const row = await store.db.selectFrom('domains').select('id_path').where('id', '=', domainId).executeTakeFirst();
  return row?.id_path;
}
