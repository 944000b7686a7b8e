import { z } from 'zod';
import { ROLE_TYPES } from '../../domain/roles';
import { ACCOUNT_STATES } from '../../domain/states';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';
import { User } from './users';

/** Root admins and domain admins (within their subtree). */
const ACCOUNT_MANAGERS = ['Admin', 'DomainAdmin'] as const;

/** CloudStack's AccountResponse with its `user` array. */
export const Account = entity('Account', {
  id: field.uuid('the id of the account'),
  name: field.string('the name of the account'),
  accounttype: field.integer('account type (admin, domain-admin, user)'),
  roleid: field.uuid('the ID of the role'),
  rolename: field.string('the name of the role'),
  roletype: field.oneOf(ROLE_TYPES, 'the type of the role (Admin, ResourceAdmin, DomainAdmin, User)'),
  domainid: field.uuid('id of the Domain the account belongs to'),
  domain: field.string('name of the Domain the account belongs to'),
  domainpath: field.string('path of the Domain the account belongs to'),
  state: field.oneOf(ACCOUNT_STATES, 'the state of the account'),
  created: field.date('the date when this account was created'),
  networkdomain: field.string('the network domain').optional(),
  isdefault: field.boolean('true if account is default, false otherwise'),
  user: field.list(User, 'the list of users associated with account'),
});
export type Account = z.infer<typeof Account>;

/** An account named by id, or by account name and domain (the caller's domain by default). */
const accountRef = {
  id: param.uuid('Account id').optional(),
  account: param.string('Account name; with domainid, names the account instead of id').optional(),
  domainid: param.uuid('Domain ID of the account, used with account').optional(),
};

export const createAccount = defineSpec({
  name: 'createAccount',
  description: 'Creates an account',
  roles: ACCOUNT_MANAGERS,
  params: z.object({
    username: param.string('Unique username.'),
    password: param.string('Clear text password', 1024),
    firstname: param.string('firstname'),
    lastname: param.string('lastname'),
    email: param.string('email'),
    account: param
      .string(
        'Name of the account to be created. If no account is specified, the username will be used as the account name.',
      )
      .optional(),
    accounttype: param
      .integer('Type of the account. Specify 0 for user, 1 for root admin, and 2 for domain admin', 0, 3)
      .optional(),
    roleid: param.uuid('Creates the account under the specified role.').optional(),
    domainid: param.uuid("Creates the user under the specified domain; defaults to the caller's domain").optional(),
    networkdomain: param.string("Network domain for the account's networks").optional(),
    timezone: param.string('Specifies a timezone for this command.', 64).optional(),
    accountid: param.uuid('Account UUID, required for adding account from external provisioning system').optional(),
    userid: param.uuid('User UUID, required for adding account from external provisioning system').optional(),
  }),
  response: objectOf('account', Account),
});

/** What listAccounts can be sorted by (Stackyard's sortby). */
export const ACCOUNT_SORT_KEYS = ['name', 'accounttype', 'state', 'created'] as const;

export const listAccounts = defineSpec({
  name: 'listAccounts',
  readOnly: true,
  description: 'Lists accounts and provides detailed account information for listed accounts',
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    ...sortParams(ACCOUNT_SORT_KEYS, 'accounttype compares by its number, state as stored text'),
    id: param.uuid('List account by account ID').optional(),
    name: param.string('List account by account name').optional(),
    domainid: param.uuid('List only resources belonging to the domain specified').optional(),
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
    accounttype: param
      .integer(
        'List accounts by account type. Valid account types are 1 (admin), 2 (domain-admin), and 0 (user).',
        0,
        3,
      )
      .optional(),
    roleid: param.uuid('List accounts by the role').optional(),
    state: param.string('List accounts by state. Valid states are enabled, disabled, and locked.').optional(),
    details: param.list('comma separated list of account details requested').optional(),
  }),
  response: listOf('account', Account),
});

export const updateAccount = defineSpec({
  name: 'updateAccount',
  description: 'Updates account information for the authenticated user',
  roles: ACCOUNT_MANAGERS,
  params: z.object({
    ...accountRef,
    newname: param.string('new name for the account').optional(),
    networkdomain: param.string("Network domain for the account's networks").optional(),
    roleid: param.uuid('The UUID of the dynamic role to set for the account').optional(),
  }),
  response: objectOf('account', Account),
});

export const enableAccount = defineSpec({
  name: 'enableAccount',
  description: 'Enables an account',
  roles: ACCOUNT_MANAGERS,
  params: z.object(accountRef),
  response: objectOf('account', Account),
});

export const disableAccount = defineSpec({
  name: 'disableAccount',
  description: 'Disables an account',
  roles: ACCOUNT_MANAGERS,
  isAsync: true,
  params: z.object({
    ...accountRef,
    lock: param.boolean('If true, only lock the account; else disable the account'),
  }),
  response: objectOf('account', Account),
});

export const lockAccount = defineSpec({
  name: 'lockAccount',
  description: 'This deprecated function used to locks an account. Look for the API DisableAccount instead',
  roles: ACCOUNT_MANAGERS,
  params: z.object({
    account: param.string('Locks the specified account.'),
    domainid: param.uuid('Locks the specified account on this domain.'),
  }),
  response: objectOf('account', Account),
});

export const deleteAccount = defineSpec({
  name: 'deleteAccount',
  description: 'Deletes an account and all users of the account',
  roles: ACCOUNT_MANAGERS,
  isAsync: true,
  params: z.object({ id: param.uuid('Account id') }),
  response: success(),
});

export type CreateAccountInput = CommandInput<typeof createAccount>;
export type ListAccountsInput = CommandInput<typeof listAccounts>;
export type UpdateAccountInput = CommandInput<typeof updateAccount>;
/** How CloudStack names an account: by id, or by name within a domain (the caller's by default). */
export type AccountRef = CommandInput<typeof enableAccount>;
export type DisableAccountInput = CommandInput<typeof disableAccount>;
export type LockAccountInput = CommandInput<typeof lockAccount>;
export type DeleteAccountInput = CommandInput<typeof deleteAccount>;
