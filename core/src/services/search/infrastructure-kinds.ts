import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import type { SearchResult } from '../../api/schemas/search';
import { ipToNumber } from '../../contract/ipv4';
import type { Db } from '../../db/repositories/domains';
import type { MigrationDialect } from '../../db/migrations/helpers';
import type { SearchMatch, SearchQuery } from '../../domain/search';
import { searchKey, searchKind, type Hits, type KindSearch } from './name-match';

type Order = 'id' | RawBuilder<string>;
type Found = { kind: SearchResult['kind']; result: Omit<SearchResult, 'kind' | 'matchedby'>; match: SearchMatch };

const path = (...names: (string | null | undefined)[]) => names.filter((n) => n).join(' / ');
const idIn = (column: string, ids: number[]): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids)})`;

/**
 * Hosts, clusters, pods, zones, primary storage pools and image stores by id, address and name.
 * Which of these a caller may search is decided by the caller of this class.
 */
export class InfrastructureKinds {
  constructor(
    private readonly db: Db,
    private readonly dialect: MigrationDialect,
  ) {}

  async hosts(query: SearchQuery, limit: number): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'h.name');
    const ipKey = searchKey(this.dialect, 'h.private_ip', false);
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('hosts as h')
        .innerJoin('zones as z', 'z.id', 'h.zone_id')
        .innerJoin('pods as p', 'p.id', 'h.pod_id')
        .innerJoin('clusters as c', 'c.id', 'h.cluster_id')
        .select(['h.id', 'h.uuid', 'h.name', 'h.status', 'h.resource_state', 'h.private_ip'])
        .select(['z.uuid as zone_uuid', 'z.name as zone_name', 'p.uuid as pod_uuid', 'p.name as pod_name'])
        .select(['c.uuid as cluster_uuid', 'c.name as cluster_name'])
        .where('h.removed', 'is', null)
        .where(where)
        .orderBy(order === 'id' ? sql.ref('h.id') : order)
        .limit(n)
        .execute();
    const found = await searchKind({ rows, nameKey, ipKey, uuidColumn: 'h.uuid' }, query, limit);
    return found.map(({ row: h, match }) => ({
      kind: 'host',
      match,
      result: {
        id: h.uuid,
        name: h.name,
        context: path(h.zone_name, h.pod_name, h.cluster_name),
        state: h.status,
        resourcestate: h.resource_state,
        ipaddress: h.private_ip,
        zoneid: h.zone_uuid,
        podid: h.pod_uuid,
        clusterid: h.cluster_uuid,
      },
    }));
  }

  async clusters(query: SearchQuery, limit: number): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'c.name');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('clusters as c')
        .innerJoin('zones as z', 'z.id', 'c.zone_id')
        .innerJoin('pods as p', 'p.id', 'c.pod_id')
        .select(['c.id', 'c.uuid', 'c.name', 'c.allocation_state'])
        .select(['z.uuid as zone_uuid', 'z.name as zone_name', 'p.uuid as pod_uuid', 'p.name as pod_name'])
        .where('c.removed', 'is', null)
        .where(where)
        .orderBy(order === 'id' ? sql.ref('c.id') : order)
        .limit(n)
        .execute();
    const found = await searchKind({ rows, nameKey, uuidColumn: 'c.uuid' }, query, limit);
    return found.map(({ row: c, match }) => ({
      kind: 'cluster',
      match,
      result: {
        id: c.uuid,
        name: c.name,
        context: path(c.zone_name, c.pod_name),
        state: c.allocation_state,
        zoneid: c.zone_uuid,
        podid: c.pod_uuid,
      },
    }));
  }

  async pods(query: SearchQuery, limit: number): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'p.name');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('pods as p')
        .innerJoin('zones as z', 'z.id', 'p.zone_id')
        .select(['p.id', 'p.uuid', 'p.name', 'p.allocation_state', 'p.start_ip', 'p.end_ip'])
        .select(['z.uuid as zone_uuid', 'z.name as zone_name'])
        .where('p.removed', 'is', null)
        .where(where)
        .orderBy(order === 'id' ? sql.ref('p.id') : order)
        .limit(n)
        .execute();
    type Row = Awaited<ReturnType<typeof rows>>[number];
    const inRange = async (hits: Hits<Row>) => {
      const ids = await this.podsHolding(query.text);
      if (ids.length > 0) hits.add(await rows(idIn('p.id', ids), 'id', hits.want), 'range');
    };
    const found = await searchKind({ rows, nameKey, uuidColumn: 'p.uuid', inRange }, query, limit);
    return found.map(({ row: p, match }) => ({
      kind: 'pod',
      match,
      result: {
        id: p.uuid,
        name: p.name,
        context: p.start_ip && p.end_ip ? `${p.zone_name} · ${p.start_ip}-${p.end_ip}` : p.zone_name,
        state: p.allocation_state,
        zoneid: p.zone_uuid,
      },
    }));
  }

  /** Pods whose reserved range or one of whose guest ranges holds the address. */
  private async podsHolding(ip: string): Promise<number[]> {
    const n = ipToNumber(ip);
    if (n === undefined) return [];
    // Pods are few (one per rack): their own ranges are compared here, not in SQL, as text.
    const pods = await this.db
      .selectFrom('pods')
      .select(['id', 'start_ip', 'end_ip'])
      .where('removed', 'is', null)
      .execute();
    const ids = pods.filter((p) => within(n, p.start_ip, p.end_ip)).map((p) => p.id);
    const ranges = await this.rangesHolding(n);
    for (const r of ranges) if (r.pod_id !== null && !ids.includes(r.pod_id)) ids.push(r.pod_id);
    return ids;
  }

  private rangesHolding(n: number) {
    return this.db
      .selectFrom('vlan_ip_ranges')
      .select(['zone_id', 'pod_id'])
      .where('removed', 'is', null)
      .where('start_num', '<=', n)
      .where('end_num', '>=', n)
      .limit(50)
      .execute();
  }

  /**
   * Zones; `visible` narrows them as listZones does for callers who do not see every domain.
   */
  async zones(query: SearchQuery, limit: number, visible?: Expression<SqlBool>): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'z.name');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) => {
      let q = this.db
        .selectFrom('zones as z')
        .select(['z.id', 'z.uuid', 'z.name', 'z.allocation_state', 'z.network_type'])
        .where('z.removed', 'is', null)
        .where(where);
      if (visible) q = q.where(visible);
      return q
        .orderBy(order === 'id' ? sql.ref('z.id') : order)
        .limit(n)
        .execute();
    };
    type Row = Awaited<ReturnType<typeof rows>>[number];
    const inRange = async (hits: Hits<Row>) => {
      const n = ipToNumber(query.text);
      if (n === undefined) return;
      const ids = [...new Set((await this.rangesHolding(n)).filter((r) => r.pod_id === null).map((r) => r.zone_id))];
      if (ids.length > 0) hits.add(await rows(idIn('z.id', ids), 'id', hits.want), 'range');
    };
    const found = await searchKind({ rows, nameKey, uuidColumn: 'z.uuid', inRange }, query, limit);
    return found.map(({ row: z, match }) => ({
      kind: 'zone',
      match,
      result: { id: z.uuid, name: z.name, context: z.network_type, state: z.allocation_state, zoneid: z.uuid },
    }));
  }

  async storagePools(query: SearchQuery, limit: number): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 's.name');
    const ipKey = searchKey(this.dialect, 's.host_address');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('storage_pools as s')
        .innerJoin('zones as z', 'z.id', 's.zone_id')
        .leftJoin('pods as p', 'p.id', 's.pod_id')
        .leftJoin('clusters as c', 'c.id', 's.cluster_id')
        .select(['s.id', 's.uuid', 's.name', 's.status', 's.host_address', 's.scope'])
        .select(['z.uuid as zone_uuid', 'z.name as zone_name', 'p.uuid as pod_uuid', 'p.name as pod_name'])
        .select(['c.uuid as cluster_uuid', 'c.name as cluster_name'])
        .where('s.removed', 'is', null)
        .where(where)
        .orderBy(order === 'id' ? sql.ref('s.id') : order)
        .limit(n)
        .execute();
    const found = await searchKind({ rows, nameKey, ipKey, uuidColumn: 's.uuid' }, query, limit);
    return found.map(({ row: s, match }) => ({
      kind: 'storagepool',
      match,
      result: {
        id: s.uuid,
        name: s.name,
        context: path(s.zone_name, s.pod_name, s.cluster_name),
        state: s.status,
        ipaddress: s.host_address || undefined,
        zoneid: s.zone_uuid,
        podid: s.pod_uuid ?? undefined,
        clusterid: s.cluster_uuid ?? undefined,
      },
    }));
  }

  async imageStores(query: SearchQuery, limit: number): Promise<Found[]> {
    const nameKey = searchKey(this.dialect, 'i.name');
    const rows = (where: Expression<SqlBool>, order: Order, n: number) =>
      this.db
        .selectFrom('image_stores as i')
        .leftJoin('zones as z', 'z.id', 'i.zone_id')
        .select(['i.id', 'i.uuid', 'i.name', 'i.url', 'i.protocol', 'z.uuid as zone_uuid', 'z.name as zone_name'])
        .where('i.removed', 'is', null)
        .where(where)
        .orderBy(order === 'id' ? sql.ref('i.id') : order)
        .limit(n)
        .execute();
    // The server of an image store is the host of its URL (nfs://10.0.0.5/export): stores are few.
    const urlKey = searchKey(this.dialect, 'i.url');
    type Row = Awaited<ReturnType<typeof rows>>[number];
    const inUrl = async (hits: Hits<Row>) =>
      hits.add(await rows(sql<SqlBool>`${urlKey} like ${`%//${query.text}%`}`, 'id', hits.want), 'ip');
    const kind: KindSearch<Row> = {
      rows,
      nameKey,
      uuidColumn: 'i.uuid',
      inRange: inUrl,
    };
    const found = await searchKind(kind, query, limit);
    return found.map(({ row: i, match }) => ({
      kind: 'imagestore',
      match,
      result: {
        id: i.uuid,
        name: i.name,
        context: path(i.zone_name ?? undefined, i.protocol),
        zoneid: i.zone_uuid ?? undefined,
      },
    }));
  }
}

function within(n: number, start: string, end: string): boolean {
  const a = ipToNumber(start);
  const b = ipToNumber(end);
  return a !== undefined && b !== undefined && a <= n && n <= b;
}

export type { Found };
