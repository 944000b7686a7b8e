import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import { invalidParameter, permissionDenied } from '../../domain/errors';
import { message } from '../../domain/messages';
import type { OfferingListInput } from '../../api/schemas/offerings';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import type { ListOrder } from '../../db/list-page';
import type { Database } from '../../db/schema';
import { findDomainByUuid } from '../../db/repositories/domains';
import { isRootAdmin, type Caller } from '../caller';
import { requireZone } from '../infrastructure/lookups';
import { keywordPattern } from '../tenancy/shared';
import { domainLinks, OFFERING_KINDS, zoneLinks, type OfferingKind } from './scope';

type Db = Kysely<Database>;

/**
 * The offering tables share the columns the list filters read (id, uuid, name, display_text,
 * storage_type, state, sort_key, removed): filters are written against service_offerings and
 * applied to either table.
 */
export type OfferingEb = ExpressionBuilder<Database, 'service_offerings'>;
export type OfferingFilter = (eb: OfferingEb) => Expression<SqlBool>;

/** CloudStack's order of offerings: sort key, then id. */
export const BY_SORT_KEY: ListOrder = { key: 'sort_key', id: 'id', direction: 'asc' };

/**
 * Which offerings a caller may list, as CloudStack's QueryManagerImpl decides. Root admins see
 * every one. Everyone else sees public offerings and those of its domain and the domains above
 * it; domain admins (not users) also those of their subdomains with isrecursive (or listall).
 */
export interface Visibility {
  /** Set for callers other than root admins: public offerings, and those of these domains... */
  domainIds?: number[];
  /** ...and those of the domains below this path. */
  subtreePath?: string;
  /** domainid: only the offerings of this domain, or of the domains below this path. */
  ofDomain?: { id: number } | { idPath: string };
  zoneId?: number;
}

/** The caller's domain and the domains above it, from its id path ("/1/4/9/"). */
const ownAndParentDomains = (caller: Caller) => caller.domainIdPath.split('/').filter(Boolean).map(Number);

/** The visibility of a list call, or CloudStack's refusals (431 isrecursive by users, 531 a foreign domainid). */
export async function visibilityOf(
  db: Db,
  caller: Caller,
  input: Pick<OfferingListInput, 'zoneid' | 'domainid' | 'isrecursive' | 'listall'>,
): Promise<Visibility> {
  const root = isRootAdmin(caller);
  if (!root && input.isrecursive && caller.roleType === 'User') {
    throw invalidParameter('OFFERING.RECURSIVE', message('error.offering.recursiveByUser', {}));
  }
  const visibility: Visibility = {};
  if (input.zoneid) visibility.zoneId = (await requireZone(db, input.zoneid, 'zoneid')).id;
  if (input.domainid) {
    const domain = await findDomainByUuid(db, input.domainid);
    if (!domain) {
      throw invalidParameter('OFFERING.DOMAIN', message('error.offering.domainNotFound', { id: input.domainid }));
    }
    // CloudStack's isPermissible: the caller's own domain or one above it.
    if (!root && !caller.domainIdPath.startsWith(domain.id_path)) {
      throw permissionDenied(
        'ACCESS.DOMAIN',
        message('error.offering.domainOutOfReach', { caller: caller.accountName, id: domain.uuid }),
      );
    }
    visibility.ofDomain = root && input.isrecursive ? { idPath: domain.id_path } : { id: domain.id };
  }
  if (!root) {
    visibility.domainIds = ownAndParentDomains(caller);
    if (caller.roleType !== 'User' && (input.isrecursive || input.listall))
      visibility.subtreePath = caller.domainIdPath;
  }
  return visibility;
}

/** The condition of a visibility on an offering table of a kind. */
export function scopeCondition(kind: OfferingKind, eb: OfferingEb, v: Visibility): Expression<SqlBool>[] {
  const domains = domainLinks(kind);
  const offeringId = `${OFFERING_KINDS[kind].offerings}.id` as 'service_offerings.id';
  const links = () =>
    eb.selectFrom(domains).select(`${domains}.offering_id`).whereRef(`${domains}.offering_id`, '=', offeringId);
  const underPath = (path: string) =>
    eb.exists(
      links().innerJoin('domains', 'domains.id', `${domains}.domain_id`).where('domains.id_path', 'like', `${path}%`),
    );
  const conditions: Expression<SqlBool>[] = [];
  if (v.domainIds) {
    const visible = [eb.not(eb.exists(links())), eb.exists(links().where(`${domains}.domain_id`, 'in', v.domainIds))];
    if (v.subtreePath) visible.push(underPath(v.subtreePath));
    conditions.push(eb.or(visible));
  }
  if (v.ofDomain) {
    conditions.push(
      'id' in v.ofDomain
        ? eb.exists(links().where(`${domains}.domain_id`, '=', v.ofDomain.id))
        : underPath(v.ofDomain.idPath),
    );
  }
  if (v.zoneId !== undefined) {
    const zones = zoneLinks(kind);
    const zoneLinksOf = () =>
      eb.selectFrom(zones).select(`${zones}.offering_id`).whereRef(`${zones}.offering_id`, '=', offeringId);
    conditions.push(
      eb.or([eb.not(eb.exists(zoneLinksOf())), eb.exists(zoneLinksOf().where(`${zones}.zone_id`, '=', v.zoneId))]),
    );
  }
  return conditions;
}

/** What both lists filter on: live rows, id, name, keyword, state, storage type and visibility. */
export function offeringFilter(kind: OfferingKind, input: OfferingListInput, v: Visibility): OfferingFilter {
  const pattern = keywordPattern(input.keyword);
  return (eb) => {
    const conditions: Expression<SqlBool>[] = [eb('removed', 'is', null)];
    if (input.id) conditions.push(eb('uuid', '=', input.id));
    if (input.name) conditions.push(equalsIgnoreCase('name', input.name));
    if (pattern) conditions.push(eb.or([ilike('name', pattern), ilike('display_text', pattern)]));
    const state = input.state ?? 'Active';
    if (state !== 'all') conditions.push(eb('state', '=', state));
    if (input.storagetype) conditions.push(eb('storage_type', '=', input.storagetype));
    conditions.push(...scopeCondition(kind, eb, v));
    return eb.and(conditions);
  };
}
