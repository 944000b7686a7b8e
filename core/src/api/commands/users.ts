import { implement } from '../command';
import * as spec from '../schemas/users';

const createUser = implement(spec.createUser, {
  handler: (ctx, p) => ctx.services.tenancy.users.create(ctx.caller, p),
});

const listUsers = implement(spec.listUsers, {
  handler: (ctx, p) => ctx.services.tenancy.users.list(ctx.caller, p),
});

const updateUser = implement(spec.updateUser, {
  handler: (ctx, p) => ctx.services.tenancy.users.update(ctx.caller, p),
});

const enableUser = implement(spec.enableUser, {
  handler: (ctx, p) => ctx.services.tenancy.users.enable(ctx.caller, p),
});

const disableUser = implement(spec.disableUser, {
  resumable: true,
  async jobTarget(ctx, p) {
    const user = await ctx.services.tenancy.users.stateChangeTarget(ctx.caller, p, 'disable');
    return { instanceType: 'User', instanceId: user.uuid };
  },
  handler: (ctx, p) => ctx.services.tenancy.users.disable(ctx.caller, p),
});

const lockUser = implement(spec.lockUser, {
  handler: (ctx, p) => ctx.services.tenancy.users.lock(ctx.caller, p),
});

const deleteUser = implement(spec.deleteUser, {
  handler: (ctx, p) => ctx.services.tenancy.users.delete(ctx.caller, p),
});

export const userCommands = [createUser, listUsers, updateUser, enableUser, disableUser, lockUser, deleteUser];
