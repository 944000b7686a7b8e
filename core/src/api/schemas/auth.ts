import { z } from 'zod';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { param } from './params';
import { defineSpec, objectOf, rawBody, type CommandInput } from './spec';

/** CloudStack's loginresponse: every value is text, as CloudStack sends them. */
export const LoginResponse = entity('LoginResponse', {
  timeout: field.string('the time period before the session has expired'),
  lastname: field.string('last name of the user'),
  registered: field.string('Is user registered'),
  username: field.string('Username'),
  firstname: field.string('first name of the user'),
  domainid: field.uuid('Domain ID that the user belongs to'),
  type: field.string('the account type (admin, domain-admin, read-only-admin, user)'),
  userid: field.uuid('User ID'),
  sessionkey: field.string('Session key that can be passed in subsequent Query command calls'),
  account: field.string('the account name the user belongs to'),
  timezone: field.string('user time zone').optional(),
});
export type LoginResponse = z.infer<typeof LoginResponse>;

export const LogoutResponse = entity('LogoutResponse', {
  description: field.string('success if the logout action succeeded'),
});
export type LogoutResponse = z.infer<typeof LogoutResponse>;

/** A user's API key and secret key; getUserKeys leaves out a key the user does not have. */
export const UserKeys = entity('UserKeys', {
  apikey: field.string('the api key of the registered user').optional(),
  secretkey: field.string('the secret key of the registered user').optional(),
});
export type UserKeys = z.infer<typeof UserKeys>;

export const login = defineSpec({
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
  response: rawBody(LoginResponse),
});

export const logout = defineSpec({
  name: 'logout',
  description: 'Logs out the user',
  // As in CloudStack, logout always answers; the transport ends the session named by its sessionkey.
  auth: 'none',
  roles: ALL_ROLES,
  params: z.object({}),
  response: rawBody(LogoutResponse),
});

export const registerUserKeys = defineSpec({
  name: 'registerUserKeys',
  description:
    'This command allows a user to register for the developer API, returning a secret key and an API key. This request is made through the integration API port, so it is a privileged command and must be made on behalf of a user. It is up to the implementer just how the username and password are entered, and then how that translates to an integration API request. Both secret key and API key should be returned to the user',
  roles: ['Admin', 'DomainAdmin', 'User'],
  params: z.object({ id: param.uuid('User id') }),
  response: objectOf('userkeys', UserKeys),
});

export const getUserKeys = defineSpec({
  name: 'getUserKeys',
  description: 'This command allows the user to query the seceret and API keys for the account',
  roles: ALL_ROLES,
  params: z.object({ id: param.uuid('ID of the user whose keys are required') }),
  response: objectOf('userkeys', UserKeys),
});

export type LoginInput = CommandInput<typeof login>;
export type RegisterUserKeysInput = CommandInput<typeof registerUserKeys>;
export type GetUserKeysInput = CommandInput<typeof getUserKeys>;
