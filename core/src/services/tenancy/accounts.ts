import crypto from 'node:crypto';
import { message, type ServerMessage } from '../../domain/messages';
import { conflict, invalidParameter, notFound, permissionDenied } from '../../domain/errors';
import { accountTypeForRole, roleTypeForAccountType } from '../../domain/roles';
import { nowIso } from '../../domain/time';
import {
  accountNameTaken,
  findAccountView,
  findAccountViewByName,
  insertAccount,
  isSystemAccount,
  ACCOUNTS_BY_ID,
  listAccounts,
  updateAccountRow,
  type AccountScope,
  type AccountView,
} from '../../db/repositories/accounts';
import { findDomainById, findDomainByUuid, lockRow } from '../../db/repositories/domains';
import { findDefaultRole, findRole } from '../../db/repositories/roles';
import {
  insertUser,
  listUsersOfAccounts,
  liveUserIdsOfAccount,
  markUsersRemoved,
  usernameTaken,
} from '../../db/repositories/users';
import type { DomainRow, RoleRow } from '../../db/schema';
import type {
  Account,
  AccountRef,
  CreateAccountInput,
  DeleteAccountInput,
  ACCOUNT_SORT_KEYS,
  ListAccountsInput,
  UpdateAccountInput,
} from '../../api/schemas/accounts';
import { seesAllDomains, type Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { accountResponse } from './responses';
import {
  keywordPattern,
  recordEvent,
  requireName,
  targetRoleType,
  validateEmail,
  validateNetworkDomain,
  validatePassword,
  validateTimezone,
} from './shared';
import { listOrder, pageWindow } from '../paging';

/** The accounts column behind each listAccounts sort key (each indexed with id among live accounts). */
const ACCOUNT_SORT_COLUMNS: Record<(typeof ACCOUNT_SORT_KEYS)[number], string> = {
  name: 'a.name',
  accounttype: 'a.type',
  state: 'a.state',
  created: 'a.created',
};

/** The event text of updateAccount: renamed, given another role, both, or neither. */
function accountUpdated(name: string, newName: string | undefined, role: string | undefined): ServerMessage {
  if (newName !== undefined && role !== undefined) {
    return message('event.account.renamedAndRoleChanged', { name, newName, role });
  }
  if (newName !== undefined) return message('event.account.renamed', { name, newName });
  if (role !== undefined) return message('event.account.roleChanged', { name, role });
  return message('event.account.updated', { name });
}

/** Accounts and their first user; disabling, locking and deleting end the users' sessions. */
export class AccountService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  /** A domain by uuid, or the caller's own when absent. */
  async domainOrOwn(caller: Caller, domainUuid: string | undefined): Promise<DomainRow> {
    const domain = domainUuid
      ? await findDomainByUuid(this.db, domainUuid)
      : await findDomainById(this.db, caller.domainId);
    if (!domain || domain.removed)
      throw notFound(
        'DOMAIN.NOT_FOUND',
        message('error.notFound', { resource: 'domain', id: domainUuid ?? caller.domainUuid }),
      );
    return domain;
  }

  /** Finds the account named by id or by name + domain; not-found errors as CloudStack words them. */
  async resolve(caller: Caller, ref: AccountRef, options: { includeRemoved?: boolean } = {}): Promise<AccountView> {
    let account: AccountView | undefined;
    if (ref.id) {
      account = await findAccountView(this.db, { uuid: ref.id }, options);
    } else if (ref.account) {
      const domain = await this.domainOrOwn(caller, ref.domainid);
      account = await findAccountViewByName(this.db, domain.id, ref.account);
    } else {
      throw invalidParameter('ACCOUNT.MISSING_REF', message('error.account.missingRef', {}));
    }
    if (!account) {
      throw notFound(
        'ACCOUNT.NOT_FOUND',
        message('error.account.notFoundByRef', {
          id: ref.id ?? 'null',
          account: ref.account ?? 'null',
          domain: ref.domainid ?? caller.domainUuid,
        }),
      );
    }
    return account;
  }

  /**
   * Throws unless the caller may manage the account: never the system account, only accounts within
   * the caller's reach, and only those whose role is within the caller's rights.
   */
  async checkManage(caller: Caller, account: AccountView): Promise<void> {
    if (isSystemAccount(account))
      throw permissionDenied('ACCOUNT.SYSTEM', message('error.account.system', { id: account.uuid }));
    await this.services.access.checkAccount(caller, account);
    await this.services.access.checkRoleWithinRights(
      caller,
      { id: account.role_id, name: account.role_name, type: account.role_type },
      'actOnAccount',
    );
  }

  /** The role an account gets from roleid or accounttype (the type's default role). */
  async resolveRole(input: { roleid?: string; accounttype?: number }): Promise<RoleRow> {
    if (input.roleid) {
      const role = await findRole(this.db, { uuid: input.roleid });
      if (!role) throw notFound('ROLE.NOT_FOUND', message('error.notFound', { resource: 'role', id: input.roleid }));
      const type = targetRoleType(role.type);
      if (input.accounttype !== undefined && accountTypeForRole(type) !== input.accounttype) {
        throw invalidParameter(
          'ACCOUNT.TYPE_MISMATCH',
          message('error.account.typeMismatch', {
            accountType: input.accounttype,
            roleType: role.type,
            role: role.name,
          }),
        );
      }
      return role;
    }
    if (input.accounttype === undefined) {
      throw invalidParameter('ACCOUNT.MISSING_ROLE', message('error.account.missingRole', {}));
    }
    const type = roleTypeForAccountType(input.accounttype);
    if (!type)
      throw invalidParameter('ACCOUNT.BAD_TYPE', message('error.account.badType', { accountType: input.accounttype }));
    const role = await findDefaultRole(this.db, type);
    if (!role) throw notFound('ROLE.NOT_FOUND', message('error.role.defaultNotFound', { roleType: type }));
    return role;
  }

  /** Throws unless the caller may give an account of the domain this role. */
  private async checkRoleForDomain(caller: Caller, role: RoleRow, domain: DomainRow): Promise<void> {
    await this.services.access.checkRoleWithinRights(caller, role, 'grant');
    if (targetRoleType(role.type) === 'Admin' && domain.parent_id !== null) {
      throw invalidParameter(
        'ACCOUNT.ADMIN_OUTSIDE_ROOT',
        message('error.account.adminOutsideRoot', { domain: domain.path }),
      );
    }
  }

  async create(caller: Caller, input: CreateAccountInput): Promise<Account> {
    const username = requireName(input.username, 'Username');
    const accountName = requireName(input.account ?? input.username, 'Account name');
    const password = validatePassword(input.password);
    const firstname = requireName(input.firstname, 'Firstname');
    const lastname = requireName(input.lastname, 'Lastname');
    const email = validateEmail(input.email);
    const timezone = input.timezone === undefined ? null : validateTimezone(input.timezone);
    const networkDomain = input.networkdomain === undefined ? null : validateNetworkDomain(input.networkdomain);

    const domain = await this.domainOrOwn(caller, input.domainid);
    this.services.access.checkDomain(caller, domain);
    const role = await this.resolveRole(input);
    const roleType = targetRoleType(role.type);
    await this.checkRoleForDomain(caller, role, domain);
    await this.checkUuidsFree(input.accountid, input.userid);

    const passwordHash = await this.services.auth.hashPassword(password);
    const { store } = this.services;
    const now = nowIso();
    const accountUuid = input.accountid ?? crypto.randomUUID();
    const accountId = await store.db.transaction().execute(async (trx) => {
      await lockRow(trx, store.dialect, 'domains', domain.id);
      const fresh = await findDomainById(trx, domain.id);
      if (!fresh || fresh.removed || fresh.state !== 'Active') {
        throw invalidParameter('DOMAIN.INACTIVE', message('error.account.domainBeingDeleted', { domain: domain.name }));
      }
      if (await accountNameTaken(trx, domain.id, accountName)) {
        throw conflict(
          'ACCOUNT.NAME_TAKEN',
          message('error.account.nameTaken', { name: accountName, domain: domain.path }),
        );
      }
      if (await usernameTaken(trx, domain.id, username)) {
        throw conflict('USER.NAME_TAKEN', message('error.user.nameTaken', { username, domain: domain.path }));
      }
      const id = await insertAccount(trx, {
        uuid: accountUuid,
        name: accountName,
        domain_id: domain.id,
        type: accountTypeForRole(roleType),
        role_id: role.id,
        state: 'enabled',
        network_domain: networkDomain,
        is_default: 0,
        created: now,
        removed: null,
      });
      await insertUser(trx, {
        uuid: input.userid ?? crypto.randomUUID(),
        account_id: id,
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
        created: now,
        removed: null,
      });
      return id;
    });
    await recordEvent(this.services, caller, {
      type: 'ACCOUNT.CREATE',
      message: message('event.account.created', { name: accountName, domain: domain.path, username }),
      resourceType: 'Account',
      resourceId: accountUuid,
    });
    return this.response(caller, accountId);
  }

  private async checkUuidsFree(accountUuid?: string, userUuid?: string): Promise<void> {
    if (
      accountUuid &&
      (await this.db.selectFrom('accounts').select('id').where('uuid', '=', accountUuid).executeTakeFirst())
    ) {
      throw conflict('ACCOUNT.UUID_TAKEN', message('error.account.idTaken', { id: accountUuid }));
    }
    if (userUuid && (await this.db.selectFrom('users').select('id').where('uuid', '=', userUuid).executeTakeFirst())) {
      throw conflict('USER.UUID_TAKEN', message('error.user.idTaken', { id: userUuid }));
    }
  }

  /**
   * The owners an account or user list may show, as CloudStack's listAccounts/listUsers decide:
   * a user sees only its own account; an admin its own domain, the subtree with listall or
   * isrecursive, or a domain it names (and its subtree with isrecursive).
   */
  async listScope(
    caller: Caller,
    input: { domainid?: string; isrecursive?: boolean; listall?: boolean },
  ): Promise<AccountScope> {
    if (caller.roleType === 'User') {
      if (input.domainid && input.domainid !== caller.domainUuid) {
        const domain = await this.domainOrOwn(caller, input.domainid);
        this.services.access.checkDomain(caller, domain);
      }
      return { kind: 'account', accountId: caller.accountId };
    }
    if (input.domainid) {
      const domain = await this.domainOrOwn(caller, input.domainid);
      this.services.access.checkDomain(caller, domain);
      return { kind: 'domain', domainId: domain.id, idPath: domain.id_path, recursive: input.isrecursive === true };
    }
    const recursive = input.listall === true || input.isrecursive === true;
    const atRoot = caller.domainIdPath.split('/').filter(Boolean).length === 1;
    if (recursive && atRoot && seesAllDomains(caller)) return { kind: 'all' };
    return { kind: 'domain', domainId: caller.domainId, idPath: caller.domainIdPath, recursive };
  }

  async list(caller: Caller, input: ListAccountsInput): Promise<{ items: Account[]; count: number }> {
    let scope = await this.listScope(caller, input);
    let id: number | undefined;
    if (input.id) {
      const account = await this.resolve(caller, { id: input.id });
      if (isSystemAccount(account)) return { items: [], count: 0 };
      // Root and resource admins may list every account (as listall shows them); others need access.
      if (!seesAllDomains(caller)) await this.services.access.checkAccount(caller, account);
      id = account.id;
      // An explicit id the caller may see is listed whatever the domain defaults say.
      if (!input.domainid) scope = { kind: 'all' };
    }
    let roleId: number | undefined;
    if (input.roleid) {
      const role = await findRole(this.db, { uuid: input.roleid });
      if (!role) throw notFound('ROLE.NOT_FOUND', message('error.notFound', { resource: 'role', id: input.roleid }));
      roleId = role.id;
    }
    const { rows, count } = await listAccounts(
      this.db,
      {
        scope,
        id,
        name: input.name,
        type: input.accounttype,
        roleId,
        state: input.state?.toLowerCase(),
        keyword: keywordPattern(input.keyword),
      },
      pageWindow(input, this.services.config),
      listOrder(input, ACCOUNT_SORT_COLUMNS, ACCOUNTS_BY_ID),
    );
    return { items: await this.responses(caller, rows), count };
  }

  async update(caller: Caller, input: UpdateAccountInput): Promise<Account> {
    const account = await this.resolve(caller, input);
    await this.checkManage(caller, account);
    const newName = input.newname === undefined ? undefined : requireName(input.newname, 'New account name');
    const networkDomain = input.networkdomain === undefined ? undefined : validateNetworkDomain(input.networkdomain);
    let role: RoleRow | undefined;
    if (input.roleid) {
      role = await findRole(this.db, { uuid: input.roleid });
      if (!role) throw notFound('ROLE.NOT_FOUND', message('error.notFound', { resource: 'role', id: input.roleid }));
      if (role.id !== account.role_id) {
        if (account.is_default === 1)
          throw permissionDenied('ACCOUNT.DEFAULT', message('error.account.defaultNoRoleChange', {}));
        if (account.id === caller.accountId)
          throw permissionDenied('ACCOUNT.OWN_ROLE', message('error.account.ownRole', {}));
        const domain = await this.domainOrOwn(caller, account.domain_uuid);
        await this.checkRoleForDomain(caller, role, domain);
      }
    }
    const { store } = this.services;
    await store.db.transaction().execute(async (trx) => {
      if (newName !== undefined && newName !== account.name) {
        await lockRow(trx, store.dialect, 'domains', account.domain_id);
        if (await accountNameTaken(trx, account.domain_id, newName, account.id)) {
          throw conflict(
            'ACCOUNT.NAME_TAKEN',
            message('error.account.renameTaken', { name: newName, domain: account.domain_path }),
          );
        }
      }
      await updateAccountRow(trx, account.id, {
        ...(newName !== undefined ? { name: newName } : {}),
        ...(networkDomain !== undefined ? { network_domain: networkDomain } : {}),
        ...(role ? { role_id: role.id, type: accountTypeForRole(targetRoleType(role.type)) } : {}),
      });
    });
    await recordEvent(this.services, caller, {
      type: 'ACCOUNT.UPDATE',
      message: accountUpdated(
        account.name,
        newName && newName !== account.name ? newName : undefined,
        role && role.id !== account.role_id ? role.name : undefined,
      ),
      resourceType: 'Account',
      resourceId: account.uuid,
    });
    return this.response(caller, account.id);
  }

  async enable(caller: Caller, ref: AccountRef): Promise<Account> {
    const account = await this.resolve(caller, ref);
    await this.checkManage(caller, account);
    await this.db.transaction().execute((trx) => updateAccountRow(trx, account.id, { state: 'enabled' }));
    await recordEvent(this.services, caller, {
      type: 'ACCOUNT.ENABLE',
      message: message('event.account.enabled', { name: account.name, domain: account.domain_path }),
      resourceType: 'Account',
      resourceId: account.uuid,
    });
    return this.response(caller, account.id);
  }

  /** The checks of disableAccount and lockAccount, made before queueing and again in the job. */
  async stateChangeTarget(caller: Caller, ref: AccountRef): Promise<AccountView> {
    const account = await this.resolve(caller, ref);
    await this.checkManage(caller, account);
    if (account.id === caller.accountId)
      throw permissionDenied('ACCOUNT.OWN', message('error.account.cannotDisableSelf', {}));
    if (account.is_default === 1)
      throw permissionDenied('ACCOUNT.DEFAULT', message('error.account.defaultNoDisable', { name: account.name }));
    return account;
  }

  /** disableAccount (lock=false) or lockAccount (lock=true): ends the sessions of every user. */
  async disable(caller: Caller, ref: AccountRef, lock: boolean): Promise<Account> {
    const account = await this.stateChangeTarget(caller, ref);
    const state = lock ? 'locked' : 'disabled';
    await this.db.transaction().execute((trx) => updateAccountRow(trx, account.id, { state }));
    for (const userId of await liveUserIdsOfAccount(this.db, account.id))
      await this.services.auth.endSessionsOfUser(userId);
    await recordEvent(this.services, caller, {
      type: 'ACCOUNT.DISABLE',
      message: message(lock ? 'event.account.locked' : 'event.account.disabled', {
        name: account.name,
        domain: account.domain_path,
      }),
      resourceType: 'Account',
      resourceId: account.uuid,
    });
    return this.response(caller, account.id);
  }

  /** The checks of deleteAccount, made before queueing and again in the job. */
  async deleteTarget(caller: Caller, ref: DeleteAccountInput): Promise<AccountView> {
    const account = await this.resolve(caller, ref);
    await this.checkManage(caller, account);
    if (account.is_default === 1) throw invalidParameter('ACCOUNT.DEFAULT', message('error.account.isDefault', {}));
    if (account.id === caller.accountId)
      throw permissionDenied('ACCOUNT.OWN', message('error.account.cannotDeleteSelf', {}));
    return account;
  }

  /** deleteAccount; idempotent: an account already removed is a success. */
  async delete(caller: Caller, ref: DeleteAccountInput): Promise<void> {
    const existing = await findAccountView(this.db, { uuid: ref.id }, { includeRemoved: true });
    if (existing?.removed) return;
    const account = await this.deleteTarget(caller, ref);
    await this.deleteUnchecked(caller, account.id);
  }

  /**
   * Removes an account and its users and ends their sessions; the caller's rights are checked by
   * the command that gets here (deleteAccount, or deleteDomain with cleanup).
   */
  async deleteUnchecked(caller: Caller, accountId: number): Promise<void> {
    const account = await findAccountView(this.db, { id: accountId }, { includeRemoved: true });
    if (!account || account.removed) return;
    if (isSystemAccount(account) || account.is_default === 1) {
      throw permissionDenied('ACCOUNT.DEFAULT', message('error.account.defaultNoDelete', { name: account.name }));
    }
    const removed = nowIso();
    const userIds = await this.db.transaction().execute(async (trx) => {
      const ids = await liveUserIdsOfAccount(trx, account.id);
      await markUsersRemoved(trx, ids, removed);
      await updateAccountRow(trx, account.id, { removed });
      return ids;
    });
    for (const userId of userIds) await this.services.auth.endSessionsOfUser(userId);
    await recordEvent(this.services, caller, {
      type: 'ACCOUNT.DELETE',
      message: message('event.account.deleted', { name: account.name, domain: account.domain_path }),
      resourceType: 'Account',
      resourceId: account.uuid,
    });
  }

  /** The account response, for the handler's result (or a job's). */
  async response(caller: Caller, accountId: number): Promise<Account> {
    const view = await findAccountView(this.db, { id: accountId }, { includeRemoved: true });
    if (!view) throw notFound('ACCOUNT.NOT_FOUND', message('error.account.notFound', {}));
    return accountResponse(view, await listUsersOfAccounts(this.db, [view.id]), caller);
  }

  /** Account responses with their users from one extra query (never one per account). */
  async responses(caller: Caller, rows: AccountView[]): Promise<Account[]> {
    const users = await listUsersOfAccounts(
      this.db,
      rows.map((r) => r.id),
    );
    const byAccount = new Map<number, typeof users>();
    for (const u of users) {
      const list = byAccount.get(u.account_id) ?? [];
      list.push(u);
      byAccount.set(u.account_id, list);
    }
    return rows.map((r) => accountResponse(r, byAccount.get(r.id) ?? [], caller));
  }
}
