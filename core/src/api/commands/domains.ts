import { z } from 'zod';
import { defineCommand } from '../command';
import { listParams, param } from '../schemas/params';
import { tenancy } from '../../services/tenancy/index';

const ADMINS = ['Admin', 'DomainAdmin'] as const;
const EVERYONE = ['Admin', 'ResourceAdmin', 'DomainAdmin', 'User'] as const;

const DOMAIN_FIELDS = {
  id: 'the ID of the domain',
  name: 'the name of the domain',
  level: 'the level of the domain',
  parentdomainid: 'the domain ID of the parent domain',
  parentdomainname: 'the domain name of the parent domain',
  haschild: 'whether the domain has one or more sub-domains',
  path: 'the path of the domain',
  networkdomain: 'the network domain',
  state: 'the state of the domain',
  created: 'the date when this domain was created',
};
const DOMAIN_RESPONSE = { name: 'domain', fields: DOMAIN_FIELDS };

const createDomain = defineCommand({
  name: 'createDomain',
  description: 'Creates a domain',
  roles: ADMINS,
  params: z.object({
    name: param.string('creates domain with this name'),
    parentdomainid: param
      .uuid(
        "assigns new domain a parent domain by domain ID of the parent. If no parent domain is specified, the caller's domain is assumed",
      )
      .optional(),
    networkdomain: param.string('Network domain for networks in the domain').optional(),
    domainid: param.uuid('Domain UUID, required for adding domain from another Region').optional(),
  }),
  response: DOMAIN_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'domain', value: await tenancy(ctx.services).domains.create(ctx.caller, p) };
  },
});

const listDomains = defineCommand({
  name: 'listDomains',
  description: 'Lists domains and provides detailed information for listed domains',
  roles: EVERYONE,
  params: z.object({
    ...listParams,
    id: param.uuid('List domain by domain ID.').optional(),
    name: param.string('List domain by domain name.').optional(),
    level: param.integer('List domains by domain level.', 0).optional(),
    listall: param
      .boolean(
        "If set to false, list only resources belonging to the command's caller; if set to true - list resources that the caller is authorized to see. Default value is false",
      )
      .optional(),
    details: param
      .list('comma separated list of domain details requested, value can be a list of [ all, resource, min]')
      .optional(),
  }),
  response: DOMAIN_RESPONSE,
  async handler(ctx, p) {
    const { items, count } = await tenancy(ctx.services).domains.list(ctx.caller, p);
    return { kind: 'list', name: 'domain', items, count };
  },
});

const updateDomain = defineCommand({
  name: 'updateDomain',
  description: 'Updates a domain with a new name',
  roles: ADMINS,
  params: z.object({
    id: param.uuid('ID of domain to update'),
    name: param.string('updates domain with this name').optional(),
    networkdomain: param.string("Network domain for the domain's networks").optional(),
  }),
  response: DOMAIN_RESPONSE,
  async handler(ctx, p) {
    return { kind: 'object', name: 'domain', value: await tenancy(ctx.services).domains.update(ctx.caller, p) };
  },
});

const deleteDomain = defineCommand({
  name: 'deleteDomain',
  description: 'Deletes a specified domain',
  roles: ADMINS,
  isAsync: true,
  resumable: true,
  params: z.object({
    id: param.uuid('ID of domain to delete'),
    cleanup: param
      .boolean('true if all domain resources (child domains, accounts) have to be cleaned up, false otherwise')
      .optional(),
  }),
  response: {
    name: 'success',
    fields: {
      success: 'true if operation is executed successfully',
      displaytext: 'any text associated with the success or failure',
    },
  },
  async jobTarget(ctx, p) {
    const domain = await tenancy(ctx.services).domains.deleteTarget(ctx.caller, p);
    return { instanceType: 'Domain', instanceId: domain.uuid };
  },
  async handler(ctx, p) {
    await tenancy(ctx.services).domains.delete(ctx.caller, p, ctx.job);
    return { kind: 'success' };
  },
});

export const domainCommands = [createDomain, listDomains, updateDomain, deleteDomain];
