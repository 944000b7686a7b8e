import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import { conflict, inUse, invalidParameter, notFound, permissionDenied } from '../../domain/errors';
import { nowIso } from '../../domain/time';
import { listAccounts, listAccountsOfDomains, countLiveAccounts } from '../../db/repositories/accounts';
import {
  countLiveChildren,
  domainView,
  findDomainById,
  findDomainByUuid,
  insertDomain,
  DOMAINS_BY_ID,
  listDomains,
  listSubtree,
  lockRow,
  markDomainsRemoved,
  renameDomain,
  setSubtreeState,
  siblingNameTaken,
  updateDomainNetwork,
  type DomainScope,
} from '../../db/repositories/domains';
import type { DomainRow } from '../../db/schema';
import type {
  CreateDomainInput,
  DeleteDomainInput,
  Domain,
  ListDomainChildrenInput,
  DOMAIN_SORT_KEYS,
  ListDomainsInput,
  UpdateDomainInput,
} from '../../api/schemas/domains';
import { seesAllDomains, type Caller } from '../caller';
import type { CoreServices } from '../core-services';
import type { AccountService } from './accounts';
import { domainResponse } from './responses';
import { keywordPattern, recordEvent, requireName, validateNetworkDomain, type Progress } from './shared';
import { listOrder, pageWindow } from '../paging';

/** The domains column behind each listDomains sort key (each indexed with id among live domains). */
const DOMAIN_SORT_COLUMNS: Record<(typeof DOMAIN_SORT_KEYS)[number], string> = {
  name: 'd.name',
  path: 'd.path',
  level: 'd.level',
  created: 'd.created',
};

const DOMAIN_NAME_RULES = { forbid: /\//, forbidMessage: message('error.domain.nameHasSlash', {}) };

/** Domains: a tree under ROOT; domain admins manage their subtree, root admins everything. */
export class DomainService {
  constructor(
    private readonly services: CoreServices,
    private readonly accounts: () => AccountService,
  ) {}

  private get db() {
    return this.services.store.db;
  }

  /** A live domain by uuid, or the API's not-found error. */
  async require(uuid: string): Promise<DomainRow> {
    const domain = await findDomainByUuid(this.db, uuid);
    if (!domain) throw notFound('DOMAIN.NOT_FOUND', message('error.notFound', { resource: 'domain', id: uuid }));
    return domain;
  }

  async create(caller: Caller, input: CreateDomainInput): Promise<Domain> {
    const name = requireName(input.name, 'Domain name', DOMAIN_NAME_RULES);
    const networkDomain = input.networkdomain === undefined ? null : validateNetworkDomain(input.networkdomain);
    const parent = input.parentdomainid
      ? await this.require(input.parentdomainid)
      : await findDomainById(this.db, caller.domainId);
    if (!parent) throw notFound('DOMAIN.NOT_FOUND', message('error.domain.parentNotFound', {}));
    this.services.access.checkDomain(caller, parent);
    if (input.domainid && (await findDomainByUuid(this.db, input.domainid, { includeRemoved: true }))) {
      throw conflict('DOMAIN.UUID_TAKEN', message('error.domain.idTaken', { id: input.domainid }));
    }
    const uuid = input.domainid ?? crypto.randomUUID();
    const { store } = this.services;
    const created = await store.db.transaction().execute(async (trx) => {
      await lockRow(trx, store.dialect, 'domains', parent.id);
      const fresh = await findDomainById(trx, parent.id);
      if (!fresh || fresh.removed || fresh.state !== 'Active') {
        throw invalidParameter('DOMAIN.INACTIVE', message('error.domain.parentBeingDeleted', { parent: parent.name }));
      }
      if (await siblingNameTaken(trx, parent.id, name)) {
        throw conflict('DOMAIN.NAME_TAKEN', message('error.domain.nameTaken', { name, parentId: parent.uuid }));
      }
      return insertDomain(trx, { uuid, name, parent: fresh, networkDomain, created: nowIso() });
    });
    await recordEvent(this.services, caller, {
      type: 'DOMAIN.CREATE',
      message: message('event.domain.created', { path: created.path, id: created.uuid }),
      resourceType: 'Domain',
      resourceId: created.uuid,
    });
    return this.response(created.id);
  }

  /**
   * CloudStack's listDomains: root admins see every domain; a domain admin its own domain, or its
   * subtree with listall; a user only its own domain.
   */
  async list(caller: Caller, input: ListDomainsInput): Promise<{ items: Domain[]; count: number }> {
    let scope: DomainScope;
    if (input.id) {
      const domain = await this.require(input.id);
      if (
        caller.roleType === 'User'
          ? domain.id !== caller.domainId
          : !this.services.access.canAccessDomain(caller, domain)
      ) {
        throw permissionDenied(
          'ACCESS.DOMAIN',
          message('error.access.domain', { caller: caller.accountName, id: domain.uuid }),
        );
      }
      scope = { kind: 'one', domainId: domain.id };
    } else if (seesAllDomains(caller)) {
      scope = { kind: 'all' };
    } else if (caller.roleType === 'DomainAdmin' && input.listall) {
      scope = { kind: 'subtree', idPath: caller.domainIdPath };
    } else {
      scope = { kind: 'one', domainId: caller.domainId };
    }
    const { rows, count } = await listDomains(
      this.db,
      { scope, name: input.name, level: input.level, keyword: keywordPattern(input.keyword), state: 'Active' },
      pageWindow(input, this.services.config),
      listOrder(input, DOMAIN_SORT_COLUMNS, DOMAINS_BY_ID),
    );
    return { items: rows.map(domainResponse), count };
  }

  /**
   * CloudStack's listDomainChildren: the children of a domain the caller may reach (its own when
   * no id is given). With isrecursive the whole subtree below it, except when listall is also set:
   * then, as in CloudStack, the first level only.
   */
  async listChildren(caller: Caller, input: ListDomainChildrenInput): Promise<{ items: Domain[]; count: number }> {
    let parent: DomainRow | undefined;
    if (input.id) {
      parent = await this.require(input.id);
      this.services.access.checkDomain(caller, parent);
    } else {
      parent = await findDomainById(this.db, caller.domainId);
      if (!parent) throw notFound('DOMAIN.NOT_FOUND', message('error.domain.callerDomainNotFound', {}));
    }
    const wholeTree = input.isrecursive === true && input.listall !== true;
    const { rows, count } = await listDomains(
      this.db,
      {
        ...(wholeTree
          ? { scope: { kind: 'subtree', idPath: parent.id_path }, excludeId: parent.id }
          : { scope: { kind: 'all' }, parentId: parent.id }),
        nameLike: keywordPattern(input.name),
        keyword: keywordPattern(input.keyword),
        state: 'Active',
      },
      pageWindow(input, this.services.config),
    );
    return { items: rows.map(domainResponse), count };
  }

  async update(caller: Caller, input: UpdateDomainInput): Promise<Domain> {
    const domain = await this.require(input.id);
    if (input.name !== undefined && domain.parent_id === null) {
      throw invalidParameter('DOMAIN.ROOT_NAME', message('error.domain.rootRename', {}));
    }
    this.services.access.checkDomain(caller, domain);
    const name = input.name === undefined ? undefined : requireName(input.name, 'Domain name', DOMAIN_NAME_RULES);
    const networkDomain = input.networkdomain === undefined ? undefined : validateNetworkDomain(input.networkdomain);
    const { store } = this.services;
    await store.db.transaction().execute(async (trx) => {
      if (name !== undefined && name !== domain.name) {
        const parentId = domain.parent_id as number;
        await lockRow(trx, store.dialect, 'domains', parentId);
        if (await siblingNameTaken(trx, parentId, name, domain.id)) {
          throw conflict('DOMAIN.NAME_TAKEN', message('error.domain.renameTaken', { name }));
        }
        const fresh = await findDomainById(trx, domain.id);
        if (!fresh || fresh.removed)
          throw notFound('DOMAIN.NOT_FOUND', message('error.notFound', { resource: 'domain', id: domain.uuid }));
        await renameDomain(trx, fresh, name);
      }
      if (networkDomain !== undefined) await updateDomainNetwork(trx, domain.id, networkDomain);
    });
    await recordEvent(this.services, caller, {
      type: 'DOMAIN.UPDATE',
      message: message('event.domain.updated', { path: domain.path, id: domain.uuid }),
      resourceType: 'Domain',
      resourceId: domain.uuid,
    });
    return this.response(domain.id);
  }

  /**
   * The checks deleteDomain makes before it is queued (and again when its job runs): the domain
   * exists, is not ROOT nor one holding the caller, is within the caller's reach, and is empty
   * unless cleanup is asked.
   */
  async checkDelete(caller: Caller, domain: DomainRow, cleanup: boolean): Promise<void> {
    if (domain.parent_id === null) throw permissionDenied('DOMAIN.ROOT', message('error.domain.deleteRoot', {}));
    this.services.access.checkDomain(caller, domain);
    if (caller.domainIdPath.startsWith(domain.id_path)) {
      throw permissionDenied('DOMAIN.OWN', message('error.domain.deleteOwn', { caller: caller.accountName }));
    }
    if (!cleanup) {
      const children = await countLiveChildren(this.db, domain.id);
      const accounts = await countLiveAccounts(this.db, domain.id);
      if (children > 0 || accounts > 0) {
        throw inUse(
          'DOMAIN.NOT_EMPTY',
          children > 0 && accounts > 0
            ? message('error.domain.hasSubdomainsAndAccounts', { subdomains: children, accounts })
            : children > 0
              ? message('error.domain.hasSubdomains', { subdomains: children })
              : message('error.domain.hasAccounts', { accounts }),
        );
      }
      return;
    }
    // A cleanup deletes every account below; none may hold a role beyond the caller's rights.
    const { rows } = await listAccounts(this.db, {
      scope: { kind: 'domain', domainId: domain.id, idPath: domain.id_path, recursive: true },
    });
    const roles = rows.map((a) => ({ id: a.role_id, name: a.role_name, type: a.role_type }));
    const within = new Set((await this.services.access.rolesWithinRights(caller, roles)).map((r) => r.id));
    const stronger = rows.find((a) => !within.has(a.role_id));
    if (stronger) {
      throw permissionDenied(
        'ACCESS.ROLE_RIGHTS',
        message('error.domain.strongerAccount', {
          caller: caller.accountName,
          account: stronger.name,
          role: stronger.role_name,
        }),
      );
    }
  }

  /** Resolves and checks the domain a deleteDomain job acts on. */
  async deleteTarget(caller: Caller, input: DeleteDomainInput): Promise<DomainRow> {
    const domain = await this.require(input.id);
    await this.checkDelete(caller, domain, input.cleanup === true);
    return domain;
  }

  /**
   * Deletes a domain. Idempotent, so an interrupted job can run again: a domain already removed is
   * a success, and a cleanup resumes with whatever accounts and subdomains are left.
   */
  async delete(caller: Caller, input: DeleteDomainInput, progress?: Progress): Promise<void> {
    const existing = await findDomainByUuid(this.db, input.id, { includeRemoved: true });
    if (existing?.removed) return;
    const domain = await this.deleteTarget(caller, input);
    const { store } = this.services;

    if (!input.cleanup) {
      await store.db.transaction().execute(async (trx) => {
        await lockRow(trx, store.dialect, 'domains', domain.id);
        if ((await countLiveChildren(trx, domain.id)) > 0 || (await countLiveAccounts(trx, domain.id)) > 0) {
          throw inUse('DOMAIN.NOT_EMPTY', message('error.domain.notEmpty', {}));
        }
        await markDomainsRemoved(trx, [domain.id], nowIso());
      });
    } else {
      // Inactive first: no account or subdomain can be created below while the cleanup runs.
      await store.db.transaction().execute((trx) => setSubtreeState(trx, domain.id_path, 'Inactive'));
      try {
        const subtree = await listSubtree(this.db, domain.id_path);
        const accounts = await listAccountsOfDomains(
          this.db,
          subtree.map((d) => d.id),
        );
        let done = 0;
        for (const account of accounts) {
          await this.accounts().deleteUnchecked(caller, account.id);
          done += 1;
          await progress?.report(
            Math.floor((done / (accounts.length + 1)) * 100),
            `Deleted account ${account.name} (${done}/${accounts.length})`,
          );
        }
        await store.db.transaction().execute(async (trx) => {
          const left = await listAccountsOfDomains(
            trx,
            subtree.map((d) => d.id),
          );
          if (left.length > 0)
            throw inUse('DOMAIN.NOT_EMPTY', message('error.domain.accountsLeft', { accounts: left.length }));
          const live = await listSubtree(trx, domain.id_path);
          await markDomainsRemoved(
            trx,
            live.map((d) => d.id),
            nowIso(),
          );
        });
      } catch (error) {
        // Leave what is left usable, as CloudStack rolls a failed cleanup back to Active.
        await store.db.transaction().execute((trx) => setSubtreeState(trx, domain.id_path, 'Active'));
        throw error;
      }
    }
    await progress?.report(100, `Deleted domain ${domain.path}`);
    await recordEvent(this.services, caller, {
      type: 'DOMAIN.DELETE',
      message: message(input.cleanup ? 'event.domain.deletedWithCleanup' : 'event.domain.deleted', {
        path: domain.path,
        id: domain.uuid,
      }),
      resourceType: 'Domain',
      resourceId: domain.uuid,
    });
  }

  private async response(id: number): Promise<Domain> {
    const view = await domainView(this.db, id);
    if (!view) throw notFound('DOMAIN.NOT_FOUND', message('error.domain.notFound', {}));
    return domainResponse(view);
  }
}
