import { sql, type Expression, type SqlBool } from 'kysely';
import type { SearchResourcesInput, SearchResult } from '../../api/schemas/search';
import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { classifyQuery, matchRank, SEARCH_KINDS, type SearchKind, type SearchQuery } from '../../domain/search';
import type { DomainScope } from '../../db/repositories/domains';
import { seesAllDomains, type Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { tenancy } from '../tenancy/index';
import { InfrastructureKinds, type Found } from './infrastructure-kinds';
import { TenancyKinds } from './tenancy-kinds';

const DEFAULT_LIMIT = 5;

/** The list command whose rights (and scope) each kind follows. */
const LIST_COMMAND: Record<SearchKind, string> = {
  host: 'listHosts',
  cluster: 'listClusters',
  pod: 'listPods',
  zone: 'listZones',
  storagepool: 'listStoragePools',
  imagestore: 'listImageStores',
  account: 'listAccounts',
  user: 'listUsers',
  domain: 'listDomains',
};

/**
 * searchResources: one request that looks through every kind the caller may list, a few results
 * per kind, best match first (exact id or address, exact name, prefix, contains, address range).
 */
export class ResourceSearch {
  private readonly infrastructure: InfrastructureKinds;
  private readonly tenancyKinds: TenancyKinds;

  constructor(private readonly services: CoreServices) {
    const { db, dialect } = services.store;
    this.infrastructure = new InfrastructureKinds(db, dialect);
    this.tenancyKinds = new TenancyKinds(db, dialect);
  }

  async search(caller: Caller, input: SearchResourcesInput): Promise<{ items: SearchResult[]; count: number }> {
    const query = classifyQuery(input.query);
    if (query.text.length === 0) throw invalidParameter('SEARCH.EMPTY', message('error.search.emptyQuery', {}));
    const kinds = await this.searchableKinds(caller, input.kinds);
    const limit = input.limit ?? DEFAULT_LIMIT;
    const found: Found[] = [];
    // One kind after another: on SQLite queries run one at a time anyway, and on PostgreSQL a
    // keystroke's search should not hold nine pooled connections.
    for (const kind of kinds) found.push(...(await this.searchKind(caller, kind, query, limit)));
    const order = (f: Found) => matchRank(f.match) * SEARCH_KINDS.length + SEARCH_KINDS.indexOf(f.kind);
    const items = found
      .map((f, index) => ({ f, index, order: order(f) }))
      .sort((a, b) => a.order - b.order || a.index - b.index)
      .map(({ f }) => ({ kind: f.kind, matchedby: f.match, ...f.result }));
    return { items, count: items.length };
  }

  /** The kinds asked for (all by default) that the caller's role may list; users see no infrastructure. */
  private async searchableKinds(caller: Caller, asked: string[] | undefined): Promise<SearchKind[]> {
    const wanted = asked ?? [...SEARCH_KINDS];
    const unknown = wanted.filter((k) => !(SEARCH_KINDS as readonly string[]).includes(k.toLowerCase()));
    if (unknown.length > 0) {
      throw invalidParameter(
        'SEARCH.BAD_KIND',
        message('error.search.unknownKind', { kinds: unknown.join(', '), known: SEARCH_KINDS.join(', ') }),
      );
    }
    const { commands } = await this.services.access.callerRights(caller);
    const lowered = new Set(wanted.map((k) => k.toLowerCase()));
    return SEARCH_KINDS.filter((kind) => {
      if (!lowered.has(kind) || !commands.has(LIST_COMMAND[kind])) return false;
      // listZones is open to every role (to deploy into); as a search hit a zone is infrastructure.
      return kind !== 'zone' || commands.has('listInfrastructure');
    });
  }

  private async searchKind(caller: Caller, kind: SearchKind, query: SearchQuery, limit: number): Promise<Found[]> {
    const infra = this.infrastructure;
    switch (kind) {
      case 'host':
        return infra.hosts(query, limit);
      case 'cluster':
        return infra.clusters(query, limit);
      case 'pod':
        return infra.pods(query, limit);
      case 'zone':
        return infra.zones(query, limit, seesAllDomains(caller) ? undefined : visibleZones(caller));
      case 'storagepool':
        return infra.storagePools(query, limit);
      case 'imagestore':
        return infra.imageStores(query, limit);
      case 'account':
        return this.tenancyKinds.accounts(query, limit, await this.accountScope(caller));
      case 'user':
        return this.tenancyKinds.users(query, limit, await this.accountScope(caller));
      case 'domain':
        return this.tenancyKinds.domains(query, limit, domainScope(caller));
    }
  }

  /** What listAccounts and listUsers show with listall=true. */
  private accountScope(caller: Caller) {
    return tenancy(this.services).accounts.listScope(caller, { listall: true });
  }
}

/** What listDomains shows with listall=true. */
function domainScope(caller: Caller): DomainScope {
  if (seesAllDomains(caller)) return { kind: 'all' };
  if (caller.roleType === 'DomainAdmin') return { kind: 'subtree', idPath: caller.domainIdPath };
  return { kind: 'one', domainId: caller.domainId };
}

/** listZones for a caller who does not see every domain: enabled zones, public or of its domains. */
function visibleZones(caller: Caller): Expression<SqlBool> {
  const ancestors = caller.domainIdPath
    .split('/')
    .filter((s) => s.length > 0)
    .map(Number);
  const own = ancestors.length > 0 ? sql<SqlBool>`z.domain_id in (${sql.join(ancestors)})` : sql<SqlBool>`false`;
  const subtree =
    caller.roleType === 'DomainAdmin'
      ? sql<SqlBool>`z.domain_id in (select id from domains where id_path like ${`${caller.domainIdPath}%`})`
      : sql<SqlBool>`false`;
  return sql<SqlBool>`z.allocation_state = 'Enabled' and (z.domain_id is null or ${own} or ${subtree})`;
}
