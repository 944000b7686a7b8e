import { z } from 'zod';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { listParams, param, sortParams } from './params';
import { defineSpec, listOf, objectOf, success, type CommandInput } from './spec';
import { DOMAIN_STATES } from '../../domain/states';

/** Root admins and domain admins (within their subtree). */
const DOMAIN_MANAGERS = ['Admin', 'DomainAdmin'] as const;

/** CloudStack's DomainResponse. */
export const Domain = entity('Domain', {
  id: field.uuid('the ID of the domain'),
  name: field.string('the name of the domain'),
  level: field.integer('the level of the domain'),
  parentdomainid: field.uuid('the domain ID of the parent domain').optional(),
  parentdomainname: field.string('the domain name of the parent domain').optional(),
  haschild: field.boolean('whether the domain has one or more sub-domains'),
  path: field.string('the path of the domain'),
  networkdomain: field.string('the network domain').optional(),
  state: field.oneOf(DOMAIN_STATES, 'the state of the domain'),
  created: field.date('the date when this domain was created'),
});
export type Domain = z.infer<typeof Domain>;

export const createDomain = defineSpec({
  name: 'createDomain',
  description: 'Creates a domain',
  roles: DOMAIN_MANAGERS,
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
  response: objectOf('domain', Domain),
});

/** What listDomains can be sorted by (Stackyard's sortby). */
export const DOMAIN_SORT_KEYS = ['name', 'path', 'level', 'created'] as const;

export const listDomains = defineSpec({
  name: 'listDomains',
  readOnly: true,
  description: 'Lists domains and provides detailed information for listed domains',
  roles: ALL_ROLES,
  params: z.object({
    ...listParams,
    ...sortParams(DOMAIN_SORT_KEYS),
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
  response: listOf('domain', Domain),
});

export const listDomainChildren = defineSpec({
  name: 'listDomainChildren',
  description: 'Lists all children domains belonging to a specified domain',
  roles: ['Admin', 'ResourceAdmin', 'DomainAdmin'],
  params: z.object({
    ...listParams,
    id: param.uuid("list children domain by parent domain ID; the caller's domain when absent").optional(),
    name: param.string('list children domains by name').optional(),
    isrecursive: param
      .boolean(
        'to return the entire tree, use the value "true". To return the first level children, use the value "false".',
      )
      .optional(),
    listall: param
      .boolean(
        "If set to false, list only resources belonging to the command's caller; if set to true - list resources that the caller is authorized to see. Default value is false",
      )
      .optional(),
  }),
  response: listOf('domain', Domain),
});

export const updateDomain = defineSpec({
  name: 'updateDomain',
  description: 'Updates a domain with a new name',
  roles: DOMAIN_MANAGERS,
  params: z.object({
    id: param.uuid('ID of domain to update'),
    name: param.string('updates domain with this name').optional(),
    networkdomain: param.string("Network domain for the domain's networks").optional(),
  }),
  response: objectOf('domain', Domain),
});

export const deleteDomain = defineSpec({
  name: 'deleteDomain',
  description: 'Deletes a specified domain',
  roles: DOMAIN_MANAGERS,
  isAsync: true,
  params: z.object({
    id: param.uuid('ID of domain to delete'),
    cleanup: param
      .boolean('true if all domain resources (child domains, accounts) have to be cleaned up, false otherwise')
      .optional(),
  }),
  response: success(),
});

export type CreateDomainInput = CommandInput<typeof createDomain>;
export type ListDomainsInput = CommandInput<typeof listDomains>;
export type ListDomainChildrenInput = CommandInput<typeof listDomainChildren>;
export type UpdateDomainInput = CommandInput<typeof updateDomain>;
export type DeleteDomainInput = CommandInput<typeof deleteDomain>;
