import { z } from 'zod';
import { ROLE_TYPES } from '../../domain/roles';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { tenancy } from '../../services/tenancy/index';

const ROOT_ADMIN = ['Admin'] as const;
const EVERYONE = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

const ROLE_RESPONSE = {
  name: 'role',
  fields: {
    id: 'the ID of the role',
    name: 'the name of the role',
    type: 'the type of the role',
    description: 'the description of the role',
    isdefault: 'true if role is default, false otherwise',
  },
};

const RULE_RESPONSE = {
  name: 'rolepermission',
  fields: {
    id: 'the ID of the role permission',
    roleid: 'the ID of the role to which the role permission belongs',
    rolename: 'the name of the role to which the role permission belongs',
    roletype: 'the type of the role to which the role permission belongs',
    rule: 'the api name or wildcard rule',
    permission: 'the permission type of the api name or wildcard rule, allow/deny',
    description: 'the description of the role permission',
  },
};

const SUCCESS = {
  name: 'success',
  fields: {
    success: 'true if operation is executed successfully',
    displaytext: 'any text associated with the success or failure',
  },
};

const roleType = (description: string) => param.enumOf(ROLE_TYPES, description);
const permission = param.enumOf(['allow', 'deny'] as const, 'The rule permission, allow or deny.');

const createRole = defineCommand({
  name: 'createRole',
  description: 'Creates a role',
  roles: ROOT_ADMIN,
  params: z.object({
    name: param.string('Creates a role with this unique name'),
    type: roleType('The type of the role, valid options are: Admin, ResourceAdmin, DomainAdmin, User').optional(),
    roleid: param.uuid('ID of the role to be cloned from. Either roleid or type must be passed in').optional(),
    description: param.string('The description of the role', 1024).optional(),
  }),
  response: ROLE_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'role', value: await tenancy(ctx.services).roles.create(ctx.caller, p) };
  },
});

const listRoles = defineCommand({
  name: 'listRoles',
  description: 'Lists dynamic roles in CloudStack',
  roles: EVERYONE,
  params: z.object({
    ...listParams,
    id: param.uuid('List role by role ID.').optional(),
    name: param.string('List role by role name.').optional(),
    type: roleType('List role by role type, valid options are: Admin, ResourceAdmin, DomainAdmin, User.').optional(),
  }),
  response: ROLE_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await tenancy(ctx.services).roles.list(ctx.caller, p);
    return { kind: 'list', name: 'role', items, count };
  },
});

const updateRole = defineCommand({
  name: 'updateRole',
  description: 'Updates a role',
  roles: ROOT_ADMIN,
  params: z.object({
    id: param.uuid('ID of the role'),
    name: param.string('creates a role with this unique name').optional(),
    type: roleType('The type of the role, valid options are: Admin, ResourceAdmin, DomainAdmin, User').optional(),
    description: param.string('The description of the role', 1024).optional(),
  }),
  response: ROLE_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'role', value: await tenancy(ctx.services).roles.update(ctx.caller, p) };
  },
});

const deleteRole = defineCommand({
  name: 'deleteRole',
  description: 'Deletes a role',
  roles: ROOT_ADMIN,
  params: z.object({ id: param.uuid('ID of the role') }),
  response: SUCCESS,
  async handler(ctx, p) {
    await tenancy(ctx.services).roles.delete(ctx.caller, p);
    return { kind: 'success' };
  },
});

const createRolePermission = defineCommand({
  name: 'createRolePermission',
  description: 'Adds an API permission to a role',
  roles: ROOT_ADMIN,
  params: z.object({
    roleid: param.uuid('ID of the role'),
    rule: param.string('The API name or wildcard rule such as list*'),
    permission,
    description: param.string('The description of the role permission', 1024).optional(),
  }),
  response: RULE_RESPONSE,
  async handler(ctx, p) {
    const known = new Set(ctx.commands.all().map((c) => c.name.toLowerCase()));
    const value = await tenancy(ctx.services).roles.createRule(ctx.caller, p, (name) => known.has(name.toLowerCase()));
    return { kind: 'object', name: 'rolepermission', value };
  },
});

const listRolePermissions = defineCommand({
  name: 'listRolePermissions',
  description: 'Lists role permissions',
  roles: ROOT_ADMIN,
  params: z.object({ roleid: param.uuid('ID of the role').optional() }),
  response: RULE_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await tenancy(ctx.services).roles.listRules(ctx.caller, p);
    return { kind: 'list', name: 'rolepermission', items, count };
  },
});

const updateRolePermission = defineCommand({
  name: 'updateRolePermission',
  description: 'Updates a role permission order',
  roles: ROOT_ADMIN,
  params: z.object({
    roleid: param.uuid('ID of the role'),
    ruleorder: param.list('The new order of the rules: every rule id of the role, comma separated').optional(),
    ruleid: param.uuid('Role permission rule id').optional(),
    permission: permission.optional(),
  }),
  response: SUCCESS,
  async handler(ctx, p) {
    await tenancy(ctx.services).roles.updateRule(ctx.caller, p);
    return { kind: 'success' };
  },
});

const deleteRolePermission = defineCommand({
  name: 'deleteRolePermission',
  description: 'Deletes a role permission',
  roles: ROOT_ADMIN,
  params: z.object({ id: param.uuid('ID of the role permission') }),
  response: SUCCESS,
  async handler(ctx, p) {
    await tenancy(ctx.services).roles.deleteRule(ctx.caller, p);
    return { kind: 'success' };
  },
});

export const roleCommands = [
  createRole,
  listRoles,
  updateRole,
  deleteRole,
  createRolePermission,
  listRolePermissions,
  updateRolePermission,
  deleteRolePermission,
];
