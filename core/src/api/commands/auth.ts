import { LoginThrottled } from '../../services/auth';
import { implement } from '../command';
import { ApiError } from '../errors';
import * as spec from '../schemas/auth';

/** CloudStack's RequestLimitException: errorcode 429 (API_LIMIT_EXCEED), cserrorcode 4545. */
const THROTTLED = { errorcode: 429, cserrorcode: 4545 } as const;

const login = implement(spec.login, {
  async handler(ctx, params) {
    try {
      const result = await ctx.services.auth.login(params.username, params.password, {
        domainId: params.domainid,
        domainPath: params.domain,
        remoteAddress: ctx.origin?.remoteAddress,
      });
      return result.response;
    } catch (error) {
      if (error instanceof LoginThrottled)
        throw new ApiError(THROTTLED.errorcode, THROTTLED.cserrorcode, error.translatable ?? error.message, error.code);
      throw error;
    }
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
