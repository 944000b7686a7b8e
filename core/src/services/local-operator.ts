import type { Store } from '../db/connect';
import { findRootDomainUser } from '../db/repositories/users';
import type { Caller } from './caller';
import type { AuthPort } from './core-services';

/** The desktop app's operator: the bootstrap admin, signed in by the app itself. */
export interface LocalOperator {
  username: string;
  /**
   * False when the password the app kept no longer matches (changed with updateUser, or the
   * app's sealed copy was lost). The desktop app owns this database and signs its operator in
   * anyway; it says so in its log.
   */
  passwordVerified: boolean;
  /** The operator as a caller (via 'ipc'), read afresh on every call; undefined once removed. */
  caller(): Promise<Caller | undefined>;
}

/** The operator account the desktop app signs in as. */
export const LOCAL_OPERATOR_USERNAME = 'admin';

/**
 * The desktop app's local sign-in: no prompt, the operator is the ROOT domain's admin account.
 * Electron keeps the password sealed in its user-data folder and hands it over here.
 */
export class LocalOperatorService {
  constructor(private readonly deps: { store: Store; auth: Pick<AuthPort, 'verifyPassword' | 'callerForUser'> }) {}

  async signIn(username: string, password: string | undefined): Promise<LocalOperator> {
    const user = await findRootDomainUser(this.deps.store.db, username);
    if (!user) throw new Error(`the local operator account '${username}' does not exist in the ROOT domain`);
    const passwordVerified =
      password !== undefined && (await this.deps.auth.verifyPassword(password, user.passwordHash));
    const operator: LocalOperator = {
      username,
      passwordVerified,
      caller: () => this.deps.auth.callerForUser(user.id, 'ipc'),
    };
    if (!(await operator.caller())) throw new Error(`the local operator account '${username}' was removed`);
    return operator;
  }
}
