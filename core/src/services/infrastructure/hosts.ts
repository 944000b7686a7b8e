import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import type { Kysely } from 'kysely';
import type { AddHostInput, DeleteHostInput, Host, UpdateHostInput } from '../../api/schemas/hosts';
import { invalidParameter } from '../../domain/errors';
import { allocationEventType } from '../../domain/event-types';
import { ALERT_TYPES, CLUSTER_TYPES, type Hypervisor } from '../../domain/infrastructure';
import { hostResourceState, hostStatus } from '../../domain/state-machines/index';
import { nowIso } from '../../domain/time';
import { equalsIgnoreCase } from '../../db/query-helpers';
import type { ClusterRow, Database, PodRow, ZoneRow } from '../../db/schema';
import { HostOperationError, type DiscoveredHost } from '../../drivers/hypervisor/types';
import { clearAlerts } from '../alerts';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { checkName } from '../../domain/names';
import { HOST_VIEW_COLUMNS, hostResponse } from './cluster-host-responses';
import { checkPodInZone, ClusterService, insertCluster } from './clusters';
import { HostQueries } from './host-queries';
import { driverFor, duplicateUrl, hostFailure, hostTarget, normalizeTags, urlTaken } from './host-support';
import { requireCluster, requireHost, requirePod, requireZone } from './lookups';

type Db = Kysely<Database>;

/** Where addHost puts a host: an existing cluster, or a new one named by clustername. */
type Placement = { cluster: ClusterRow } | { newCluster: { name: string; type: string } };

/**
 * The first of `candidates` no live host of the zone has (one indexed lookup each); the last
 * candidate when all are taken (a Simulator pod with no room left falls back to the address the
 * host reported).
 */
async function firstFreeAddress(trx: Db, zoneId: number, candidates: Iterable<string>): Promise<string> {
  let last: string | undefined;
  for (const ip of candidates) {
    last = ip;
    const taken = await trx
      .selectFrom('hosts')
      .select('id')
      .where('private_ip', '=', ip)
      .where('zone_id', '=', zoneId)
      .where('removed', 'is', null)
      .executeTakeFirst();
    if (!taken) return ip;
  }
  if (last === undefined) throw new Error('the hypervisor driver offered no management address');
  return last;
}

/** The event message of updateHost: enabled or disabled (saying when more changed too), or updated. */
function hostUpdateKey(event: 'Enable' | 'Disable' | undefined, more: boolean) {
  if (event === undefined) return 'event.host.updated' as const;
  if (event === 'Enable') return more ? ('event.host.enabledWithChanges' as const) : ('event.host.enabled' as const);
  return more ? ('event.host.disabledWithChanges' as const) : ('event.host.disabled' as const);
}

async function lockZone(trx: Db, dialect: 'sqlite' | 'postgres', zoneId: number): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('zones').select('id').where('id', '=', zoneId).forUpdate().execute();
}

function clusterTypeOf(text: string): string {
  const hit = CLUSTER_TYPES.find((t) => t.toLowerCase() === text.trim().toLowerCase());
  if (!hit)
    throw invalidParameter(
      'CLUSTER.INVALID',
      message('error.cluster.badType', { value: text, values: CLUSTER_TYPES.join(', ') }),
    );
  return hit;
}

/** Hosts (CloudStack's host table, type Routing): add, update and delete. */
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
    const hypervisor = this.services.hypervisors.resolve(input.hypervisor);
    const placement = await this.placement(input, pod, hypervisor);
    const existing = 'cluster' in placement ? placement.cluster : undefined;
    const url = input.url.trim();
    if (url.length === 0) throw invalidParameter('HOST.BAD_URL', message('error.host.emptyUrl', {}));
    const tags = normalizeTags(input.hosttags);
    if (existing && (await urlTaken(this.db, existing.id, url))) throw duplicateUrl(url, existing.name);
    const driver = this.services.hypervisors.get(hypervisor);
    let found: DiscoveredHost;
    try {
      driver.validateHostUrl(url);
      found = await driver.connect({
        url,
        username: input.username,
        password: input.password,
        zoneId: zone.id,
        podId: pod.id,
        clusterId: existing?.id ?? 0,
      });
    } catch (error) {
      throw hostFailure(error, (reason) => message('error.host.addFailed', { url, reason }));
    }
    const addresses = driver.managementAddresses({
      url,
      discovered: found,
      pod: { cidr: pod.cidr, gateway: pod.gateway, reservedStart: pod.start_ip, reservedEnd: pod.end_ip },
    });
    const { host, cluster, created } = await this.insert({
      input,
      zone,
      pod,
      placement,
      hypervisor,
      url,
      addresses,
      found,
      tags,
    });
    if (created) await new ClusterService(this.services).recordCreated(caller, cluster, pod);
    await this.services.events.record({
      type: 'HOST.ADD',
      message: message('event.host.added', { hypervisor, name: host.name, url, cluster: cluster.name, id: host.uuid }),
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
    return hostResponse(host, { zone, pod, cluster, tags: [...tags].sort(), config: this.services.config });
  }

  /** The cluster a new host joins: by id, by name in its pod, or a new one of that name. */
  private async placement(input: AddHostInput, pod: PodRow, hypervisor: Hypervisor): Promise<Placement> {
    let cluster: ClusterRow | undefined;
    if (input.clusterid !== undefined) {
      cluster = await requireCluster(this.db, input.clusterid, 'clusterid');
    } else if (input.clustername !== undefined) {
      const name = checkName(input.clustername, 'Cluster name');
      cluster = await this.db
        .selectFrom('clusters')
        .selectAll()
        .where('pod_id', '=', pod.id)
        .where('removed', 'is', null)
        .where(equalsIgnoreCase('name', name))
        .executeTakeFirst();
      if (!cluster) {
        const type = input.clustertype === undefined ? 'CloudManaged' : clusterTypeOf(input.clustertype);
        return { newCluster: { name, type } };
      }
    } else {
      throw invalidParameter('HOST.NO_CLUSTER', message('error.host.noCluster', {}));
    }
    if (cluster.pod_id !== pod.id) {
      throw invalidParameter(
        'HOST.CLUSTER_NOT_IN_POD',
        message('error.host.clusterNotInPod', {
          cluster: cluster.name,
          clusterId: cluster.uuid,
          pod: pod.name,
          podId: pod.uuid,
        }),
      );
    }
    if (cluster.hypervisor_type !== hypervisor) {
      throw invalidParameter(
        'HOST.HYPERVISOR_MISMATCH',
        message('error.host.hypervisorMismatch', {
          hostHypervisor: hypervisor,
          cluster: cluster.name,
          hypervisor: cluster.hypervisor_type,
        }),
      );
    }
    return { cluster };
  }

  /** Writes the host, its tags and (for a new clustername) its cluster in one transaction. */
  private async insert(a: {
    input: AddHostInput;
    zone: ZoneRow;
    pod: PodRow;
    placement: Placement;
    hypervisor: Hypervisor;
    url: string;
    addresses: Iterable<string>;
    found: DiscoveredHost;
    tags: string[];
  }) {
    const { store } = this.services;
    const now = nowIso();
    const password = a.input.password ? this.services.secrets.encrypt(a.input.password) : null;
    return store.db.transaction().execute(async (trx) => {
      await lockZone(trx, store.dialect, a.zone.id);
      const created =
        'newCluster' in a.placement
          ? await insertCluster(trx, store.dialect, {
              zone: a.zone,
              pod: a.pod,
              name: a.placement.newCluster.name,
              hypervisor: a.hypervisor,
              clusterType: a.placement.newCluster.type,
            })
          : undefined;
      const cluster = 'cluster' in a.placement ? a.placement.cluster : (created as ClusterRow);
      if (!created && (await urlTaken(trx, cluster.id, a.url))) throw duplicateUrl(a.url, cluster.name);
      // Under the zone's lock, so two hosts added at once cannot take the same address.
      const address = await firstFreeAddress(trx, a.zone.id, a.addresses);
      const host = await trx
        .insertInto('hosts')
        .values({
          uuid: crypto.randomUUID(),
          name: a.found.name,
          zone_id: a.zone.id,
          pod_id: a.pod.id,
          cluster_id: cluster.id,
          type: 'Routing',
          hypervisor_type: a.hypervisor,
          hypervisor_version: a.found.hypervisorVersion,
          url: a.url,
          private_ip: address,
          username: a.input.username ?? null,
          password,
          status: hostStatus.next('Creating', 'Connected', { kind: 'Host', name: a.found.name }),
          resource_state: a.input.allocationstate === 'Disabled' ? 'Disabled' : 'Enabled',
          cpu_sockets: a.found.cpuSockets,
          cpu_number: a.found.cpuNumber,
          cpu_speed: a.found.cpuSpeed,
          total_memory: a.found.totalMemory,
          cpu_allocated: 0,
          memory_allocated: 0,
          cpu_used_percent: 0,
          memory_used: 0,
          capabilities: a.found.capabilities.join(','),
          arch: a.found.arch,
          last_ping: now,
          status_changed: now,
          owner_server: this.services.serverId,
          created: now,
          removed: null,
        })
        .returning(HOST_VIEW_COLUMNS)
        .executeTakeFirstOrThrow();
      if (a.tags.length > 0) {
        await trx
          .insertInto('host_tags')
          .values(a.tags.map((tag) => ({ host_id: host.id, tag })))
          .execute();
      }
      return { host, cluster, created: created !== undefined };
    });
  }

  async update(caller: Caller, input: UpdateHostInput): Promise<Host> {
    const host = await requireHost(this.db, input.id, 'id');
    const name = input.name === undefined ? undefined : checkName(input.name, 'Host name');
    const tags = input.hosttags === undefined ? undefined : normalizeTags(input.hosttags);
    const event = input.allocationstate;
    if (event !== undefined && !hostResourceState.can(host.resource_state, event)) {
      throw invalidParameter(
        'HOST.BAD_STATE',
        message(event === 'Enable' ? 'error.host.cannotEnable' : 'error.host.cannotDisable', {
          name: host.name,
          state: host.resource_state,
        }),
      );
    }
    const resourceState =
      event === undefined
        ? undefined
        : hostResourceState.next(host.resource_state, event, { kind: 'Host', name: host.name });
    await this.db.transaction().execute(async (trx) => {
      const set = {
        ...(name !== undefined ? { name } : {}),
        ...(resourceState !== undefined ? { resource_state: resourceState } : {}),
      };
      if (Object.keys(set).length > 0) {
        let q = trx.updateTable('hosts').set(set).where('id', '=', host.id).where('removed', 'is', null);
        if (event !== undefined) q = q.where('resource_state', 'in', hostResourceState.sources(event));
        const r = await q.executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) {
          throw invalidParameter('HOST.CHANGED', message('error.host.changed', { name: host.name }));
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
      type: event === undefined ? 'HOST.UPDATE' : allocationEventType('HOST', event === 'Enable'),
      message: message(hostUpdateKey(event, name !== undefined || tags !== undefined), {
        name: name ?? host.name,
        id: host.uuid,
      }),
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
    return new HostQueries(this.services).responseOf(host.id);
  }

  /** deleteHost: from Maintenance or Disabled (or anything with forced=true). */
  async delete(caller: Caller, input: DeleteHostInput): Promise<void> {
    const host = await requireHost(this.db, input.id, 'id');
    if (!input.forced && !hostResourceState.can(host.resource_state, 'Delete')) {
      throw invalidParameter(
        'HOST.BAD_STATE',
        message('error.host.deleteBadState', { name: host.name, state: host.resource_state }),
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
        throw invalidParameter('HOST.NOT_FOUND', message('error.notFound', { resource: 'host', id: host.uuid }));
      }
      await trx.deleteFrom('host_tags').where('host_id', '=', host.id).execute();
    });
    await clearAlerts(this.services, ALERT_TYPES.ALERT_TYPE_HOST, host.uuid);
    await this.services.events.record({
      type: 'HOST.DELETE',
      message: message('event.host.deleted', { name: host.name, id: host.uuid }),
      caller,
      resourceType: 'Host',
      resourceId: host.uuid,
    });
  }
}
