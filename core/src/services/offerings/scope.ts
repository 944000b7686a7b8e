import type { Kysely } from 'kysely';
import { invalidParameter, notFound } from '../../domain/errors';
import { message } from '../../domain/messages';
import { ALL_ZONES, PUBLIC_DOMAINS } from '../../domain/offerings';
import type { Database, DiskOfferingRow, NetworkOfferingRow, ServiceOfferingRow } from '../../db/schema';

type Db = Kysely<Database>;

/** The kinds of offering, their tables and how messages name them. */
export const OFFERING_KINDS = {
  service: {
    offerings: 'service_offerings',
    domains: 'service_offering_domains',
    zones: 'service_offering_zones',
    resource: 'service offering',
  },
  disk: {
    offerings: 'disk_offerings',
    domains: 'disk_offering_domains',
    zones: 'disk_offering_zones',
    resource: 'disk offering',
  },
  network: {
    offerings: 'network_offerings',
    domains: 'network_offering_domains',
    zones: 'network_offering_zones',
    resource: 'network offering',
  },
} as const;
export type OfferingKind = keyof typeof OFFERING_KINDS;
/** How messages name an offering of a kind (`resource`, shown with the UI's resource labels). */
export type OfferingResource = (typeof OFFERING_KINDS)[OfferingKind]['resource'];

/*
 * The domain tables of every kind have the same columns, and so do the zone tables: the helpers
 * below name the service offering ones for Kysely's types, whichever kind they act on.
 */
export const domainLinks = (kind: OfferingKind) => OFFERING_KINDS[kind].domains as 'service_offering_domains';
export const zoneLinks = (kind: OfferingKind) => OFFERING_KINDS[kind].zones as 'service_offering_zones';

/** A domain an offering is limited to: how responses name it, and its place in the tree. */
export interface ScopeDomain {
  id: number;
  uuid: string;
  name: string;
  id_path: string;
}

/** A zone an offering is limited to. */
export interface ScopeZone {
  id: number;
  uuid: string;
  name: string;
}

/** Where an offering is offered: no domains is public, no zones is every zone. */
export interface OfferingScope {
  domains: ScopeDomain[];
  zones: ScopeZone[];
}

const unique = (ids: readonly string[]) => [...new Set(ids.map((id) => id.trim().toLowerCase()))].filter(Boolean);

/** Live domains by uuid, each once, or CloudStack's 431 naming the first unknown one. */
export async function resolveDomains(db: Db, uuids: readonly string[]): Promise<ScopeDomain[]> {
  const wanted = unique(uuids);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('domains')
    .select(['id', 'uuid', 'name', 'id_path'])
    .where('uuid', 'in', wanted)
    .where('removed', 'is', null)
    .execute();
  const missing = wanted.find((uuid) => !rows.some((r) => r.uuid === uuid));
  if (missing !== undefined)
    throw invalidParameter('OFFERING.DOMAIN', message('error.offering.domainNotFound', { id: missing }));
  return rows.sort((a, b) => a.id - b.id);
}

/** Live zones by uuid, each once, or CloudStack's 431 naming the first unknown one. */
export async function resolveZones(db: Db, uuids: readonly string[]): Promise<ScopeZone[]> {
  const wanted = unique(uuids);
  if (wanted.length === 0) return [];
  const rows = await db
    .selectFrom('zones')
    .select(['id', 'uuid', 'name'])
    .where('uuid', 'in', wanted)
    .where('removed', 'is', null)
    .execute();
  const missing = wanted.find((uuid) => !rows.some((r) => r.uuid === uuid));
  if (missing !== undefined)
    throw invalidParameter('OFFERING.ZONE', message('error.offering.zoneNotFound', { id: missing }));
  return rows.sort((a, b) => a.id - b.id);
}

/**
 * CloudStack's filterChildSubDomains: an offering for a domain is offered to its subdomains too,
 * so a subdomain listed beside one of its parents adds nothing and is dropped.
 */
export function withoutSubdomains(domains: readonly ScopeDomain[]): ScopeDomain[] {
  return domains.filter((d) => !domains.some((p) => p.id !== d.id && d.id_path.startsWith(p.id_path)));
}

/**
 * The update commands' `domainid` and `zoneid` are comma-separated text: absent or empty keeps
 * the list, the keyword (`public`, `all`) empties it, anything else replaces it.
 */
export function updatedList(text: string | undefined, keyword: typeof PUBLIC_DOMAINS | typeof ALL_ZONES) {
  if (text === undefined || text.trim() === '') return undefined;
  if (text.trim().toLowerCase() === keyword) return [];
  return text.split(',');
}

/** The domains and zones of offerings, by offering id (each list in creation order). */
export async function scopesOf(db: Db, kind: OfferingKind, offeringIds: readonly number[]) {
  const scopes = new Map<number, OfferingScope>();
  for (const id of offeringIds) scopes.set(id, { domains: [], zones: [] });
  if (offeringIds.length === 0) return scopes;
  const ids = [...offeringIds];
  const domains = domainLinks(kind);
  const zones = zoneLinks(kind);
  const [domainRows, zoneRows] = await Promise.all([
    db
      .selectFrom(domains)
      .innerJoin('domains', 'domains.id', `${domains}.domain_id`)
      .select([`${domains}.offering_id as offering`, 'domains.id', 'domains.uuid', 'domains.name', 'domains.id_path'])
      .where(`${domains}.offering_id`, 'in', ids)
      .orderBy('domains.id')
      .execute(),
    db
      .selectFrom(zones)
      .innerJoin('zones', 'zones.id', `${zones}.zone_id`)
      .select([`${zones}.offering_id as offering`, 'zones.id', 'zones.uuid', 'zones.name'])
      .where(`${zones}.offering_id`, 'in', ids)
      .orderBy('zones.id')
      .execute(),
  ]);
  for (const { offering, ...domain } of domainRows) scopes.get(offering)?.domains.push(domain);
  for (const { offering, ...zone } of zoneRows) scopes.get(offering)?.zones.push(zone);
  return scopes;
}

/** One offering's domains and zones. */
export async function scopeOf(db: Db, kind: OfferingKind, offeringId: number): Promise<OfferingScope> {
  return (await scopesOf(db, kind, [offeringId])).get(offeringId) ?? { domains: [], zones: [] };
}

/** Replaces the domains and zones of an offering (inside the caller's transaction). */
export async function writeScope(db: Db, kind: OfferingKind, offeringId: number, scope: OfferingScope): Promise<void> {
  const domains = domainLinks(kind);
  const zones = zoneLinks(kind);
  await db.deleteFrom(domains).where('offering_id', '=', offeringId).execute();
  await db.deleteFrom(zones).where('offering_id', '=', offeringId).execute();
  if (scope.domains.length > 0) {
    await db
      .insertInto(domains)
      .values(scope.domains.map((d) => ({ offering_id: offeringId, domain_id: d.id })))
      .execute();
  }
  if (scope.zones.length > 0) {
    await db
      .insertInto(zones)
      .values(scope.zones.map((z) => ({ offering_id: offeringId, zone_id: z.id })))
      .execute();
  }
}

/** The same domains or zones, in any order. */
export function sameIds(a: readonly { id: number }[], b: readonly { id: number }[]): boolean {
  const ids = new Set(a.map((x) => x.id));
  return a.length === b.length && b.every((x) => ids.has(x.id));
}

/** The response fields of a scope: comma-separated ids and names, absent for public / every zone. */
export function scopeFields(scope: OfferingScope) {
  const joined = <T>(list: readonly T[], pick: (item: T) => string) =>
    list.length === 0 ? undefined : list.map(pick).join(',');
  return {
    domainid: joined(scope.domains, (d) => d.uuid),
    domain: joined(scope.domains, (d) => d.name),
    zoneid: joined(scope.zones, (z) => z.uuid),
    zone: joined(scope.zones, (z) => z.name),
  };
}

/** The row of an offering of a kind. */
export type OfferingRowOf<K extends OfferingKind> = K extends 'service'
  ? ServiceOfferingRow
  : K extends 'disk'
    ? DiskOfferingRow
    : NetworkOfferingRow;

/** A live offering of a kind by uuid, or CloudStack's 431 "Unable to find ...". */
export async function requireOffering<K extends OfferingKind>(db: Db, kind: K, uuid: string) {
  const table = OFFERING_KINDS[kind].offerings;
  const row = await db
    .selectFrom(table)
    .selectAll()
    .where('uuid', '=', uuid)
    .where('removed', 'is', null)
    .executeTakeFirst();
  if (!row) {
    throw notFound(
      `${kind.toUpperCase()}_OFFERING.NOT_FOUND`,
      message('error.notFound', { resource: OFFERING_KINDS[kind].resource, id: uuid }),
    );
  }
  return row as unknown as OfferingRowOf<K>;
}
