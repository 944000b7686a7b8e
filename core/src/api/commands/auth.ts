import crypto from 'node:crypto';
import { z } from 'zod';
import { notFound, permissionDenied } from '../../domain/errors';
import { ROLE_TYPES, roleRank, type RoleType } from '../../domain/roles';
import { AuthService } from '../../services/auth';
import { isRootAdmin } from '../../services/caller';
import { defineCommand, type CommandContext } from '../command';
import { param } from '../schemas/params';

const ALL_ROLES = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

/** login and logout need the session side of the auth service, beyond the AuthPort every service sees. */
function authService(ctx: CommandContext): AuthService {
  const auth = ctx.services.auth;
  if (!(auth instanceof AuthService)) throw new Error('login needs the core AuthService');
  return auth;
}

const login = defineCommand({
  name: 'login',
  description:
    'Logs a user into the CloudStack. A successful login attempt will generate a JSESSIONID cookie value that can be passed in subsequent Query command calls until the "logout" command has been issued or the session has expired.',
  auth: 'none',
  roles: ALL_ROLES,
  params: z.object({
    username: param.string('Username', 255),
    password: param.string(
      'Hashed password (Default is MD5). If you wish to use any other hashing algorithm, you would need to write a custom authentication adapter See Docs section.',
      1024,
    ),
    domain: param
      .string(
        'Path of the domain that the user belongs to. Example: domain=/com/cloud/internal. If no domain is passed in, the ROOT (/) domain is assumed.',
        2048,
      )
      .optional(),
    domainid: param
      .uuid(
        'The id of the domain that the user belongs to. If both domain and domainId are passed in, "domainId" parameter takes precedence.',
      )
      .optional(),
  }),
  response: {
    name: 'login',
    fields: {
      username: 'Username',
      userid: 'User ID',
      domainid: 'Domain ID that the user belongs to',
      timeout: 'the time period before the session has expired',
      account: 'the account name the user belongs to',
      firstname: 'first name of the user',
      lastname: 'last name of the user',
      type: 'the account type (admin, domain-admin, read-only-admin, user)',
      timezone: 'user time zone',
      registered: 'Is user registered',
      sessionkey: 'Session key that can be passed in subsequent Query command calls',
    },
  },
  async handler(ctx, params) {
    const result = await authService(ctx).login(params.username, params.password, {
      domainId: params.domainid,
      domainPath: params.domain,
    });
    return { kind: 'raw', value: result.response };
  },
});

const logout = defineCommand({
  name: 'logout',
  description: 'Logs out the user',
  // As in CloudStack, logout always answers; the transport ends the session named by its sessionkey.
  auth: 'none',
  roles: ALL_ROLES,
  params: z.object({}),
  response: { name: 'logout', fields: { description: 'success if the logout action succeeded' } },
  async handler() {
    return { kind: 'raw', value: { description: 'success' } };
  },
});

async function findUser(ctx: CommandContext, uuid: string) {
  const user = await ctx.services.store.db
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .innerJoin('domains', 'domains.id', 'accounts.domain_id')
    .innerJoin('roles', 'roles.id', 'accounts.role_id')
    .select([
      'users.id as id',
      'users.uuid as uuid',
      'users.username as username',
      'users.api_key as apiKey',
      'users.secret_key as secretKey',
      'accounts.id as accountId',
      'accounts.uuid as accountUuid',
      'accounts.name as accountName',
      'accounts.domain_id as domainId',
      'domains.parent_id as domainParentId',
      'roles.type as roleType',
    ])
    .where('users.uuid', '=', uuid)
    .where('users.removed', 'is', null)
    .where('accounts.removed', 'is', null)
    .executeTakeFirst();
  if (!user) throw notFound('USER.NOT_FOUND', 'Unable to find user by id');
  return user;
}

const registerUserKeys = defineCommand({
  name: 'registerUserKeys',
  description:
    'This command allows a user to register for the developer API, returning a secret key and an API key. This request is made through the integration API port, so it is a privileged command and must be made on behalf of a user. It is up to the implementer just how the username and password are entered, and then how that translates to an integration API request. Both secret key and API key should be returned to the user',
  roles: ['Admin', 'DomainAdmin', 'User'],
  params: z.object({ id: param.uuid('User id') }),
  response: {
    name: 'userkeys',
    fields: { apikey: 'the api key of the registered user', secretkey: 'the secret key of the registered user' },
  },
  async handler(ctx, params) {
    const user = await findUser(ctx, params.id);
    const caller = ctx.caller;
    await ctx.services.access.checkAccount(caller, {
      id: user.accountId,
      uuid: user.accountUuid,
      domain_id: user.domainId,
    });
    if (user.username === 'system' && user.accountName === 'system' && user.domainParentId === null) {
      throw permissionDenied('USER.SYSTEM', 'user: system is system account, update is not allowed');
    }
    // CloudStack's verifyCallerPrivilegeForUserOrAccountOperations: never act on a more privileged role.
    const targetRole = (ROLE_TYPES as readonly string[]).includes(user.roleType) ? (user.roleType as RoleType) : 'User';
    if (!isRootAdmin(caller) && user.id !== caller.userId && roleRank(targetRole) < roleRank(caller.roleType)) {
      throw permissionDenied(
        'ACCESS.ROLE',
        `Caller ${caller.accountName} may not operate on a user with role type ${targetRole}`,
      );
    }
    // Like CloudStack's HmacSHA1 KeyGenerator keys: 64 random bytes, URL-safe base64 (86 characters).
    const apikey = crypto.randomBytes(64).toString('base64url');
    const secretkey = crypto.randomBytes(64).toString('base64url');
    await ctx.services.store.db
      .updateTable('users')
      .set({ api_key: apikey, secret_key: ctx.services.secrets.encrypt(secretkey) })
      .where('id', '=', user.id)
      .execute();
    await ctx.services.events.record({
      type: 'REGISTER.USER.KEY',
      description: `register for the developer API keys of user ${user.username}`,
      caller,
      resourceType: 'User',
      resourceId: user.uuid,
    });
    return { kind: 'object', name: 'userkeys', value: { apikey, secretkey } };
  },
});

const getUserKeys = defineCommand({
  name: 'getUserKeys',
  description: 'This command allows the user to query the seceret and API keys for the account',
  roles: ALL_ROLES,
  params: z.object({ id: param.uuid('ID of the user whose keys are required') }),
  response: {
    name: 'userkeys',
    fields: { apikey: 'the api key of the registered user', secretkey: 'the secret key of the registered user' },
  },
  async handler(ctx, params) {
    const user = await findUser(ctx, params.id);
    // Stricter than CloudStack: a secret key is shown to its own user and to root admins only.
    if (user.id !== ctx.caller.userId && !isRootAdmin(ctx.caller)) {
      throw permissionDenied(
        'ACCESS.USER_KEYS',
        `Caller ${ctx.caller.accountName} does not have permission to read the keys of user id=${user.uuid}`,
      );
    }
    const value: Record<string, unknown> = {};
    if (user.apiKey) value.apikey = user.apiKey;
    if (user.secretKey) value.secretkey = ctx.services.secrets.decrypt(user.secretKey);
    return { kind: 'object', name: 'userkeys', value };
  },
});

export const authCommands = [login, logout, registerUserKeys, getUserKeys];
