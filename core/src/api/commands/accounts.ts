import { tenancy } from '../../services/tenancy/index';
import { implement } from '../command';
import * as spec from '../schemas/accounts';

const createAccount = implement(spec.createAccount, {
  handler: (ctx, p) => tenancy(ctx.services).accounts.create(ctx.caller, p),
});

const listAccounts = implement(spec.listAccounts, {
  handler: (ctx, p) => tenancy(ctx.services).accounts.list(ctx.caller, p),
});

const updateAccount = implement(spec.updateAccount, {
  handler: (ctx, p) => tenancy(ctx.services).accounts.update(ctx.caller, p),
});

const enableAccount = implement(spec.enableAccount, {
  handler: (ctx, p) => tenancy(ctx.services).accounts.enable(ctx.caller, p),
});

const disableAccount = implement(spec.disableAccount, {
  resumable: true,
  async jobTarget(ctx, p) {
    const account = await tenancy(ctx.services).accounts.stateChangeTarget(ctx.caller, p);
    return { instanceType: 'Account', instanceId: account.uuid };
  },
  handler: (ctx, p) => tenancy(ctx.services).accounts.disable(ctx.caller, p, p.lock),
});

const lockAccount = implement(spec.lockAccount, {
  handler: (ctx, p) => tenancy(ctx.services).accounts.disable(ctx.caller, p, true),
});

const deleteAccount = implement(spec.deleteAccount, {
  resumable: true,
  async jobTarget(ctx, p) {
    const account = await tenancy(ctx.services).accounts.deleteTarget(ctx.caller, p);
    return { instanceType: 'Account', instanceId: account.uuid };
  },
  handler: (ctx, p) => tenancy(ctx.services).accounts.delete(ctx.caller, p),
});

export const accountCommands = [
  createAccount,
  listAccounts,
  updateAccount,
  enableAccount,
  disableAccount,
  lockAccount,
  deleteAccount,
];
