import { z } from 'zod';
import { SEARCH_KINDS, SEARCH_MATCHES } from '../../domain/search';
import { ALL_ROLES } from './common';
import { entity, field } from './fields';
import { param } from './params';
import { defineSpec, listOf, type CommandInput } from './spec';

/** One thing searchResources found: enough to show it, open it and offer its actions. */
export const SearchResult = entity('SearchResult', {
  kind: field.oneOf(
    SEARCH_KINDS,
    'what was found: host, cluster, pod, zone, storagepool, imagestore, account, user, domain',
  ),
  id: field.uuid('the ID of the resource'),
  name: field.string('the name of the resource (a user: its username)'),
  matchedby: field.oneOf(
    SEARCH_MATCHES,
    'how the query matched: id (exact UUID), ip (exact address), name (exact name), prefix, contains, range (an IP range holding the address)',
  ),
  context: field.string(
    'where the resource is: zone / pod / cluster for infrastructure, the domain path (and account) for tenancy',
  ),
  state: field.string('the state: host status, allocation state, pool status, account or user state').optional(),
  resourcestate: field.string('the resource state of a host').optional(),
  ipaddress: field.string('the IP address of a host or the server address of a storage pool').optional(),
  zoneid: field.uuid('the zone of the resource').optional(),
  podid: field.uuid('the pod of the resource').optional(),
  clusterid: field.uuid('the cluster of the resource').optional(),
  domainid: field.uuid('the domain of the resource').optional(),
  account: field.string('the account of a user').optional(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const searchResources = defineSpec({
  name: 'searchResources',
  readOnly: true,
  description:
    'Searches hosts, clusters, pods, zones, primary storage pools, image stores, accounts, users and domains at once (Stackyard): by exact UUID, by IP address, and by name (exact, then prefix, then contains; case-insensitive). Each kind is searched only when the caller may list it, within what that list would show. Results are ordered best match first.',
  roles: ALL_ROLES,
  params: z.object({
    query: param.string('what to look for: a name or part of one, a UUID or an IP address (or its start)', 255),
    kinds: param
      .list('search only these kinds (host, cluster, pod, zone, storagepool, imagestore, account, user, domain)')
      .optional(),
    limit: param.integer('most results per kind (1-20, default 5)', 1, 20).optional(),
  }),
  response: listOf('searchresult', SearchResult),
});

export type SearchResourcesInput = CommandInput<typeof searchResources>;
