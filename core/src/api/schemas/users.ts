import { z } from 'zod';
import { ROLE_TYPES } from '../../domain/roles';
import { ACCOUNT_STATES } from '../../domain/states';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';

/** Root admins and domain admins (within their subtree). */
const USER_MANAGERS = ['Admin', 'DomainAdmin'] as const;

/** CloudStack's UserResponse; never carries the password hash nor API keys. */
export const User = entity('User', {
  id: field.uuid('the user ID'),
  username: field.string('the user name'),
  firstname: field.string('the user firstname'),
  lastname: field.string('the user lastname'),
  email: field.string('the user email address').optional(),
  created: field.date('the date and time the user account was created'),
  state: field.oneOf(ACCOUNT_STATES, 'the user state'),
  account: field.string('the account name of the user'),
  accountid: field.uuid('the account ID of the user'),
  accounttype: field.integer('the account type of the user'),
  roleid: field.uuid('the ID of the role'),
  rolename: field.string('the name of the role'),
  roletype: field.oneOf(ROLE_TYPES, 'the type of the role'),
  domainid: field.uuid('the domain ID of the user'),
  domain: field.string('the domain name of the user'),
  domainpath: field.string('the path of the domain of the user'),
  timezone: field.string('the timezone user was created in').optional(),
  isdefault: field.boolean('true if user is default, false otherwise'),
  iscallerchilddomain: field.boolean(
    "the boolean value representing if the updating target is in caller's child domain",
  ),
  usersource: field.string('the source type of the user in lowercase, such as native, ldap, saml2'),
});
export type User = z.infer<typeof User>;

export const createUser = defineSpec({
  name: 'createUser',
  description: 'Creates a user for an account that already exists',
  roles: USER_MANAGERS,
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
  response: objectOf('user', User),
});

/** What listUsers can be sorted by (Stackyard's sortby). */
export const USER_SORT_KEYS = ['username', 'firstname', 'lastname', 'state', 'created'] as const;

export const listUsers = defineSpec({
  name: 'listUsers',
  readOnly: true,
  description: 'Lists user accounts',
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    ...sortParams(USER_SORT_KEYS, 'state compares as stored text'),
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
  response: listOf('user', User),
});

export const updateUser = defineSpec({
  name: 'updateUser',
  description: 'Updates a user account',
  roles: ALL_ROLES,
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
  response: objectOf('user', User),
});

const userId = z.object({ id: param.uuid('User ID') });

export const enableUser = defineSpec({
  name: 'enableUser',
  description: 'Enables a user account',
  roles: USER_MANAGERS,
  params: userId,
  response: objectOf('user', User),
});

export const disableUser = defineSpec({
  name: 'disableUser',
  description: 'Disables a user account',
  roles: USER_MANAGERS,
  isAsync: true,
  params: userId,
  response: objectOf('user', User),
});

export const lockUser = defineSpec({
  name: 'lockUser',
  description: 'Locks a user account',
  roles: USER_MANAGERS,
  params: userId,
  response: objectOf('user', User),
});

export const deleteUser = defineSpec({
  name: 'deleteUser',
  description: 'Deletes a user for an account',
  roles: USER_MANAGERS,
  params: userId,
  response: success(),
});

export type CreateUserInput = CommandInput<typeof createUser>;
export type ListUsersInput = CommandInput<typeof listUsers>;
export type UpdateUserInput = CommandInput<typeof updateUser>;
/** enableUser, disableUser, lockUser and deleteUser: a user by id. */
export type UserIdInput = CommandInput<typeof enableUser>;
