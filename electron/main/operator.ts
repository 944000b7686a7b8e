import fs from 'node:fs';
import path from 'node:path';
import type { SecretBox } from '../../core/src/index';
import { writeFileAtomic, type Logger } from './key-store';

export const OPERATOR_FILE = 'operator.json';

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
