import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import { conflict, inUse, invalidParameter, notFound, permissionDenied } from '../../domain/errors';
import { RULE_PATTERN, type RoleType, type StoredRule } from '../../domain/roles';
import { nowIso } from '../../domain/time';
import { countAccountsWithRole } from '../../db/repositories/accounts';
import {
  deleteRule,
  deleteRulesOfRole,
  findRole,
  findRule,
  insertRole,
  insertRule,
  listRoles,
  listRules,
  nextSortOrder,
  roleNameTaken,
  updateRoleRow,
  updateRule,
  type RulePermissionView,
} from '../../db/repositories/roles';
import type { RoleRow } from '../../db/schema';
import type {
  CreateRoleInput,
  CreateRolePermissionInput,
  DeleteRoleInput,
  DeleteRolePermissionInput,
  ListRolePermissionsInput,
  ListRolesInput,
  Role,
  RolePermission,
  UpdateRoleInput,
  UpdateRolePermissionInput,
} from '../../api/schemas/roles';
import type { Rights } from '../access';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { roleResponse, rulePermissionResponse } from './responses';
import { keywordPattern, recordEvent, requireName } from './shared';
import { pageWindow } from '../paging';

/**
 * Roles and their ordered permission rules. Only admins of type Admin change them, whatever a
 * custom role's rules let reach the command: a rule can open an API, never role management itself.
 * And no change may leave a role beyond the rights of the admin who makes it (an admin role
 * that denies createZone cannot make a role that allows it); the root admin's "*" covers all.
 */
export class RoleService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  private requireRootAdmin(caller: Caller): void {
    if (caller.roleType !== 'Admin') {
      throw permissionDenied('ROLE.ROOT_ONLY', message('error.role.rootOnly', { caller: caller.accountName }));
    }
  }

  async require(uuid: string): Promise<RoleRow> {
    const role = await findRole(this.db, { uuid });
    if (!role) throw notFound('ROLE.NOT_FOUND', message('error.notFound', { resource: 'role', id: uuid }));
    return role;
  }

  /** Throws unless rules of a role type, as a change would leave them, are within the caller's rights. */
  private async checkProposed(
    caller: Caller,
    role: { name: string; type: string },
    rules: readonly StoredRule[],
    holder?: Rights,
  ): Promise<void> {
    const { access } = this.services;
    const rights = access.rightsOfRules(rules, role.type);
    access.checkWithinRights(
      caller,
      holder ?? (await access.callerRights(caller)),
      { name: role.name, rights },
      'make',
    );
  }

  /** The built-in Root Admin role keeps its "*" rule: changing its rules could lock every admin out. */
  private checkRulesEditable(role: RoleRow): void {
    if (role.is_default === 1 && role.type === 'Admin') {
      throw permissionDenied('ROLE.DEFAULT_ADMIN', message('error.role.defaultRules', { name: role.name }));
    }
  }

  async create(caller: Caller, input: CreateRoleInput): Promise<Role> {
    this.requireRootAdmin(caller);
    const name = requireName(input.name, 'Role name');
    if (input.type && input.roleid) throw invalidParameter('ROLE.TYPE_AND_ID', message('error.role.typeAndId', {}));
    if (!input.type && !input.roleid)
      throw invalidParameter('ROLE.MISSING_TYPE', message('error.role.missingType', {}));
    const source = input.roleid ? await this.require(input.roleid) : undefined;
    const type = source ? source.type : (input.type as RoleType);
    const sourceRules = source ? await listRules(this.db, source.id) : [];
    await this.checkProposed(caller, { name, type }, sourceRules);
    const uuid = crypto.randomUUID();
    const id = await this.db.transaction().execute(async (trx) => {
      if (await roleNameTaken(trx, name)) throw conflict('ROLE.NAME_TAKEN', message('error.role.nameTaken', { name }));
      const roleId = await insertRole(trx, {
        uuid,
        name,
        type,
        description: input.description ?? null,
        is_default: 0,
        created: nowIso(),
        removed: null,
      });
      if (source) {
        // The rules checked above, not a re-read: what is copied is what was judged.
        for (const [index, rule] of sourceRules.entries()) {
          await insertRule(trx, {
            uuid: crypto.randomUUID(),
            role_id: roleId,
            rule: rule.rule,
            permission: rule.permission,
            description: rule.description,
            sort_order: index,
          });
        }
      }
      return roleId;
    });
    await recordEvent(this.services, caller, {
      type: 'ROLE.CREATE',
      message: source
        ? message('event.role.cloned', { name, roleType: type, source: source.name })
        : message('event.role.created', { name, roleType: type }),
      resourceType: 'Role',
      resourceId: uuid,
    });
    return roleResponse((await findRole(this.db, { id })) as RoleRow);
  }

  /**
   * Everyone may list roles, and sees its own and those within its rights (as CloudStack's
   * removeRolesIfNeeded): a role allowing more than the caller, or of a more privileged type, is
   * not listed. Roles are few, so the page is cut after that filter and the count stays true.
   */
  async list(caller: Caller, input: ListRolesInput): Promise<{ items: Role[]; count: number }> {
    let id: number | undefined;
    if (input.id) {
      const role = await findRole(this.db, { uuid: input.id });
      if (!role) return { items: [], count: 0 };
      id = role.id;
    }
    const { rows } = await listRoles(this.db, {
      id,
      name: input.name,
      type: input.type,
      keyword: keywordPattern(input.keyword),
    });
    const visible = await this.services.access.rolesWithinRights(caller, rows);
    const page = pageWindow(input, this.services.config);
    const items = page ? visible.slice(page.offset, page.offset + page.limit) : visible;
    return { items: items.map(roleResponse), count: visible.length };
  }

  /** A role the caller may see (its own, or one within its rights); others are not found. */
  private async requireVisible(caller: Caller, uuid: string): Promise<RoleRow> {
    const [role] = await this.services.access.rolesWithinRights(caller, [await this.require(uuid)]);
    if (!role) throw notFound('ROLE.NOT_FOUND', message('error.notFound', { resource: 'role', id: uuid }));
    return role;
  }

  async update(caller: Caller, input: UpdateRoleInput): Promise<Role> {
    this.requireRootAdmin(caller);
    const role = await this.require(input.id);
    if (role.is_default === 1)
      throw permissionDenied('ROLE.DEFAULT', message('error.role.defaultNoUpdate', { name: role.name }));
    await this.services.access.checkRoleWithinRights(caller, role, 'edit');
    if (input.type !== undefined && input.type !== role.type)
      await this.checkProposed(caller, { name: role.name, type: input.type }, await listRules(this.db, role.id));
    const name = input.name === undefined ? undefined : requireName(input.name, 'Role name');
    await this.db.transaction().execute(async (trx) => {
      if (name !== undefined && (await roleNameTaken(trx, name, role.id)))
        throw conflict('ROLE.NAME_TAKEN', message('error.role.nameTaken', { name }));
      if (input.type !== undefined && input.type !== role.type && (await countAccountsWithRole(trx, role.id)) > 0) {
        throw inUse('ROLE.IN_USE', message('error.role.typeInUse', { name: role.name }));
      }
      await updateRoleRow(trx, role.id, {
        ...(name !== undefined ? { name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.type !== undefined ? { type: input.type } : {}),
      });
    });
    await recordEvent(this.services, caller, {
      type: 'ROLE.UPDATE',
      message: message('event.role.updated', { name: role.name }),
      resourceType: 'Role',
      resourceId: role.uuid,
    });
    return roleResponse((await findRole(this.db, { id: role.id })) as RoleRow);
  }

  async delete(caller: Caller, input: DeleteRoleInput): Promise<void> {
    this.requireRootAdmin(caller);
    const role = await this.require(input.id);
    if (role.is_default === 1)
      throw permissionDenied('ROLE.DEFAULT', message('error.role.defaultNoDelete', { name: role.name }));
    await this.services.access.checkRoleWithinRights(caller, role, 'delete');
    await this.db.transaction().execute(async (trx) => {
      const users = await countAccountsWithRole(trx, role.id);
      if (users > 0) throw inUse('ROLE.IN_USE', message('error.role.inUse', { name: role.name, count: users }));
      await deleteRulesOfRole(trx, role.id);
      await updateRoleRow(trx, role.id, { removed: nowIso() });
    });
    await recordEvent(this.services, caller, {
      type: 'ROLE.DELETE',
      message: message('event.role.deleted', { name: role.name }),
      resourceType: 'Role',
      resourceId: role.uuid,
    });
  }

  /** `isKnownCommand`: true when a command of that name exists; a rule without '*' must name one. */
  async createRule(
    caller: Caller,
    input: CreateRolePermissionInput,
    isKnownCommand: (name: string) => boolean = () => true,
  ): Promise<RolePermission> {
    this.requireRootAdmin(caller);
    const role = await this.require(input.roleid);
    this.checkRulesEditable(role);
    const rule = input.rule.trim();
    if (!RULE_PATTERN.test(rule)) {
      throw invalidParameter('ROLE.BAD_RULE', message('error.role.badRule', { rule: input.rule }));
    }
    if (!rule.includes('*') && !isKnownCommand(rule)) {
      throw invalidParameter('ROLE.UNKNOWN_API', message('error.role.unknownApi', { rule }));
    }
    await this.services.access.checkRoleWithinRights(caller, role, 'edit');
    const holder = await this.services.access.callerRights(caller);
    const uuid = crypto.randomUUID();
    await this.db.transaction().execute(async (trx) => {
      const existing = await listRules(trx, role.id);
      if (existing.some((r) => r.rule.toLowerCase() === rule.toLowerCase())) {
        throw conflict('ROLE.RULE_EXISTS', message('error.role.ruleExists', { role: role.name, rule }));
      }
      await this.checkProposed(caller, role, [...existing, { rule, permission: input.permission }], holder);
      await insertRule(trx, {
        uuid,
        role_id: role.id,
        rule,
        permission: input.permission,
        description: input.description ?? null,
        sort_order: await nextSortOrder(trx, role.id),
      });
    });
    await recordEvent(this.services, caller, {
      type: 'ROLE.PERMISSION.CREATE',
      message: message('event.role.ruleAdded', { rule, permission: input.permission, role: role.name }),
      resourceType: 'RolePermission',
      resourceId: uuid,
    });
    return rulePermissionResponse((await findRule(this.db, { uuid })) as RulePermissionView);
  }

  /**
   * The rules of the roles the caller may see (its own and those within its rights), so a caller a
   * rule lets reach this command never reads the rules of a role beyond it.
   */
  async listRules(
    caller: Caller,
    input: ListRolePermissionsInput,
  ): Promise<{ items: RolePermission[]; count: number }> {
    if (input.roleid) {
      const role = await this.requireVisible(caller, input.roleid);
      const rows = await listRules(this.db, role.id);
      return { items: rows.map(rulePermissionResponse), count: rows.length };
    }
    const roles = await this.services.access.rolesWithinRights(caller, (await listRoles(this.db, {})).rows);
    const items: RolePermission[] = [];
    for (const role of roles) items.push(...(await listRules(this.db, role.id)).map(rulePermissionResponse));
    return { items, count: items.length };
  }

  /** Reorders a role's rules (ruleorder: every rule id, once) or changes one rule's permission. */
  async updateRule(caller: Caller, input: UpdateRolePermissionInput): Promise<void> {
    this.requireRootAdmin(caller);
    const role = await this.require(input.roleid);
    this.checkRulesEditable(role);
    const reorder = input.ruleorder !== undefined;
    const change = input.ruleid !== undefined || input.permission !== undefined;
    if (reorder === change) {
      throw invalidParameter('ROLE.RULE_UPDATE', message('error.role.ruleUpdateEither', {}));
    }
    if (change && (input.ruleid === undefined || input.permission === undefined)) {
      throw invalidParameter('ROLE.RULE_UPDATE', message('error.role.ruleUpdateBoth', {}));
    }
    await this.services.access.checkRoleWithinRights(caller, role, 'edit');
    const holder = await this.services.access.callerRights(caller);
    await this.db.transaction().execute(async (trx) => {
      const rules = await listRules(trx, role.id);
      if (reorder) {
        const order = (input.ruleorder ?? []).map((u) => u.toLowerCase());
        const known = new Set(rules.map((r) => r.uuid));
        if (order.length !== rules.length || new Set(order).size !== order.length || order.some((u) => !known.has(u))) {
          throw invalidParameter(
            'ROLE.RULE_ORDER',
            message('error.role.ruleOrder', { count: rules.length, role: role.name }),
          );
        }
        const byUuid = new Map(rules.map((r) => [r.uuid, r]));
        await this.checkProposed(
          caller,
          role,
          order.map((u) => byUuid.get(u) as RulePermissionView),
          holder,
        );
        for (const [index, u] of order.entries())
          await updateRule(trx, (byUuid.get(u) as RulePermissionView).id, { sort_order: index });
      } else {
        const rule = rules.find((r) => r.uuid === input.ruleid?.toLowerCase());
        if (!rule)
          throw notFound(
            'ROLE.RULE_NOT_FOUND',
            message('error.role.ruleNotFound', { id: String(input.ruleid), role: role.name }),
          );
        const changed = rules.map((r) => (r.id === rule.id ? { ...r, permission: input.permission as string } : r));
        await this.checkProposed(caller, role, changed, holder);
        await updateRule(trx, rule.id, { permission: input.permission as 'allow' | 'deny' });
      }
    });
    await recordEvent(this.services, caller, {
      type: 'ROLE.PERMISSION.UPDATE',
      message: reorder
        ? message('event.role.rulesReordered', { role: role.name })
        : message('event.role.ruleChanged', {
            rule: String(input.ruleid),
            role: role.name,
            permission: String(input.permission),
          }),
      resourceType: 'Role',
      resourceId: role.uuid,
    });
  }

  async deleteRule(caller: Caller, input: DeleteRolePermissionInput): Promise<void> {
    this.requireRootAdmin(caller);
    const rule = await findRule(this.db, { uuid: input.id });
    if (!rule)
      throw notFound('ROLE.RULE_NOT_FOUND', message('error.notFound', { resource: 'role permission', id: input.id }));
    const role = await findRole(this.db, { id: rule.role_id });
    if (role) {
      this.checkRulesEditable(role);
      await this.services.access.checkRoleWithinRights(caller, role, 'edit');
      const rest = (await listRules(this.db, role.id)).filter((r) => r.id !== rule.id);
      await this.checkProposed(caller, role, rest);
    }
    await this.db.transaction().execute((trx) => deleteRule(trx, rule.id));
    await recordEvent(this.services, caller, {
      type: 'ROLE.PERMISSION.DELETE',
      message: message('event.role.ruleRemoved', { rule: rule.rule, role: rule.role_name }),
      resourceType: 'RolePermission',
      resourceId: rule.uuid,
    });
  }
}
