import { AuthService } from '../../services/auth';
import { tenancy } from '../../services/tenancy/index';
import { implement, type CommandContext } from '../command';
import * as spec from '../schemas/auth';

/** login and logout need the session side of the auth service, beyond the AuthPort every service sees. */
function authService(ctx: CommandContext): AuthService {
  const auth = ctx.services.auth;
  if (!(auth instanceof AuthService)) throw new Error('login needs the core AuthService');
  return auth;
}

const login = implement(spec.login, {
  async handler(ctx, params) {
    const result = await authService(ctx).login(params.username, params.password, {
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
  handler: (ctx, p) => tenancy(ctx.services).users.registerKeys(ctx.caller, p),
});

const getUserKeys = implement(spec.getUserKeys, {
  handler: (ctx, p) => tenancy(ctx.services).users.getKeys(ctx.caller, p),
});

export const authCommands = [login, logout, registerUserKeys, getUserKeys];
