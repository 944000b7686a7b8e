import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { tenancy } from '../../services/tenancy/index';

const ADMINS = ['Admin', 'DomainAdmin'] as const;
const EVERYONE = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

const USER_RESPONSE = {
  name: 'user',
  fields: {
    id: 'the user ID',
    username: 'the user name',
    firstname: 'the user firstname',
    lastname: 'the user lastname',
    email: 'the user email address',
    created: 'the date and time the user account was created',
    state: 'the user state',
    account: 'the account name of the user',
    accountid: 'the account ID of the user',
    accounttype: 'the account type of the user',
    roleid: 'the ID of the role',
    rolename: 'the name of the role',
    roletype: 'the type of the role',
    domainid: 'the domain ID of the user',
    domain: 'the domain name of the user',
    timezone: 'the timezone user was created in',
    isdefault: 'true if user is default, false otherwise',
    iscallerchilddomain: "the boolean value representing if the updating target is in caller's child domain",
  },
};

const createUser = defineCommand({
  name: 'createUser',
  description: 'Creates a user for an account that already exists',
  roles: ADMINS,
  params: z.object({
    account: param.string('Creates the user under the specified account.'),
    domainid: param
      .uuid(
        "Creates the user under the specified domain. Has to be accompanied with the account parameter; defaults to the caller's domain",
      )
      .optional(),
    username: param.string('Unique username'),
    password: param.string('Clear text password', 1024),
    firstname: param.string('firstname'),
    lastname: param.string('lastname'),
    email: param.string('email').optional(),
    timezone: param.string('Specifies a timezone for this command.', 64).optional(),
    userid: param.uuid('User UUID, required for adding account from external provisioning system').optional(),
  }),
  response: USER_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'user', value: await tenancy(ctx.services).users.create(ctx.caller, p) };
  },
});

const listUsers = defineCommand({
  name: 'listUsers',
  description: 'Lists user accounts',
  roles: EVERYONE,
  params: z.object({
    ...listParams,
    id: param.uuid('List user by ID.').optional(),
    username: param.string('List user by the username').optional(),
    account: param.string('List resources by account. Must be used with the domainId parameter.').optional(),
    domainid: param.uuid('List only resources belonging to the domain specified').optional(),
    accounttype: param
      .integer('List users by account type. Valid types include admin, domain-admin, read-only-admin, or user.', 0, 3)
      .optional(),
    state: param.string('List users by state of the user account.').optional(),
    isrecursive: param
      .boolean(
        'defaults to false, but if true, lists all resources from the parent specified by the domainId till leaves.',
      )
      .optional(),
    listall: param
      .boolean(
        "If set to false, list only resources belonging to the command's caller; if set to true - list resources that the caller is authorized to see. Default value is false",
      )
      .optional(),
  }),
  response: USER_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await tenancy(ctx.services).users.list(ctx.caller, p);
    return { kind: 'list', name: 'user', items, count };
  },
});

const updateUser = defineCommand({
  name: 'updateUser',
  description: 'Updates a user account',
  roles: EVERYONE,
  params: z.object({
    id: param.uuid('User uuid'),
    username: param.string('Unique username').optional(),
    password: param.string('Clear text password (default hashed to SHA256SALT).', 1024).optional(),
    currentpassword: param
      .string(
        'Current password that was being used by the user. You must inform the current password when updating the password.',
        1024,
      )
      .optional(),
    firstname: param.string('first name').optional(),
    lastname: param.string('last name').optional(),
    email: param.string('email').optional(),
    timezone: param.string('Specifies a timezone for this command.', 64).optional(),
  }),
  response: USER_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'user', value: await tenancy(ctx.services).users.update(ctx.caller, p) };
  },
});

const userId = z.object({ id: param.uuid('User ID') });

const enableUser = defineCommand({
  name: 'enableUser',
  description: 'Enables a user account',
  roles: ADMINS,
  params: userId,
  response: USER_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'user', value: await tenancy(ctx.services).users.enable(ctx.caller, p) };
  },
});

const disableUser = defineCommand({
  name: 'disableUser',
  description: 'Disables a user account',
  roles: ADMINS,
  isAsync: true,
  resumable: true,
  params: userId,
  response: USER_RESPONSE,
  async jobTarget(ctx, p) {
    const user = await tenancy(ctx.services).users.stateChangeTarget(ctx.caller, p, 'disable');
    return { instanceType: 'User', instanceId: user.uuid };
  },
  async handler(ctx, p) {
    return { kind: 'object', name: 'user', value: await tenancy(ctx.services).users.disable(ctx.caller, p) };
  },
});

const lockUser = defineCommand({
  name: 'lockUser',
  description: 'Locks a user account',
  roles: ADMINS,
  params: userId,
  response: USER_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'user', value: await tenancy(ctx.services).users.lock(ctx.caller, p) };
  },
});

const deleteUser = defineCommand({
  name: 'deleteUser',
  description: 'Deletes a user for an account',
  roles: ADMINS,
  params: userId,
  response: {
    name: 'success',
    fields: {
      success: 'true if operation is executed successfully',
      displaytext: 'any text associated with the success or failure',
    },
  },
  async handler(ctx, p) {
    await tenancy(ctx.services).users.delete(ctx.caller, p);
    return { kind: 'success' };
  },
});

export const userCommands = [createUser, listUsers, updateUser, enableUser, disableUser, lockUser, deleteUser];
