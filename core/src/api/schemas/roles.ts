import { z } from 'zod';
import { ROLE_TYPES, RULE_PERMISSIONS } from '../../domain/roles';
import { ADMIN, ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, param } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** CloudStack's RoleResponse. */
export const Role = entity('Role', {
  id: field.uuid('the ID of the role'),
  name: field.string('the name of the role'),
  type: field.oneOf(ROLE_TYPES, 'the type of the role'),
  description: field.string('the description of the role').optional(),
  isdefault: field.boolean('true if role is default, false otherwise'),
});
export type Role = z.infer<typeof Role>;

/** CloudStack's RolePermissionResponse. */
export const RolePermission = entity('RolePermission', {
  id: field.uuid('the ID of the role permission'),
  roleid: field.uuid('the ID of the role to which the role permission belongs'),
  rolename: field.string('the name of the role to which the role permission belongs'),
  roletype: field.oneOf(ROLE_TYPES, 'the type of the role to which the role permission belongs'),
  rule: field.string('the api name or wildcard rule'),
  permission: field.oneOf(RULE_PERMISSIONS, 'the permission type of the api name or wildcard rule, allow/deny'),
  description: field.string('the description of the role permission').optional(),
});
export type RolePermission = z.infer<typeof RolePermission>;

const roleType = (description: string) => param.enumOf(ROLE_TYPES, description);
const permission = param.enumOf(RULE_PERMISSIONS, 'The rule permission, allow or deny.');

export const createRole = defineSpec({
  name: 'createRole',
  description: 'Creates a role',
  roles: ADMIN,
  params: z.object({
    name: param.string('Creates a role with this unique name'),
    type: roleType('The type of the role, valid options are: Admin, ResourceAdmin, DomainAdmin, User').optional(),
    roleid: param.uuid('ID of the role to be cloned from. Either roleid or type must be passed in').optional(),
    description: param.string('The description of the role', 1024).optional(),
  }),
  response: objectOf('role', Role),
});

export const listRoles = defineSpec({
  name: 'listRoles',
  description: 'Lists dynamic roles in CloudStack',
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    id: param.uuid('List role by role ID.').optional(),
    name: param.string('List role by role name.').optional(),
    type: roleType('List role by role type, valid options are: Admin, ResourceAdmin, DomainAdmin, User.').optional(),
  }),
  response: listOf('role', Role),
});

export const updateRole = defineSpec({
  name: 'updateRole',
  description: 'Updates a role',
  roles: ADMIN,
  params: z.object({
    id: param.uuid('ID of the role'),
    name: param.string('creates a role with this unique name').optional(),
    type: roleType('The type of the role, valid options are: Admin, ResourceAdmin, DomainAdmin, User').optional(),
    description: param.string('The description of the role', 1024).optional(),
  }),
  response: objectOf('role', Role),
});

export const deleteRole = defineSpec({
  name: 'deleteRole',
  description: 'Deletes a role',
  roles: ADMIN,
  params: z.object({ id: param.uuid('ID of the role') }),
  response: success(),
});

export const createRolePermission = defineSpec({
  name: 'createRolePermission',
  description: 'Adds an API permission to a role',
  roles: ADMIN,
  params: z.object({
    roleid: param.uuid('ID of the role'),
    rule: param.string('The API name or wildcard rule such as list*'),
    permission,
    description: param.string('The description of the role permission', 1024).optional(),
  }),
  response: objectOf('rolepermission', RolePermission),
});

export const listRolePermissions = defineSpec({
  name: 'listRolePermissions',
  description: 'Lists role permissions',
  roles: ADMIN,
  params: z.object({ roleid: param.uuid('ID of the role').optional() }),
  response: listOf('rolepermission', RolePermission),
});

export const updateRolePermission = defineSpec({
  name: 'updateRolePermission',
  description: 'Updates a role permission order',
  roles: ADMIN,
  params: z.object({
    roleid: param.uuid('ID of the role'),
    ruleorder: param.list('The new order of the rules: every rule id of the role, comma separated').optional(),
    ruleid: param.uuid('Role permission rule id').optional(),
    permission: permission.optional(),
  }),
  response: success(),
});

export const deleteRolePermission = defineSpec({
  name: 'deleteRolePermission',
  description: 'Deletes a role permission',
  roles: ADMIN,
  params: z.object({ id: param.uuid('ID of the role permission') }),
  response: success(),
});

export type CreateRoleInput = CommandInput<typeof createRole>;
export type ListRolesInput = CommandInput<typeof listRoles>;
export type UpdateRoleInput = CommandInput<typeof updateRole>;
export type DeleteRoleInput = CommandInput<typeof deleteRole>;
export type CreateRolePermissionInput = CommandInput<typeof createRolePermission>;
export type ListRolePermissionsInput = CommandInput<typeof listRolePermissions>;
export type UpdateRolePermissionInput = CommandInput<typeof updateRolePermission>;
export type DeleteRolePermissionInput = CommandInput<typeof deleteRolePermission>;
