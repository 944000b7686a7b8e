import { permissionDenied, notFound } from '../domain/errors';
import { roleRank, ruleMatches, type RoleType } from '../domain/roles';
import type { Store } from '../db/connect';
import type { AccountRow, DomainRow } from '../db/schema';
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
 * Role-based API access and resource ownership, CloudStack-style:
 * - a role's ordered rules decide first (first match wins), then the command's declared role types;
 * - root admins own everything, domain admins their domain subtree, users their own account.
 */
export class AccessService {
  constructor(private readonly store: Store) {}

  async isCommandAllowed(
    caller: Pick<Caller, 'roleId' | 'roleType'>,
    command: string,
    declared: readonly RoleType[],
  ): Promise<boolean> {
    const rules = await this.store.db
      .selectFrom('role_permissions')
      .select(['rule', 'permission'])
      .where('role_id', '=', caller.roleId)
      .orderBy('sort_order')
      .execute();
    for (const r of rules) {
      if (ruleMatches(r.rule, command)) return r.permission === 'allow';
    }
    return declared.includes(caller.roleType);
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
        `Caller ${caller.accountName} does not have permission to operate within domain id=${domain.uuid}`,
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
      `Caller ${caller.accountName} does not have permission to operate with resource of account id=${account.uuid}`,
    );
  }

  /**
   * Role types a caller may grant or act on: its own and less privileged ones (a domain admin
   * never creates, elevates or manages a root or resource admin).
   */
  canHandleRoleType(caller: Pick<Caller, 'roleType'>, roleType: RoleType): boolean {
    return roleRank(roleType) >= roleRank(caller.roleType);
  }

  /** Throws unless the caller may grant or act on accounts of the role type. */
  checkRoleType(caller: Caller, roleType: RoleType, what = 'an account'): void {
    if (!this.canHandleRoleType(caller, roleType)) {
      throw permissionDenied(
        'ACCESS.ROLE_TYPE',
        `Caller ${caller.accountName} of role type ${caller.roleType} may not operate on ${what} of role type ${roleType}`,
      );
    }
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
      if (!domain) throw notFound('DOMAIN.NOT_FOUND', `Unable to find domain by id ${params.domainid}`);
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
          `Unable to find account ${params.account} in domain id=${domain?.uuid ?? caller.domainUuid}`,
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
