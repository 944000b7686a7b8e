import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { tenancy } from '../../services/tenancy/index';

const ADMINS = ['Admin', 'DomainAdmin'] as const;
const EVERYONE = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

const ACCOUNT_RESPONSE = {
  name: 'account',
  fields: {
    id: 'the id of the account',
    name: 'the name of the account',
    accounttype: 'account type (admin, domain-admin, user)',
    roleid: 'the ID of the role',
    rolename: 'the name of the role',
    roletype: 'the type of the role (Admin, ResourceAdmin, DomainAdmin, User)',
    domainid: 'id of the Domain the account belongs to',
    domain: 'name of the Domain the account belongs to',
    domainpath: 'path of the Domain the account belongs to',
    state: 'the state of the account',
    created: 'the date when this account was created',
    networkdomain: 'the network domain',
    isdefault: 'true if account is default, false otherwise',
    user: 'the list of users associated with account',
  },
};

/** An account named by id, or by account name and domain (the caller's domain by default). */
const accountRef = {
  id: param.uuid('Account id').optional(),
  account: param.string('Account name; with domainid, names the account instead of id').optional(),
  domainid: param.uuid('Domain ID of the account, used with account').optional(),
};

const createAccount = defineCommand({
  name: 'createAccount',
  description: 'Creates an account',
  roles: ADMINS,
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
  response: ACCOUNT_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'account', value: await tenancy(ctx.services).accounts.create(ctx.caller, p) };
  },
});

const listAccounts = defineCommand({
  name: 'listAccounts',
  description: 'Lists accounts and provides detailed account information for listed accounts',
  roles: EVERYONE,
  params: z.object({
    ...listParams,
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
  response: ACCOUNT_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await tenancy(ctx.services).accounts.list(ctx.caller, p);
    return { kind: 'list', name: 'account', items, count };
  },
});

const updateAccount = defineCommand({
  name: 'updateAccount',
  description: 'Updates account information for the authenticated user',
  roles: ADMINS,
  params: z.object({
    ...accountRef,
    newname: param.string('new name for the account').optional(),
    networkdomain: param.string("Network domain for the account's networks").optional(),
    roleid: param.uuid('The UUID of the dynamic role to set for the account').optional(),
  }),
  response: ACCOUNT_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'account', value: await tenancy(ctx.services).accounts.update(ctx.caller, p) };
  },
});

const enableAccount = defineCommand({
  name: 'enableAccount',
  description: 'Enables an account',
  roles: ADMINS,
  params: z.object(accountRef),
  response: ACCOUNT_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'account', value: await tenancy(ctx.services).accounts.enable(ctx.caller, p) };
  },
});

const disableAccount = defineCommand({
  name: 'disableAccount',
  description: 'Disables an account',
  roles: ADMINS,
  isAsync: true,
  resumable: true,
  params: z.object({
    ...accountRef,
    lock: param.boolean('If true, only lock the account; else disable the account'),
  }),
  response: ACCOUNT_RESPONSE,
  async jobTarget(ctx, p) {
    const account = await tenancy(ctx.services).accounts.stateChangeTarget(ctx.caller, p);
    return { instanceType: 'Account', instanceId: account.uuid };
  },
  async handler(ctx, p) {
    return {
      kind: 'object',
      name: 'account',
      value: await tenancy(ctx.services).accounts.disable(ctx.caller, p, p.lock),
    };
  },
});

const lockAccount = defineCommand({
  name: 'lockAccount',
  description: 'This deprecated function used to locks an account. Look for the API DisableAccount instead',
  roles: ADMINS,
  params: z.object({
    account: param.string('Locks the specified account.'),
    domainid: param.uuid('Locks the specified account on this domain.'),
  }),
  response: ACCOUNT_RESPONSE,
  async handler(ctx, p) {
    return {
      kind: 'object',
      name: 'account',
      value: await tenancy(ctx.services).accounts.disable(ctx.caller, p, true),
    };
  },
});

const deleteAccount = defineCommand({
  name: 'deleteAccount',
  description: 'Deletes an account and all users of the account',
  roles: ADMINS,
  isAsync: true,
  resumable: true,
  params: z.object({ id: param.uuid('Account id') }),
  response: {
    name: 'success',
    fields: {
      success: 'true if operation is executed successfully',
      displaytext: 'any text associated with the success or failure',
    },
  },
  async jobTarget(ctx, p) {
    const account = await tenancy(ctx.services).accounts.deleteTarget(ctx.caller, p);
    return { instanceType: 'Account', instanceId: account.uuid };
  },
  async handler(ctx, p) {
    await tenancy(ctx.services).accounts.delete(ctx.caller, p);
    return { kind: 'success' };
  },
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
