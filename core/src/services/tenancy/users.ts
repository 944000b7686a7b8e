import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import { conflict, invalidParameter, notFound, permissionDenied } from '../../domain/errors';
import { nowIso } from '../../domain/time';
import {
  findAccountViewByName,
  isSystemAccount,
  updateAccountRow,
  type AccountScope,
} from '../../db/repositories/accounts';
import { lockRow } from '../../db/repositories/domains';
import {
  countEnabledUsers,
  findPasswordHash,
  findUserView,
  insertUser,
  listUsers,
  USERS_BY_ID,
  markUsersRemoved,
  updateUserRow,
  usernameTaken,
  type UserView,
} from '../../db/repositories/users';
import type { UserRow } from '../../db/schema';
import type { GetUserKeysInput, RegisterUserKeysInput, UserKeys } from '../../api/schemas/auth';
import type {
  CreateUserInput,
  ListUsersInput,
  UpdateUserInput,
  User,
  USER_SORT_KEYS,
  UserIdInput,
} from '../../api/schemas/users';
import { isRootAdmin, seesAllDomains, type Caller } from '../caller';
import type { CoreServices } from '../core-services';
import type { AccountService } from './accounts';
import { userResponse } from './responses';
import { keywordPattern, recordEvent, requireName, validateEmail, validatePassword, validateTimezone } from './shared';
import { listOrder, pageWindow } from '../paging';

/** The users column behind each listUsers sort key (each indexed with id among live users). */
const USER_SORT_COLUMNS: Record<(typeof USER_SORT_KEYS)[number], string> = {
  username: 'u.username',
  firstname: 'u.firstname',
  lastname: 'u.lastname',
  state: 'u.state',
  created: 'u.created',
};

/** Users of accounts. A plain user only ever manages itself; admins the users within their reach. */
/** What disableUser, lockUser and deleteUser do to a user (stateChangeTarget's checks). */
export type UserStateChange = 'disable' | 'lock' | 'delete';

const SELF_CHANGE = {
  disable: 'error.user.cannotDisableSelf',
  lock: 'error.user.cannotLockSelf',
  delete: 'error.user.cannotDeleteSelf',
} as const;

const DEFAULT_CHANGE = {
  disable: 'error.user.defaultNoDisable',
  lock: 'error.user.defaultNoLock',
  delete: 'error.user.defaultNoDelete',
} as const;

export class UserService {
  constructor(
    private readonly services: CoreServices,
    private readonly accounts: AccountService,
  ) {}

  private get db() {
    return this.services.store.db;
  }

  async require(uuid: string): Promise<UserView> {
    const user = await findUserView(this.db, { uuid });
    if (!user || user.removed)
      throw notFound('USER.NOT_FOUND', message('error.notFound', { resource: 'user', id: uuid }));
    return user;
  }

  /**
   * Throws unless the caller may manage the user: itself always (but never the system user);
   * others only as an admin within reach, and only when the user's role is within the caller's
   * rights (CloudStack's verifyCallerPrivilegeForUserOrAccountOperations).
   */
  async checkManage(caller: Caller, user: UserView): Promise<void> {
    if (user.account_is_default === 1 && user.account_name === 'system') {
      throw permissionDenied('USER.SYSTEM', message('error.user.system', { id: user.uuid }));
    }
    if (user.id === caller.userId) return;
    if (caller.roleType === 'User') {
      throw permissionDenied('ACCESS.USER', message('error.access.user', { caller: caller.username, id: user.uuid }));
    }
    await this.services.access.checkAccount(caller, {
      id: user.account_id,
      uuid: user.account_uuid,
      domain_id: user.domain_id,
    });
    await this.services.access.checkRoleWithinRights(
      caller,
      { id: user.role_id, name: user.role_name, type: user.role_type },
      'actOnUser',
    );
  }

  async create(caller: Caller, input: CreateUserInput): Promise<User> {
    const username = requireName(input.username, 'Username');
    const password = validatePassword(input.password);
    const firstname = requireName(input.firstname, 'Firstname');
    const lastname = requireName(input.lastname, 'Lastname');
    const email = input.email === undefined ? null : validateEmail(input.email);
    const timezone = input.timezone === undefined ? null : validateTimezone(input.timezone);
    const domain = await this.accounts.domainOrOwn(caller, input.domainid);
    const account = await findAccountViewByName(this.db, domain.id, input.account);
    if (!account)
      throw notFound(
        'ACCOUNT.NOT_FOUND',
        message('error.account.notFoundInDomain', { account: input.account, domain: domain.uuid }),
      );
    await this.accounts.checkManage(caller, account);
    if (
      input.userid &&
      (await this.db.selectFrom('users').select('id').where('uuid', '=', input.userid).executeTakeFirst())
    ) {
      throw conflict('USER.UUID_TAKEN', message('error.user.idTaken', { id: input.userid }));
    }

    const passwordHash = await this.services.auth.hashPassword(password);
    const { store } = this.services;
    const uuid = input.userid ?? crypto.randomUUID();
    const userId = await store.db.transaction().execute(async (trx) => {
      await lockRow(trx, store.dialect, 'domains', domain.id);
      const fresh = await trx
        .selectFrom('accounts')
        .select(['removed'])
        .where('id', '=', account.id)
        .executeTakeFirst();
      if (!fresh || fresh.removed)
        throw notFound(
          'ACCOUNT.NOT_FOUND',
          message('error.account.notFoundInDomain', { account: input.account, domain: domain.uuid }),
        );
      if (await usernameTaken(trx, domain.id, username)) {
        throw conflict('USER.NAME_TAKEN', message('error.user.nameTaken', { username, domain: domain.path }));
      }
      return insertUser(trx, {
        uuid,
        account_id: account.id,
        username,
        password_hash: passwordHash,
        firstname,
        lastname,
        email,
        timezone,
        state: 'enabled',
        api_key: null,
        secret_key: null,
        is_default: 0,
        incorrect_login_attempts: 0,
        created: nowIso(),
        removed: null,
      });
    });
    await recordEvent(this.services, caller, {
      type: 'USER.CREATE',
      message: message('event.user.created', { username, account: account.name, domain: domain.path }),
      resourceType: 'User',
      resourceId: uuid,
    });
    return this.response(caller, userId);
  }

  async list(caller: Caller, input: ListUsersInput): Promise<{ items: User[]; count: number }> {
    let scope: AccountScope;
    if (input.account) {
      const domain = await this.accounts.domainOrOwn(caller, input.domainid);
      const account = await findAccountViewByName(this.db, domain.id, input.account);
      if (!account)
        throw notFound(
          'ACCOUNT.NOT_FOUND',
          message('error.account.notFoundInDomain', { account: input.account, domain: domain.uuid }),
        );
      if (!seesAllDomains(caller)) await this.services.access.checkAccount(caller, account);
      scope = { kind: 'account', accountId: account.id };
    } else {
      scope = await this.accounts.listScope(caller, input);
    }
    let id: number | undefined;
    if (input.id) {
      const user = await this.require(input.id);
      if (isSystemAccount({ name: user.account_name, is_default: user.account_is_default }))
        return { items: [], count: 0 };
      if (!seesAllDomains(caller)) {
        await this.services.access.checkAccount(caller, {
          id: user.account_id,
          uuid: user.account_uuid,
          domain_id: user.domain_id,
        });
      }
      id = user.id;
      if (!input.account && !input.domainid) scope = { kind: 'all' };
    }
    const { rows, count } = await listUsers(
      this.db,
      {
        scope,
        id,
        username: input.username,
        accountType: input.accounttype,
        state: input.state?.toLowerCase(),
        keyword: keywordPattern(input.keyword),
      },
      pageWindow(input, this.services.config),
      listOrder(input, USER_SORT_COLUMNS, USERS_BY_ID),
    );
    return { items: rows.map((u) => userResponse(u, caller)), count };
  }

  async update(caller: Caller, input: UpdateUserInput): Promise<User> {
    const user = await this.require(input.id);
    await this.checkManage(caller, user);
    const set: Partial<Pick<UserRow, 'username' | 'firstname' | 'lastname' | 'email' | 'timezone' | 'password_hash'>> =
      {};
    if (input.username !== undefined) set.username = requireName(input.username, 'Username');
    if (input.firstname !== undefined) set.firstname = requireName(input.firstname, 'Firstname');
    if (input.lastname !== undefined) set.lastname = requireName(input.lastname, 'Lastname');
    if (input.email !== undefined) set.email = validateEmail(input.email);
    if (input.timezone !== undefined) set.timezone = validateTimezone(input.timezone);
    if (input.password !== undefined) {
      validatePassword(input.password);
      // CloudStack: root and domain admins set passwords directly; anyone else proves the current one.
      const isAdmin = caller.roleType === 'Admin' || caller.roleType === 'DomainAdmin';
      if (!isAdmin) {
        if (!input.currentpassword)
          throw invalidParameter('USER.CURRENT_PASSWORD', message('error.user.currentPasswordRequired', {}));
        const stored = await findPasswordHash(this.db, user.id);
        if (!stored || !(await this.services.auth.verifyPassword(input.currentpassword, stored.password_hash))) {
          throw invalidParameter('USER.CURRENT_PASSWORD', message('error.user.currentPasswordIncorrect', {}));
        }
      }
      set.password_hash = await this.services.auth.hashPassword(input.password);
    }
    const { store } = this.services;
    await store.db.transaction().execute(async (trx) => {
      if (set.username !== undefined && set.username !== user.username) {
        await lockRow(trx, store.dialect, 'domains', user.domain_id);
        if (await usernameTaken(trx, user.domain_id, set.username, user.id)) {
          throw conflict(
            'USER.NAME_TAKEN',
            message('error.user.nameTaken', { username: set.username, domain: user.domain_path }),
          );
        }
      }
      await updateUserRow(trx, user.id, set);
    });
    // A password set by someone else logs the user out everywhere; one's own change keeps the session.
    if (set.password_hash !== undefined && user.id !== caller.userId)
      await this.services.auth.endSessionsOfUser(user.id);
    const fields = Object.keys(set).map((k) => (k === 'password_hash' ? 'password' : k));
    await recordEvent(this.services, caller, {
      type: 'USER.UPDATE',
      message:
        fields.length > 0
          ? message('event.user.updated', { username: user.username, fields: fields.join(', ') })
          : message('event.user.unchanged', { username: user.username }),
      resourceType: 'User',
      resourceId: user.uuid,
    });
    return this.response(caller, user.id);
  }

  async enable(caller: Caller, input: UserIdInput): Promise<User> {
    const user = await this.require(input.id);
    await this.checkManage(caller, user);
    await this.db.transaction().execute(async (trx) => {
      await updateUserRow(trx, user.id, { state: 'enabled', incorrect_login_attempts: 0 });
      // As CloudStack: enabling a user enables its account too.
      if (user.account_state !== 'enabled') await updateAccountRow(trx, user.account_id, { state: 'enabled' });
    });
    await recordEvent(this.services, caller, {
      type: 'USER.ENABLE',
      message: message('event.user.enabled', { username: user.username, account: user.account_name }),
      resourceType: 'User',
      resourceId: user.uuid,
    });
    return this.response(caller, user.id);
  }

  /** The checks of disableUser, lockUser and deleteUser: never oneself nor a default user. */
  async stateChangeTarget(caller: Caller, input: UserIdInput, verb: UserStateChange): Promise<UserView> {
    const user = await this.require(input.id);
    await this.checkManage(caller, user);
    if (user.id === caller.userId) throw permissionDenied('USER.SELF', message(SELF_CHANGE[verb], {}));
    if (user.is_default === 1)
      throw permissionDenied('USER.DEFAULT', message(DEFAULT_CHANGE[verb], { username: user.username }));
    return user;
  }

  async disable(caller: Caller, input: UserIdInput): Promise<User> {
    const user = await this.stateChangeTarget(caller, input, 'disable');
    await this.db.transaction().execute((trx) => updateUserRow(trx, user.id, { state: 'disabled' }));
    await this.services.auth.endSessionsOfUser(user.id);
    await recordEvent(this.services, caller, {
      type: 'USER.DISABLE',
      message: message('event.user.disabled', { username: user.username, account: user.account_name }),
      resourceType: 'User',
      resourceId: user.uuid,
    });
    return this.response(caller, user.id);
  }

  /** CloudStack's lockUser: only an enabled user; the account locks when no enabled user is left. */
  async lock(caller: Caller, input: UserIdInput): Promise<User> {
    const user = await this.stateChangeTarget(caller, input, 'lock');
    if (user.state === 'locked') return this.response(caller, user.id);
    if (user.state !== 'enabled') {
      throw invalidParameter('USER.NOT_ENABLED', message('error.user.lockNotEnabled', { state: user.state }));
    }
    await this.db.transaction().execute(async (trx) => {
      await updateUserRow(trx, user.id, { state: 'locked' });
      if ((await countEnabledUsers(trx, user.account_id)) === 0)
        await updateAccountRow(trx, user.account_id, { state: 'locked' });
    });
    await this.services.auth.endSessionsOfUser(user.id);
    await recordEvent(this.services, caller, {
      type: 'USER.LOCK',
      message: message('event.user.locked', { username: user.username, account: user.account_name }),
      resourceType: 'User',
      resourceId: user.uuid,
    });
    return this.response(caller, user.id);
  }

  async delete(caller: Caller, input: UserIdInput): Promise<void> {
    const user = await this.stateChangeTarget(caller, input, 'delete');
    await this.db.transaction().execute((trx) => markUsersRemoved(trx, [user.id], nowIso()));
    await this.services.auth.endSessionsOfUser(user.id);
    await recordEvent(this.services, caller, {
      type: 'USER.DELETE',
      message: message('event.user.deleted', { username: user.username, account: user.account_name }),
      resourceType: 'User',
      resourceId: user.uuid,
    });
  }

  async response(caller: Caller, userId: number): Promise<User> {
    const view = await findUserView(this.db, { id: userId }, { includeRemoved: true });
    if (!view) throw notFound('USER.NOT_FOUND', message('error.user.notFound', {}));
    return userResponse(view, caller);
  }

  /**
   * registerUserKeys: new API and secret keys for a user (the secret sealed at rest). As
   * CloudStack: within the caller's reach, never the system user, never a more privileged role.
   */
  async registerKeys(caller: Caller, input: RegisterUserKeysInput): Promise<UserKeys> {
    const user = await this.keyOwner(input.id);
    await this.services.access.checkAccount(caller, {
      id: user.accountId,
      uuid: user.accountUuid,
      domain_id: user.domainId,
    });
    if (user.username === 'system' && user.accountName === 'system' && user.domainParentId === null) {
      throw permissionDenied('USER.SYSTEM', message('error.user.systemKeys', {}));
    }
    // CloudStack's verifyCallerPrivilegeForUserOrAccountOperations: keys give the role's rights.
    if (user.id !== caller.userId) {
      await this.services.access.checkRoleWithinRights(
        caller,
        { id: user.roleId, name: user.roleName, type: user.roleType },
        'registerKeys',
      );
    }
    // Like CloudStack's HmacSHA1 KeyGenerator keys: 64 random bytes, URL-safe base64 (86 characters).
    const apikey = crypto.randomBytes(64).toString('base64url');
    const secretkey = crypto.randomBytes(64).toString('base64url');
    await this.db
      .updateTable('users')
      .set({ api_key: apikey, secret_key: this.services.secrets.encrypt(secretkey) })
      .where('id', '=', user.id)
      .execute();
    await recordEvent(this.services, caller, {
      type: 'REGISTER.USER.KEY',
      message: message('event.user.keysRegistered', { username: user.username }),
      resourceType: 'User',
      resourceId: user.uuid,
    });
    return { apikey, secretkey };
  }

  /** getUserKeys: a user's keys, without the ones it has not registered. */
  async getKeys(caller: Caller, input: GetUserKeysInput): Promise<UserKeys> {
    const user = await this.keyOwner(input.id);
    // Stricter than CloudStack: a secret key is shown to its own user and to root admins only.
    if (user.id !== caller.userId && !isRootAdmin(caller)) {
      throw permissionDenied(
        'ACCESS.USER_KEYS',
        message('error.access.userKeys', { caller: caller.accountName, id: user.uuid }),
      );
    }
    const keys: UserKeys = {};
    if (user.apiKey) keys.apikey = user.apiKey;
    if (user.secretKey) keys.secretkey = this.services.secrets.decrypt(user.secretKey);
    return keys;
  }

  /** A live user with its keys, account, domain parent and role type, for the key commands. */
  private async keyOwner(uuid: string) {
    const user = await this.db
      .selectFrom('users')
      .innerJoin('accounts', 'accounts.id', 'users.account_id')
      .innerJoin('domains', 'domains.id', 'accounts.domain_id')
      .innerJoin('roles', 'roles.id', 'accounts.role_id')
      .select([
        'users.id as id',
        'users.uuid as uuid',
        'users.username as username',
        'users.api_key as apiKey',
        'users.secret_key as secretKey',
        'accounts.id as accountId',
        'accounts.uuid as accountUuid',
        'accounts.name as accountName',
        'accounts.domain_id as domainId',
        'domains.parent_id as domainParentId',
        'roles.id as roleId',
        'roles.name as roleName',
        'roles.type as roleType',
      ])
      .where('users.uuid', '=', uuid)
      .where('users.removed', 'is', null)
      .where('accounts.removed', 'is', null)
      .executeTakeFirst();
    if (!user) throw notFound('USER.NOT_FOUND', message('error.user.notFoundById', {}));
    return user;
  }
}
