import type { Store } from '../db/connect';
import { findRootDomainUser } from '../db/repositories/users';
import type { AuthService, CallerRefusal } from './auth';
import type { Caller } from './caller';

/** The desktop app's operator: the bootstrap admin, signed in by the app itself. */
export interface LocalOperator {
  username: string;
  /**
   * False when the password the app kept no longer matches (changed with updateUser, or the
   * app's sealed copy was lost). The desktop app owns this database and signs its operator in
   * anyway; it says so in its log.
   */
  passwordVerified: boolean;
  /**
   * The operator as a caller (via 'ipc'), read afresh on every call; undefined once it is removed,
   * disabled or locked (its user or its account).
   */
  caller(): Promise<Caller | undefined>;
}

/** The operator account the desktop app signs in as. */
export const LOCAL_OPERATOR_USERNAME = 'admin';

/** The local operator may not sign in: its user or account is removed, disabled or locked. */
export class LocalOperatorRefused extends Error {
  readonly code = 'LOCAL_OPERATOR.REFUSED';
  constructor(
    readonly reason: CallerRefusal,
    username: string,
  ) {
    super(refusalText(reason, username));
    this.name = 'LocalOperatorRefused';
  }
}

function refusalText(reason: CallerRefusal, username: string): string {
  const enable = 'another administrator must enable it (enableUser / enableAccount) before the app can start';
  switch (reason) {
    case 'removed':
      return `The local operator account '${username}' was removed from the ROOT domain; the desktop app cannot sign it in`;
    case 'user-disabled':
      return `The local operator user '${username}' is disabled; ${enable}`;
    case 'user-locked':
      return `The local operator user '${username}' is locked; ${enable}`;
    case 'account-disabled':
      return `The account of the local operator '${username}' is disabled; ${enable}`;
    case 'account-locked':
      return `The account of the local operator '${username}' is locked; ${enable}`;
  }
}

/**
 * The desktop app's local sign-in: no prompt, the operator is the ROOT domain's admin account.
 * Electron keeps the password sealed in its user-data folder and hands it over here. Like any
 * login, it refuses a removed, disabled or locked user or account (LocalOperatorRefused).
 */
export class LocalOperatorService {
  constructor(private readonly deps: { store: Store; auth: Pick<AuthService, 'verifyPassword' | 'activeCaller'> }) {}

  async signIn(username: string, password: string | undefined): Promise<LocalOperator> {
    const user = await findRootDomainUser(this.deps.store.db, username);
    if (!user) throw new LocalOperatorRefused('removed', username);
    const status = await this.deps.auth.activeCaller(user.id, 'ipc');
    if (status.refusal) throw new LocalOperatorRefused(status.refusal, username);
    const passwordVerified =
      password !== undefined && (await this.deps.auth.verifyPassword(password, user.passwordHash));
    return {
      username,
      passwordVerified,
      caller: async () => (await this.deps.auth.activeCaller(user.id, 'ipc')).caller,
    };
  }
}
