import { implement } from '../command';
import * as spec from '../schemas/accounts';

const createAccount = implement(spec.createAccount, {
  handler: (ctx, p) => ctx.services.tenancy.accounts.create(ctx.caller, p),
});

const listAccounts = implement(spec.listAccounts, {
  handler: (ctx, p) => ctx.services.tenancy.accounts.list(ctx.caller, p),
});

const updateAccount = implement(spec.updateAccount, {
  handler: (ctx, p) => ctx.services.tenancy.accounts.update(ctx.caller, p),
});

const enableAccount = implement(spec.enableAccount, {
  handler: (ctx, p) => ctx.services.tenancy.accounts.enable(ctx.caller, p),
});

const disableAccount = implement(spec.disableAccount, {
  resumable: true,
  async jobTarget(ctx, p) {
    const account = await ctx.services.tenancy.accounts.stateChangeTarget(ctx.caller, p);
    return { instanceType: 'Account', instanceId: account.uuid };
  },
  handler: (ctx, p) => ctx.services.tenancy.accounts.disable(ctx.caller, p, p.lock),
});

const lockAccount = implement(spec.lockAccount, {
  handler: (ctx, p) => ctx.services.tenancy.accounts.disable(ctx.caller, p, true),
});

const deleteAccount = implement(spec.deleteAccount, {
  resumable: true,
  async jobTarget(ctx, p) {
    const account = await ctx.services.tenancy.accounts.deleteTarget(ctx.caller, p);
    return { instanceType: 'Account', instanceId: account.uuid };
  },
  handler: (ctx, p) => ctx.services.tenancy.accounts.delete(ctx.caller, p),
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
