import { tenancy } from '../../services/tenancy/index';
import { implement } from '../command';
import * as spec from '../schemas/users';

const createUser = implement(spec.createUser, {
  handler: (ctx, p) => tenancy(ctx.services).users.create(ctx.caller, p),
});

const listUsers = implement(spec.listUsers, {
  handler: (ctx, p) => tenancy(ctx.services).users.list(ctx.caller, p),
});

const updateUser = implement(spec.updateUser, {
  handler: (ctx, p) => tenancy(ctx.services).users.update(ctx.caller, p),
});

const enableUser = implement(spec.enableUser, {
  handler: (ctx, p) => tenancy(ctx.services).users.enable(ctx.caller, p),
});

const disableUser = implement(spec.disableUser, {
  resumable: true,
  async jobTarget(ctx, p) {
    const user = await tenancy(ctx.services).users.stateChangeTarget(ctx.caller, p, 'disable');
    return { instanceType: 'User', instanceId: user.uuid };
  },
  handler: (ctx, p) => tenancy(ctx.services).users.disable(ctx.caller, p),
});

const lockUser = implement(spec.lockUser, {
  handler: (ctx, p) => tenancy(ctx.services).users.lock(ctx.caller, p),
});

const deleteUser = implement(spec.deleteUser, {
  handler: (ctx, p) => tenancy(ctx.services).users.delete(ctx.caller, p),
});

export const userCommands = [createUser, listUsers, updateUser, enableUser, disableUser, lockUser, deleteUser];
