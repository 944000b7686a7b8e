import { message } from '../domain/messages';
import { permissionDenied, notFound } from '../domain/errors';
import {
  effectiveRights,
  firstRightBeyond,
  rolePolicy,
  roleRank,
  ROLE_TYPES,
  type CommandGrant,
  type StoredRule,
  type RoleType,
} from '../domain/roles';
import type { Kysely } from 'kysely';
import { compiledOnce } from '../db/compiled-once';
import type { Store } from '../db/connect';
import type { AccountRow, Database, DomainRow } from '../db/schema';
import { isRootAdmin, seesAllDomains, type Caller } from './caller';

/** Which owners a list may show. Applied by repositories to account_id / domain_id columns. */
export type OwnerScope =
  | { kind: 'all' }
  | { kind: 'domain'; domainId: number; idPath: string; recursive: boolean }
  | { kind: 'account'; accountId: number };

export interface ListOwnerParams {
  account?: string;
  domainid?: string;
  isrecursive?: boolean;
  listall?: boolean;
}

/**
 * What a role may do: its type (which decides how far its data reaches) and the commands it may
 * call, evaluated as the dispatcher evaluates them.
 */
export interface Rights {
  roleType: RoleType;
  commands: ReadonlySet<string>;
}

/** What target rights allow beyond the holder's: a more privileged type, or a command. */
export type RightsExcess = { roleType: RoleType } | { command: string };

/** What a caller does with a role that must be within its rights. */
export type RoleAction = 'make' | 'grant' | 'edit' | 'delete' | 'actOnUser' | 'registerKeys' | 'actOnAccount';

/** The messages of a role beyond the caller's rights, by action and by what goes beyond. */
const ROLE_ACTION_MESSAGES = {
  make: { roleType: 'error.access.makeRoleType', command: 'error.access.makeRoleCommand' },
  grant: { roleType: 'error.access.grantRoleType', command: 'error.access.grantRoleCommand' },
  edit: { roleType: 'error.access.editRoleType', command: 'error.access.editRoleCommand' },
  delete: { roleType: 'error.access.deleteRoleType', command: 'error.access.deleteRoleCommand' },
  actOnUser: { roleType: 'error.access.actOnUserRoleType', command: 'error.access.actOnUserRoleCommand' },
  registerKeys: { roleType: 'error.access.registerKeysRoleType', command: 'error.access.registerKeysRoleCommand' },
  actOnAccount: { roleType: 'error.access.actOnAccountRoleType', command: 'error.access.actOnAccountRoleCommand' },
} as const;

/** A role as the rights checks name it. */
export interface RoleRef {
  id: number;
  name: string;
  type: string;
}

/**
 * The role type of a stored role. An unknown stored type counts as the most privileged, so only
 * callers with every right may touch it.
 */
export function storedRoleType(value: string): RoleType {
  return (ROLE_TYPES as readonly string[]).includes(value) ? (value as RoleType) : 'Admin';
}

// Compiled once: every API request checks its caller's rules.
const rulesOfRole = compiledOnce((db: Kysely<Database>, roleId: number) =>
  db
    .selectFrom('role_permissions')
    .select(['rule', 'permission'])
    .where('role_id', '=', roleId)
    .orderBy('sort_order')
    .orderBy('id'),
);

/**
 * Role-based API access and resource ownership, CloudStack-style:
 * - a role's ordered rules decide first (first match wins), then the command's declared role types;
 * - root admins own everything, domain admins their domain subtree, users their own account;
 * - a caller grants, edits or acts on only roles within its own rights (CloudStack's
 *   checkRoleEscalation): of its type or a less privileged one, allowing no command it lacks.
 */
export class AccessService {
  private grants?: readonly CommandGrant[];

  constructor(
    private readonly store: Store,
    /** Every command that needs a signed-in caller, with its declared role types. */
    private readonly commands: () => readonly CommandGrant[],
  ) {}

  async isCommandAllowed(
    caller: Pick<Caller, 'roleId' | 'roleType'>,
    command: string,
    declared: readonly RoleType[],
  ): Promise<boolean> {
    return rolePolicy(await this.rulesOf(caller.roleId), caller.roleType)(command, declared);
  }

  /** A role's rules in evaluation order. */
  rulesOf(roleId: number): Promise<StoredRule[]> {
    return rulesOfRole(this.store.db, roleId);
  }

  /** The rights of rules of a role type, over every command. */
  rightsOfRules(rules: readonly StoredRule[], type: string): Rights {
    this.grants ??= this.commands();
    const roleType = storedRoleType(type);
    return { roleType, commands: effectiveRights(rules, roleType, this.grants) };
  }

  /** The rights of a stored role. */
  async rightsOfRole(roleId: number, type: string): Promise<Rights> {
    return this.rightsOfRules(await this.rulesOf(roleId), type);
  }

  /** The caller's own rights, to check several roles against in one request. */
  callerRights(caller: Pick<Caller, 'roleId' | 'roleType'>): Promise<Rights> {
    return this.rightsOfRole(caller.roleId, caller.roleType);
  }

  /** What the target may that the holder may not: undefined when the target is within the holder's rights. */
  excess(holder: Rights, target: Rights): RightsExcess | undefined {
    if (roleRank(target.roleType) < roleRank(holder.roleType)) return { roleType: target.roleType };
    const command = firstRightBeyond(target.commands, holder.commands);
    return command === undefined ? undefined : { command };
  }

  /** Throws CloudStack's permission-denied error unless the target rights are within the holder's. */
  checkWithinRights(caller: Caller, holder: Rights, role: { name: string; rights: Rights }, action: RoleAction): void {
    const excess = this.excess(holder, role.rights);
    if (excess !== undefined) {
      const keys = ROLE_ACTION_MESSAGES[action];
      const who = { caller: caller.accountName, role: role.name };
      throw permissionDenied(
        'ACCESS.ROLE_RIGHTS',
        'roleType' in excess
          ? message(keys.roleType, { ...who, roleType: excess.roleType })
          : message(keys.command, { ...who, command: excess.command }),
      );
    }
  }

  /**
   * Throws unless the caller may grant, edit or act on holders of the role: its own role, or one
   * within its rights. The root admin's "*" rule covers everything.
   */
  async checkRoleWithinRights(caller: Caller, role: RoleRef, action: RoleAction): Promise<void> {
    if (role.id === caller.roleId) return;
    const holder = await this.callerRights(caller);
    this.checkWithinRights(
      caller,
      holder,
      { name: role.name, rights: await this.rightsOfRole(role.id, role.type) },
      action,
    );
  }

  /** The roles a caller may see: its own, and those within its rights. */
  async rolesWithinRights<T extends RoleRef>(caller: Caller, roles: readonly T[]): Promise<T[]> {
    const holder = await this.callerRights(caller);
    const rules = await this.rulesOfRoles(roles.map((r) => r.id));
    return roles.filter(
      (r) =>
        r.id === caller.roleId || this.excess(holder, this.rightsOfRules(rules.get(r.id) ?? [], r.type)) === undefined,
    );
  }

  private async rulesOfRoles(roleIds: number[]): Promise<Map<number, StoredRule[]>> {
    const byRole = new Map<number, StoredRule[]>();
    if (roleIds.length === 0) return byRole;
    const rows = await this.store.db
      .selectFrom('role_permissions')
      .select(['role_id', 'rule', 'permission'])
      .where('role_id', 'in', roleIds)
      .orderBy('role_id')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    for (const row of rows) {
      const list = byRole.get(row.role_id) ?? [];
      list.push({ rule: row.rule, permission: row.permission });
      byRole.set(row.role_id, list);
    }
    return byRole;
  }

  canAccessDomain(caller: Caller, domain: Pick<DomainRow, 'id_path'>): boolean {
    if (seesAllDomains(caller)) return true;
    if (caller.roleType === 'DomainAdmin') return domain.id_path.startsWith(caller.domainIdPath);
    return false;
  }

  /** Throws unless the caller may act on the domain (root admin, or a domain admin above it). */
  checkDomain(caller: Caller, domain: Pick<DomainRow, 'id_path' | 'uuid'>): void {
    if (!this.canAccessDomain(caller, domain)) {
      throw permissionDenied(
        'ACCESS.DOMAIN',
        message('error.access.domain', { caller: caller.accountName, id: domain.uuid }),
      );
    }
  }

  /** Throws unless the caller may act on resources of the account. */
  async checkAccount(caller: Caller, account: Pick<AccountRow, 'id' | 'uuid' | 'domain_id'>): Promise<void> {
    if (isRootAdmin(caller) || caller.accountId === account.id) return;
    if (caller.roleType === 'DomainAdmin') {
      const domain = await this.domainById(account.domain_id);
      if (domain && domain.id_path.startsWith(caller.domainIdPath)) return;
    }
    throw permissionDenied(
      'ACCESS.ACCOUNT',
      message('error.access.account', { caller: caller.accountName, id: account.uuid }),
    );
  }

  /**
   * CloudStack's list semantics for owned resources: without listall, only the caller's own
   * account (or the named account / domain); with listall, everything the caller may see.
   */
  async listScope(caller: Caller, params: ListOwnerParams): Promise<OwnerScope> {
    let domain: DomainRow | undefined;
    if (params.domainid) {
      domain = await this.store.db
        .selectFrom('domains')
        .selectAll()
        .where('uuid', '=', params.domainid)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (!domain)
        throw notFound('DOMAIN.NOT_FOUND', message('error.notFound', { resource: 'domain', id: params.domainid }));
      this.checkDomainOrOwn(caller, domain);
    }
    if (params.account) {
      const domainId = domain?.id ?? caller.domainId;
      const account = await this.store.db
        .selectFrom('accounts')
        .selectAll()
        .where('name', '=', params.account)
        .where('domain_id', '=', domainId)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (!account)
        throw notFound(
          'ACCOUNT.NOT_FOUND',
          message('error.account.notFoundInDomain', {
            account: params.account,
            domain: domain?.uuid ?? caller.domainUuid,
          }),
        );
      await this.checkAccount(caller, account);
      return { kind: 'account', accountId: account.id };
    }
    if (caller.roleType === 'User') return { kind: 'account', accountId: caller.accountId };
    if (domain)
      return {
        kind: 'domain',
        domainId: domain.id,
        idPath: domain.id_path,
        recursive: Boolean(params.isrecursive || params.listall),
      };
    if (params.listall) {
      return seesAllDomains(caller)
        ? { kind: 'all' }
        : { kind: 'domain', domainId: caller.domainId, idPath: caller.domainIdPath, recursive: true };
    }
    return { kind: 'account', accountId: caller.accountId };
  }

  private checkDomainOrOwn(caller: Caller, domain: DomainRow): void {
    if (domain.id === caller.domainId) return;
    this.checkDomain(caller, domain);
  }

  private domainById(id: number) {
    return this.store.db.selectFrom('domains').select(['id', 'id_path']).where('id', '=', id).executeTakeFirst();
  }
}
