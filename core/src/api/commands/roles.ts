import { implement } from '../command';
import * as spec from '../schemas/roles';

const createRole = implement(spec.createRole, {
  handler: (ctx, p) => ctx.services.tenancy.roles.create(ctx.caller, p),
});

const listRoles = implement(spec.listRoles, {
  handler: (ctx, p) => ctx.services.tenancy.roles.list(ctx.caller, p),
});

const updateRole = implement(spec.updateRole, {
  handler: (ctx, p) => ctx.services.tenancy.roles.update(ctx.caller, p),
});

const deleteRole = implement(spec.deleteRole, {
  handler: (ctx, p) => ctx.services.tenancy.roles.delete(ctx.caller, p),
});

const createRolePermission = implement(spec.createRolePermission, {
  handler(ctx, p) {
    const known = new Set(ctx.commands.all().map((c) => c.name.toLowerCase()));
    return ctx.services.tenancy.roles.createRule(ctx.caller, p, (name) => known.has(name.toLowerCase()));
  },
});

const listRolePermissions = implement(spec.listRolePermissions, {
  handler: (ctx, p) => ctx.services.tenancy.roles.listRules(ctx.caller, p),
});

const updateRolePermission = implement(spec.updateRolePermission, {
  handler: (ctx, p) => ctx.services.tenancy.roles.updateRule(ctx.caller, p),
});

const deleteRolePermission = implement(spec.deleteRolePermission, {
  handler: (ctx, p) => ctx.services.tenancy.roles.deleteRule(ctx.caller, p),
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
