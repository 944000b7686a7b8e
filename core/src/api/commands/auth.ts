import { implement } from '../command';
import * as spec from '../schemas/auth';

const login = implement(spec.login, {
  async handler(ctx, params) {
    const result = await ctx.services.auth.login(params.username, params.password, {
      domainId: params.domainid,
      domainPath: params.domain,
    });
    return result.response;
  },
});

const logout = implement(spec.logout, {
  async handler() {
    return { description: 'success' };
  },
});

const registerUserKeys = implement(spec.registerUserKeys, {
  handler: (ctx, p) => ctx.services.tenancy.users.registerKeys(ctx.caller, p),
});

const getUserKeys = implement(spec.getUserKeys, {
  handler: (ctx, p) => ctx.services.tenancy.users.getKeys(ctx.caller, p),
});

export const authCommands = [login, logout, registerUserKeys, getUserKeys];
