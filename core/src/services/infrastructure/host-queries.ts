import { message } from '../../domain/messages';
import { sql } from 'kysely';
import type { Host, HOST_SORT_KEYS, ListHostsInput } from '../../api/schemas/hosts';
import { notFound } from '../../domain/errors';
import { HOST_HEALTH_PARTS, HOST_MAINTENANCE_STATES, isMaintenanceState } from '../../contract/health';
import { canonicalHypervisor, HOST_RESOURCE_STATES, HOST_STATUSES } from '../../domain/infrastructure';
import { containsIgnoreCase, ilike } from '../../db/query-helpers';
import { orderedBy, pageOfList } from '../../db/list-page';
import type { CoreServices } from '../core-services';
import { listOrder, pageWindow } from '../paging';
import { keywordPattern } from '../tenancy/shared';
import { HOST_VIEW_COLUMNS, hostResponse, type HostView } from './cluster-host-responses';
import { normalizeTags } from './host-support';
import { namesById, requireCluster, requirePod, requireZone } from './lookups';

/**
 * The hosts column behind each listHosts sort key. The stable ones are indexed with id (migration
 * 0012); last_ping and the load figures are not: every heartbeat rewrites them on every host, and
 * an index would end PostgreSQL's in-place (HOT) updates (0011, 0013), so those sorts read the
 * filtered hosts and sort them (11,000 hosts: see bench/host-stats.ts).
 */
const HOST_SORT_COLUMNS: Record<(typeof HOST_SORT_KEYS)[number], string> = {
  name: 'name',
  state: 'status',
  resourcestate: 'resource_state',
  ipaddress: 'private_ip',
  hypervisor: 'hypervisor_type',
  created: 'created',
  cpuallocated: 'cpu_allocated',
  memoryallocated: 'memory_allocated',
  lastpinged: 'last_ping',
  cpuused: 'cpu_used_percent',
  memoryused: 'memory_used',
};

/** Reading hosts: listHosts and the host responses every host command answers with. */
export class HostQueries {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  /**
   * listHosts: the page of ids comes from the hosts table alone (indexed filters, the asked sort
   * or primary-key order, a subquery of the page's query), then only that page is joined with names, cluster
   * ratios and tags.
   */
  async list(input: ListHostsInput): Promise<{ items: Host[]; count: number }> {
    const zoneId = input.zoneid !== undefined ? (await requireZone(this.db, input.zoneid, 'zoneid')).id : undefined;
    const podId = input.podid !== undefined ? (await requirePod(this.db, input.podid, 'podid')).id : undefined;
    const clusterId =
      input.clusterid !== undefined ? (await requireCluster(this.db, input.clusterid, 'clusterid')).id : undefined;
    const hypervisor = input.hypervisor !== undefined ? (canonicalHypervisor(input.hypervisor) ?? '') : undefined;
    const keyword = keywordPattern(input.keyword);
    const tags = normalizeTags(input.hosttags);
    const health = input.health !== undefined ? canonical(HOST_HEALTH_PARTS, input.health) : undefined;
    const filtered = () => {
      let q = this.db.selectFrom('hosts').where('removed', 'is', null);
      if (input.id !== undefined) q = q.where('uuid', '=', input.id);
      if (input.name !== undefined) q = q.where(containsIgnoreCase('name', input.name));
      if (zoneId !== undefined) q = q.where('zone_id', '=', zoneId);
      if (podId !== undefined) q = q.where('pod_id', '=', podId);
      if (clusterId !== undefined) q = q.where('cluster_id', '=', clusterId);
      if (input.type !== undefined) q = q.where('type', '=', canonical(['Routing'], input.type));
      if (input.state !== undefined) q = q.where('status', '=', canonical(HOST_STATUSES, input.state));
      if (input.resourcestate !== undefined) {
        q = q.where('resource_state', '=', canonical(HOST_RESOURCE_STATES, input.resourcestate));
      }
      if (health !== undefined) {
        q = isMaintenanceState(health)
          ? q.where('resource_state', '=', health)
          : q.where('status', '=', health).where('resource_state', 'not in', HOST_MAINTENANCE_STATES);
      }
      if (hypervisor !== undefined) q = q.where('hypervisor_type', '=', hypervisor);
      if (keyword !== undefined) q = q.where(ilike('name', keyword));
      for (const tag of tags) {
        q = q.where('id', 'in', (eb) => eb.selectFrom('host_tags').select('host_tags.host_id').where('tag', '=', tag));
      }
      return q;
    };
    const window = pageWindow(input, this.services.config);
    const order = listOrder(input, HOST_SORT_COLUMNS, { id: 'id', direction: 'asc' });
    const page = await pageOfList(this.db, filtered().select('id'), order, window);
    // The page's rows and the count at once: on PostgreSQL, two pooled connections.
    const [rows, counted] = await Promise.all([
      orderedBy(this.db.selectFrom('hosts').select(HOST_VIEW_COLUMNS).where(page.where('id')), order).execute(),
      window && !page.known
        ? filtered()
            .select(sql<number>`count(*)`.as('n'))
            .executeTakeFirstOrThrow()
        : undefined,
    ]);
    const count = page.known?.count ?? (counted ? Number(counted.n) : rows.length);
    if (rows.length === 0) return { items: [], count };
    return { items: await this.responsesOf(rows), count };
  }

  /** Host responses for ids (in id order), with names, cluster ratios and tags fetched per page. */
  async responses(ids: number[]): Promise<Host[]> {
    const rows: HostView[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      rows.push(
        ...(await this.db
          .selectFrom('hosts')
          .select(HOST_VIEW_COLUMNS)
          .where('id', 'in', ids.slice(i, i + 500))
          .orderBy('id')
          .execute()),
      );
    }
    rows.sort((a, b) => a.id - b.id);
    return this.responsesOf(rows);
  }

  /** Host responses for rows (in their order), with names, cluster ratios and tags fetched per page. */
  private async responsesOf(rows: HostView[]): Promise<Host[]> {
    // Independent lookups: on PostgreSQL they run on several pooled connections at once.
    const [zones, pods, clusters, tags] = await Promise.all([
      namesById(
        this.db,
        'zones',
        rows.map((r) => r.zone_id),
      ),
      namesById(
        this.db,
        'pods',
        rows.map((r) => r.pod_id),
      ),
      this.clustersOf(rows),
      this.tagsOf(rows),
    ]);
    return rows.map((h) =>
      hostResponse(h, {
        zone: zones.get(h.zone_id),
        pod: pods.get(h.pod_id),
        cluster: clusters.get(h.cluster_id),
        tags: (tags.get(h.id) ?? []).sort(),
        config: this.services.config,
      }),
    );
  }

  private async clustersOf(rows: HostView[]) {
    const clusterIds = [...new Set(rows.map((r) => r.cluster_id))];
    const clusters = await this.db
      .selectFrom('clusters')
      .select(['id', 'uuid', 'name', 'zone_id', 'cluster_type'])
      .where('id', 'in', clusterIds)
      .execute();
    return new Map(clusters.map((c) => [c.id, c]));
  }

  private async tagsOf(rows: HostView[]): Promise<Map<number, string[]>> {
    const tags = new Map<number, string[]>();
    for (let i = 0; i < rows.length; i += 500) {
      const tagRows = await this.db
        .selectFrom('host_tags')
        .select(['host_id', 'tag'])
        .where(
          'host_id',
          'in',
          rows.slice(i, i + 500).map((r) => r.id),
        )
        .execute();
      for (const t of tagRows) {
        const list = tags.get(t.host_id) ?? [];
        list.push(t.tag);
        tags.set(t.host_id, list);
      }
    }
    return tags;
  }

  async responseOf(id: number): Promise<Host> {
    const [host] = await this.responses([id]);
    if (!host) throw notFound('HOST.NOT_FOUND', message('error.notFound', { resource: 'host', id }));
    return host;
  }
}

/** A value as stored when it matches one of `values` ignoring case; else as given (it then matches nothing). */
function canonical(values: readonly string[], text: string): string {
  return values.find((v) => v.toLowerCase() === text.trim().toLowerCase()) ?? text;
}
