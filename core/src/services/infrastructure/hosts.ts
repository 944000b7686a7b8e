import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import { conflict, DomainError, invalidParameter, notFound } from '../../domain/errors';
import {
  ALERT_TYPES,
  CLUSTER_TYPES,
  canonicalHypervisor,
  HOST_RESOURCE_STATES,
  HOST_STATUSES,
  type HostResourceState,
  type HostStatus,
} from '../../domain/infrastructure';
import { nowIso } from '../../domain/time';
import { containsIgnoreCase, equalsIgnoreCase, ilike, pageOfIds } from '../../db/query-helpers';
import type { ClusterRow, Database, HostRow, PodRow } from '../../db/schema';
import { ipToNumber, numberToIp, parseCidr } from '../../domain/ipv4';
import { hash32 } from '../../drivers/hypervisor/simulator/metrics';
import { URL_OPERATION } from '../../drivers/hypervisor/simulator/url';
import {
  HostOperationError,
  type DiscoveredHost,
  type HostTarget,
  type HypervisorDriver,
} from '../../drivers/hypervisor/types';
import { clearAlerts } from '../alerts';
import type { AddHostInput, DeleteHostInput, Host, ListHostsInput, UpdateHostInput } from '../../api/schemas/hosts';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { keywordPattern, requireName, type Progress } from '../tenancy/shared';
import { HOST_VIEW_COLUMNS, hostResponse, type HostView } from './cluster-host-responses';
import { checkPodInZone, ClusterService, insertCluster, supportedHypervisor } from './clusters';
import { namesById, requireCluster, requireHost, requirePod, requireZone } from './lookups';

type Db = Kysely<Database>;

/** Statuses a successful heartbeat or reconnect brings back to Up. */
export const RECOVERABLE_STATUSES: readonly HostStatus[] = ['Connecting', 'Disconnected', 'Alert', 'Down'];

/** Resource states from which a host may be put into maintenance. */
const MAINTAINABLE: readonly HostResourceState[] = ['Enabled', 'Disabled', 'ErrorInMaintenance'];
/** Resource states cancelHostMaintenance leaves. */
const IN_MAINTENANCE: readonly HostResourceState[] = ['PrepareForMaintenance', 'Maintenance', 'ErrorInMaintenance'];
/** Resource states from which deleteHost proceeds without forced=true. */
const DELETABLE: readonly HostResourceState[] = ['Maintenance', 'Disabled'];

/** What the drivers need to reach a host. */
export function hostTarget(h: Pick<HostRow, 'id' | 'uuid' | 'url' | 'zone_id' | 'pod_id' | 'cluster_id'>): HostTarget {
  return { hostId: h.id, uuid: h.uuid, url: h.url, zoneId: h.zone_id, podId: h.pod_id, clusterId: h.cluster_id };
}

/** The driver of a host's hypervisor, or undefined when this build has none for it. */
export function driverFor(services: CoreServices, hypervisorType: string): HypervisorDriver | undefined {
  const hypervisor = canonicalHypervisor(hypervisorType);
  if (!hypervisor || !services.hypervisors.supported().includes(hypervisor)) return undefined;
  return services.hypervisors.get(hypervisor);
}

/**
 * A driver failure as an API error: a request the driver cannot take (a malformed URL) is 431,
 * a host that fails or does not answer is 530 with the driver's (safe) message.
 */
export function hostFailure(error: unknown, prefix?: string): unknown {
  if (!(error instanceof HostOperationError)) return error;
  if (error.operation === URL_OPERATION) return invalidParameter('HOST.BAD_URL', error.message);
  return new DomainError('internal', 'HOST.OPERATION_FAILED', prefix ? `${prefix}: ${error.message}` : error.message);
}

/**
 * A Simulator host's management address inside its pod's subnet, as CloudStack's simulator
 * gives: a stable pick (from the URL) among the pod's addresses outside the range reserved for
 * system VMs and the gateway. When the subnet has no such address, the driver's own is kept.
 */
export function podAddressFor(
  url: string,
  pod: Pick<PodRow, 'cidr' | 'gateway' | 'start_ip' | 'end_ip'>,
  fallback: string,
): string {
  const cidr = parseCidr(pod.cidr);
  if (!cidr || cidr.prefix > 30) return fallback;
  const start = ipToNumber(pod.start_ip) ?? -1;
  const end = ipToNumber(pod.end_ip) ?? -2;
  const gateway = ipToNumber(pod.gateway) ?? -1;
  // Usable host addresses minus the reserved range, then minus the gateway.
  let segments: [number, number][] = [[cidr.first + 1, cidr.last - 1]];
  const cut = (lo: number, hi: number) => {
    segments = segments.flatMap(([a, b]): [number, number][] => {
      if (hi < a || lo > b) return [[a, b]];
      const out: [number, number][] = [];
      if (lo > a) out.push([a, lo - 1]);
      if (hi < b) out.push([hi + 1, b]);
      return out;
    });
  };
  if (start <= end) cut(start, end);
  cut(gateway, gateway);
  const total = segments.reduce((n, [a, b]) => n + (b - a + 1), 0);
  if (total <= 0) return fallback;
  let k = hash32(url) % total;
  for (const [a, b] of segments) {
    const size = b - a + 1;
    if (k < size) return numberToIp(a + k);
    k -= size;
  }
  return fallback;
}

function normalizeTags(tags: string[] | undefined): string[] {
  if (!tags) return [];
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim();
    if (tag.length === 0) continue;
    if (tag.length > 255) throw invalidParameter('HOST.BAD_TAG', `Host tag "${tag.slice(0, 40)}..." is too long`);
    if (!out.includes(tag)) out.push(tag);
  }
  return out;
}

async function lockZone(trx: Db, dialect: 'sqlite' | 'postgres', zoneId: number): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('zones').select('id').where('id', '=', zoneId).forUpdate().execute();
}

/**
 * A URL names one host within a cluster. CloudStack's Simulator takes the same URL in another
 * cluster (its sample advdualzone.cfg does that), so the rule is per cluster, not per zone.
 */
async function urlTaken(db: Db, clusterId: number, url: string): Promise<boolean> {
  const row = await db
    .selectFrom('hosts')
    .select('id')
    .where('url', '=', url)
    .where('cluster_id', '=', clusterId)
    .where('removed', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

const duplicateUrl = (url: string, cluster: string) =>
  conflict('HOST.DUPLICATE_URL', `A host with url ${url} already exists in cluster ${cluster}`);

/** Hosts (CloudStack's host table, type Routing): add, update, reconnect, maintenance, delete, list. */
export class HostService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  /**
   * addHost: validates everything, connects through the driver (nothing is written when that
   * fails), then writes the host (and a new cluster when a clustername names none) in one
   * transaction. Kept to a handful of queries: the datacenter import calls it per host.
   */
  async add(caller: Caller, input: AddHostInput): Promise<Host> {
    const zone = await requireZone(this.db, input.zoneid, 'zoneid');
    const pod = await requirePod(this.db, input.podid, 'podid');
    checkPodInZone(pod, zone);
    const hypervisor = supportedHypervisor(this.services, input.hypervisor);
    let cluster: ClusterRow | undefined;
    let newClusterName: string | undefined;
    let newClusterType: string | undefined;
    if (input.clusterid !== undefined) {
      cluster = await requireCluster(this.db, input.clusterid, 'clusterid');
    } else if (input.clustername !== undefined) {
      const name = requireName(input.clustername, 'Cluster name');
      cluster = await this.db
        .selectFrom('clusters')
        .selectAll()
        .where('pod_id', '=', pod.id)
        .where('removed', 'is', null)
        .where(equalsIgnoreCase('name', name))
        .executeTakeFirst();
      if (!cluster) {
        newClusterName = name;
        newClusterType = input.clustertype === undefined ? 'CloudManaged' : clusterTypeOf(input.clustertype);
      }
    } else {
      throw invalidParameter('HOST.NO_CLUSTER', 'Either clusterid or clustername is required to add a host');
    }
    if (cluster) {
      if (cluster.pod_id !== pod.id) {
        throw invalidParameter(
          'HOST.CLUSTER_NOT_IN_POD',
          `Cluster ${cluster.name} (id: ${cluster.uuid}) does not belong to pod ${pod.name} (id: ${pod.uuid})`,
        );
      }
      if (cluster.hypervisor_type !== hypervisor) {
        throw invalidParameter(
          'HOST.HYPERVISOR_MISMATCH',
          `Cannot add a ${hypervisor} host to cluster ${cluster.name}: the cluster's hypervisor is ${cluster.hypervisor_type}`,
        );
      }
    }
    const url = input.url.trim();
    if (url.length === 0) throw invalidParameter('HOST.BAD_URL', 'The host url cannot be empty');
    const tags = normalizeTags(input.hosttags);
    if (cluster && (await urlTaken(this.db, cluster.id, url))) throw duplicateUrl(url, cluster.name);

    let found: DiscoveredHost;
    try {
      found = await this.services.hypervisors.get(hypervisor).connect({
        url,
        username: input.username,
        password: input.password,
        zoneId: zone.id,
        podId: pod.id,
        clusterId: cluster?.id ?? 0,
      });
    } catch (error) {
      throw hostFailure(error, `Unable to add host ${url}`);
    }

    const { store } = this.services;
    const now = nowIso();
    const password = input.password ? this.services.secrets.encrypt(input.password) : null;
    const { host, createdCluster } = await store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, zone.id);
      if (cluster && (await urlTaken(trx, cluster.id, url))) throw duplicateUrl(url, cluster.name);
      let createdCluster: ClusterRow | undefined;
      let target = cluster;
      if (!target) {
        createdCluster = await insertCluster(trx, store.dialect, {
          zone,
          pod,
          name: newClusterName as string,
          hypervisor,
          clusterType: newClusterType,
        });
        target = createdCluster;
      }
      const host = await trx
        .insertInto('hosts')
        .values({
          uuid: crypto.randomUUID(),
          name: found.name,
          zone_id: zone.id,
          pod_id: pod.id,
          cluster_id: target.id,
          type: 'Routing',
          hypervisor_type: hypervisor,
          hypervisor_version: found.hypervisorVersion,
          url,
          private_ip: hypervisor === 'Simulator' ? podAddressFor(url, pod, found.privateIp) : found.privateIp,
          username: input.username ?? null,
          password,
          status: 'Up',
          resource_state: input.allocationstate === 'Disabled' ? 'Disabled' : 'Enabled',
          cpu_sockets: found.cpuSockets,
          cpu_number: found.cpuNumber,
          cpu_speed: found.cpuSpeed,
          total_memory: found.totalMemory,
          cpu_allocated: 0,
          memory_allocated: 0,
          cpu_used_percent: 0,
          memory_used: 0,
          capabilities: found.capabilities.join(','),
          arch: found.arch,
          last_ping: now,
          status_changed: now,
          owner_server: this.services.serverId,
          created: now,
          removed: null,
        })
        .returning(HOST_VIEW_COLUMNS)
        .executeTakeFirstOrThrow();
      if (tags.length > 0) {
        await trx
          .insertInto('host_tags')
          .values(tags.map((tag) => ({ host_id: host.id, tag })))
          .execute();
      }
      return { host, createdCluster };
    });
    if (createdCluster) await new ClusterService(this.services).recordCreated(caller, createdCluster, pod);
    await this.services.events.record({
      type: 'HOST.ADD',
      description: `Added ${hypervisor} host ${host.name} (${url}) to cluster ${(cluster ?? createdCluster)?.name ?? ''} (id: ${host.uuid})`,
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
    const c = (cluster ?? createdCluster) as ClusterRow;
    return hostResponse(host, {
      zone,
      pod,
      cluster: c,
      tags: [...tags].sort(),
      config: this.services.config,
    });
  }

  async update(caller: Caller, input: UpdateHostInput): Promise<Host> {
    const host = await requireHost(this.db, input.id, 'id');
    const name = input.name === undefined ? undefined : requireName(input.name, 'Host name');
    const tags = input.hosttags === undefined ? undefined : normalizeTags(input.hosttags);
    let resourceState: HostResourceState | undefined;
    if (input.allocationstate !== undefined) {
      if (host.resource_state !== 'Enabled' && host.resource_state !== 'Disabled') {
        throw invalidParameter(
          'HOST.BAD_STATE',
          `Cannot ${input.allocationstate.toLowerCase()} host ${host.name}: it is in resource state ${host.resource_state}`,
        );
      }
      resourceState = input.allocationstate === 'Enable' ? 'Enabled' : 'Disabled';
    }
    await this.db.transaction().execute(async (trx) => {
      const set = {
        ...(name !== undefined ? { name } : {}),
        ...(resourceState !== undefined ? { resource_state: resourceState } : {}),
      };
      if (Object.keys(set).length > 0) {
        let q = trx.updateTable('hosts').set(set).where('id', '=', host.id).where('removed', 'is', null);
        if (resourceState !== undefined) q = q.where('resource_state', 'in', ['Enabled', 'Disabled']);
        const r = await q.executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) {
          throw invalidParameter('HOST.CHANGED', `Host ${host.name} changed meanwhile; try again`);
        }
      }
      if (tags !== undefined) {
        await trx.deleteFrom('host_tags').where('host_id', '=', host.id).execute();
        if (tags.length > 0) {
          await trx
            .insertInto('host_tags')
            .values(tags.map((tag) => ({ host_id: host.id, tag })))
            .execute();
        }
      }
    });
    await this.services.events.record({
      type: 'HOST.UPDATE',
      description: `Updated host ${name ?? host.name} (id: ${host.uuid})`,
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
    return this.responseOf(host.id);
  }

  /** Checks made before reconnectHost is queued (and again when its job runs). */
  async reconnectTarget(id: string): Promise<HostRow> {
    const host = await requireHost(this.db, id, 'id');
    if (host.resource_state === 'PrepareForMaintenance') {
      throw invalidParameter(
        'HOST.BAD_STATE',
        `Cannot reconnect host ${host.name}: it is being prepared for maintenance`,
      );
    }
    return host;
  }

  /** reconnectHost: Connecting, then the driver's connect: Up, or Disconnected when it fails. */
  async reconnect(caller: Caller, id: string, job?: Progress): Promise<Host> {
    const host = await this.reconnectTarget(id);
    const driver = this.driverOf(host);
    await this.setStatus(host, 'Connecting');
    await job?.report(30, `Connecting to ${host.name}`);
    let found: DiscoveredHost;
    try {
      found = await driver.connect({
        url: host.url,
        hostId: host.id,
        username: host.username ?? undefined,
        password: host.password ? this.services.secrets.decrypt(host.password) : undefined,
        zoneId: host.zone_id,
        podId: host.pod_id,
        clusterId: host.cluster_id,
      });
    } catch (error) {
      await this.setStatus(host, 'Disconnected');
      await this.services.events.record({
        type: 'HOST.RECONNECT',
        level: 'ERROR',
        description: `Failed to reconnect host ${host.name} (id: ${host.uuid})`,
        caller,
        resourceType: 'Host',
        resourceId: host.uuid,
      });
      throw hostFailure(error, `Failed to reconnect host ${host.name}`);
    }
    const now = nowIso();
    await this.db
      .updateTable('hosts')
      .set({
        status: 'Up',
        status_changed: now,
        last_ping: now,
        owner_server: this.services.serverId,
        hypervisor_version: found.hypervisorVersion,
        cpu_sockets: found.cpuSockets,
        cpu_number: found.cpuNumber,
        cpu_speed: found.cpuSpeed,
        total_memory: found.totalMemory,
        capabilities: found.capabilities.join(','),
      })
      .where('id', '=', host.id)
      .where('removed', 'is', null)
      .execute();
    await clearAlerts(this.services, ALERT_TYPES.ALERT_TYPE_HOST, host.uuid);
    this.publishState([host.uuid]);
    await this.services.events.record({
      type: 'HOST.RECONNECT',
      description: `Reconnected host ${host.name} (id: ${host.uuid})`,
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
    return this.responseOf(host.id);
  }

  /** Checks made before prepareHostForMaintenance is queued. */
  async maintenanceTarget(id: string, resumed = false): Promise<HostRow> {
    const host = await requireHost(this.db, id, 'id');
    const allowed = resumed ? [...MAINTAINABLE, 'PrepareForMaintenance'] : MAINTAINABLE;
    if (!allowed.includes(host.resource_state as HostResourceState)) {
      throw invalidParameter(
        'HOST.BAD_STATE',
        host.resource_state === 'Maintenance'
          ? `Host ${host.name} is already in maintenance`
          : `Cannot prepare host ${host.name} for maintenance: it is in resource state ${host.resource_state}`,
      );
    }
    if (host.status !== 'Up' && host.resource_state !== 'PrepareForMaintenance') {
      throw invalidParameter(
        'HOST.NOT_UP',
        `Cannot prepare host ${host.name} for maintenance: it is ${host.status}, not Up. Disable it instead, or reconnect it first.`,
      );
    }
    return host;
  }

  /**
   * prepareHostForMaintenance: PrepareForMaintenance, move the VMs away, the driver's
   * MaintainCommand, then Maintenance; ErrorInMaintenance when a step fails.
   */
  async prepareMaintenance(caller: Caller, id: string, job?: Progress): Promise<Host> {
    const host = await this.maintenanceTarget(id, true);
    const driver = this.driverOf(host);
    if (host.resource_state !== 'PrepareForMaintenance') {
      const r = await this.db
        .updateTable('hosts')
        .set({ resource_state: 'PrepareForMaintenance' })
        .where('id', '=', host.id)
        .where('resource_state', '=', host.resource_state)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw invalidParameter('HOST.CHANGED', `Host ${host.name} changed meanwhile; try again`);
      }
      this.publishState([host.uuid]);
    }
    await job?.report(10, `Preparing ${host.name} for maintenance`);
    try {
      // Live-migrate every VM off the host. No VMs exist in this build yet: the loop joins with the
      // VM work (each migration an idempotent step that first checks where the VM runs).
      const vmsToMigrate: string[] = [];
      for (const [i, vm] of vmsToMigrate.entries()) {
        await job?.report(10 + Math.round((70 * (i + 1)) / vmsToMigrate.length), `Migrated ${vm}`);
      }
      await job?.report(80, `Sending MaintainCommand to ${host.name}`);
      await driver.prepareMaintenance(hostTarget(host));
    } catch (error) {
      await this.setResourceState(host, 'ErrorInMaintenance');
      await this.services.events.record({
        type: 'MAINT.PREPARE',
        level: 'ERROR',
        description: `Failed to prepare host ${host.name} for maintenance (id: ${host.uuid})`,
        caller,
        resourceType: 'Host',
        resourceId: host.uuid,
      });
      throw hostFailure(error, `Failed to prepare host ${host.name} for maintenance`);
    }
    await this.setResourceState(host, 'Maintenance');
    await this.services.events.record({
      type: 'MAINT.PREPARE',
      description: `Host ${host.name} is in maintenance (id: ${host.uuid})`,
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
    return this.responseOf(host.id);
  }

  /** Checks made before cancelHostMaintenance is queued. */
  async cancelMaintenanceTarget(id: string): Promise<HostRow> {
    const host = await requireHost(this.db, id, 'id');
    if (!IN_MAINTENANCE.includes(host.resource_state as HostResourceState)) {
      throw invalidParameter(
        'HOST.BAD_STATE',
        `Host ${host.name} is not in maintenance: it is in resource state ${host.resource_state}`,
      );
    }
    return host;
  }

  /** cancelHostMaintenance: back to Enabled, with a heartbeat so the host is not judged on an old one. */
  async cancelMaintenance(caller: Caller, id: string, job?: Progress): Promise<Host> {
    const host = await requireHost(this.db, id, 'id');
    if (host.resource_state !== 'Enabled') await this.cancelMaintenanceTarget(id);
    await this.setResourceState(host, 'Enabled');
    await job?.report(50, `Checking ${host.name}`);
    const driver = driverFor(this.services, host.hypervisor_type);
    if (driver) {
      try {
        await driver.ping(hostTarget(host));
        const now = nowIso();
        await this.db.updateTable('hosts').set({ last_ping: now }).where('id', '=', host.id).execute();
        if (RECOVERABLE_STATUSES.includes(host.status as HostStatus)) {
          await this.setStatus(host, 'Up');
          await clearAlerts(this.services, ALERT_TYPES.ALERT_TYPE_HOST, host.uuid);
        }
      } catch (error) {
        if (!(error instanceof HostOperationError)) throw error;
        // The host does not answer: the host monitor takes it from here.
      }
    }
    await this.services.events.record({
      type: 'MAINT.CANCEL',
      description: `Cancelled maintenance of host ${host.name} (id: ${host.uuid})`,
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
    return this.responseOf(host.id);
  }

  /** deleteHost: from Maintenance or Disabled (or anything with forced=true). */
  async delete(caller: Caller, input: DeleteHostInput): Promise<void> {
    const host = await requireHost(this.db, input.id, 'id');
    if (!input.forced && !DELETABLE.includes(host.resource_state as HostResourceState)) {
      throw invalidParameter(
        'HOST.BAD_STATE',
        `Host ${host.name} cannot be deleted as it is in resource state ${host.resource_state}. Put it into maintenance or disable it first, or delete it with forced=true.`,
      );
    }
    // VMs on the host would be refused here (or, forced, stopped): none exist in this build yet.
    const driver = driverFor(this.services, host.hypervisor_type);
    if (driver) {
      try {
        await driver.forget(hostTarget(host));
      } catch (error) {
        if (!(error instanceof HostOperationError)) throw error;
      }
    }
    await this.db.transaction().execute(async (trx) => {
      const r = await trx
        .updateTable('hosts')
        .set({ removed: nowIso() })
        .where('id', '=', host.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) {
        throw invalidParameter('HOST.NOT_FOUND', `Unable to find host by id ${host.uuid}`);
      }
      await trx.deleteFrom('host_tags').where('host_id', '=', host.id).execute();
    });
    await clearAlerts(this.services, ALERT_TYPES.ALERT_TYPE_HOST, host.uuid);
    await this.services.events.record({
      type: 'HOST.DELETE',
      description: `Deleted host ${host.name} (id: ${host.uuid})`,
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
  }

  /**
   * listHosts: the page of ids comes from the hosts table alone (indexed filters, primary-key
   * order), then only that page is joined with names, cluster ratios and tags.
   */
  async list(input: ListHostsInput): Promise<{ items: Host[]; count: number }> {
    const zoneId = input.zoneid !== undefined ? (await requireZone(this.db, input.zoneid, 'zoneid')).id : undefined;
    const podId = input.podid !== undefined ? (await requirePod(this.db, input.podid, 'podid')).id : undefined;
    const clusterId =
      input.clusterid !== undefined ? (await requireCluster(this.db, input.clusterid, 'clusterid')).id : undefined;
    const hypervisor = input.hypervisor !== undefined ? (canonicalHypervisor(input.hypervisor) ?? '') : undefined;
    const keyword = keywordPattern(input.keyword);
    const tags = normalizeTags(input.hosttags);
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
      if (hypervisor !== undefined) q = q.where('hypervisor_type', '=', hypervisor);
      if (keyword !== undefined) q = q.where(ilike('name', keyword));
      for (const tag of tags) {
        q = q.where('id', 'in', (eb) => eb.selectFrom('host_tags').select('host_tags.host_id').where('tag', '=', tag));
      }
      return q;
    };
    const { ids, count } = await pageOfIds(filtered, pageWindow(input, this.services.config));
    if (ids.length === 0) return { items: [], count };
    return { items: await this.responses(ids), count };
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
    const zones = await namesById(
      this.db,
      'zones',
      rows.map((r) => r.zone_id),
    );
    const pods = await namesById(
      this.db,
      'pods',
      rows.map((r) => r.pod_id),
    );
    const clusterIds = [...new Set(rows.map((r) => r.cluster_id))];
    const clusters = new Map(
      (
        await this.db
          .selectFrom('clusters')
          .select(['id', 'uuid', 'name', 'cluster_type', 'cpu_overcommit_ratio', 'memory_overcommit_ratio'])
          .where('id', 'in', clusterIds)
          .execute()
      ).map((c) => [c.id, c]),
    );
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

  async responseOf(id: number): Promise<Host> {
    const [host] = await this.responses([id]);
    if (!host) throw notFound('HOST.NOT_FOUND', `Unable to find host by id ${id}`);
    return host;
  }

  private driverOf(host: HostRow): HypervisorDriver {
    const driver = driverFor(this.services, host.hypervisor_type);
    if (!driver) {
      throw invalidParameter(
        'HYPERVISOR.UNSUPPORTED',
        `Host ${host.name} runs ${host.hypervisor_type}, which this build does not support yet`,
      );
    }
    return driver;
  }

  private async setStatus(host: HostRow, status: HostStatus): Promise<void> {
    await this.db
      .updateTable('hosts')
      .set({ status, status_changed: nowIso() })
      .where('id', '=', host.id)
      .where('removed', 'is', null)
      .execute();
    this.publishState([host.uuid]);
  }

  private async setResourceState(host: HostRow, state: HostResourceState): Promise<void> {
    await this.db
      .updateTable('hosts')
      .set({ resource_state: state })
      .where('id', '=', host.id)
      .where('removed', 'is', null)
      .execute();
    this.publishState([host.uuid]);
  }

  private publishState(ids: string[]): void {
    this.services.events.publish({
      kind: 'resource',
      scope: { accountId: null, domainId: null },
      resource: { type: 'Host', ids, change: 'state' },
    });
  }
}

/** A value as stored when it matches one of `values` ignoring case; else as given (it then matches nothing). */
function canonical(values: readonly string[], text: string): string {
  return values.find((v) => v.toLowerCase() === text.trim().toLowerCase()) ?? text;
}

function clusterTypeOf(text: string): string {
  const hit = CLUSTER_TYPES.find((t) => t.toLowerCase() === text.trim().toLowerCase());
  if (!hit)
    throw invalidParameter(
      'CLUSTER.INVALID',
      `Invalid cluster type "${text}"; valid values: ${CLUSTER_TYPES.join(', ')}`,
    );
  return hit;
}
