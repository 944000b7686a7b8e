import crypto from 'node:crypto';
import { message, type ServerMessage } from '../../domain/messages';
import type { Kysely } from 'kysely';
import { conflict, inUse, invalidParameter } from '../../domain/errors';
import { allocationEventType } from '../../domain/event-types';
import {
  type AllocationState,
  canonicalHypervisor,
  CLUSTER_ARCHES,
  CLUSTER_TYPES,
  type Hypervisor,
  MANAGED_STATES,
} from '../../domain/infrastructure';
import {
  type AddClusterInput,
  type Cluster,
  type CLUSTER_SORT_KEYS,
  type DeleteClusterInput,
  type ListClustersInput,
  type UpdateClusterInput,
} from '../../api/schemas/clusters';
import { allocationChange, INITIAL_ALLOCATION_STATE } from '../../domain/state-machines/allocation-state';
import { nowIso } from '../../domain/time';
import { equalsIgnoreCase, ilike } from '../../db/query-helpers';
import { BY_ID, inPageOrder, pageOfIds } from '../../db/list-page';
import type { ClusterRow, Database, PodRow, ZoneRow } from '../../db/schema';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { listOrder, pageWindow } from '../paging';

/** The clusters column behind each listClusters sort key. */
const CLUSTER_SORT_COLUMNS: Record<(typeof CLUSTER_SORT_KEYS)[number], string> = {
  name: 'name',
  hypervisor: 'hypervisor_type',
  allocationstate: 'allocation_state',
  clustertype: 'cluster_type',
  managedstate: 'managed_state',
  created: 'created',
};

import { keywordPattern } from '../tenancy/shared';
import { checkName } from '../../domain/names';
import { clusterResponse } from './cluster-host-responses';
import { namesById, requireCluster, requirePod, requireZone } from './lookups';

type Db = Kysely<Database>;

const bad = (text: ServerMessage) => invalidParameter('CLUSTER.INVALID', text);

type PickKey = 'error.cluster.badType' | 'error.cluster.badArch' | 'error.cluster.badManagedState';

function pick<T extends string>(values: readonly T[], value: string, what: PickKey): T {
  const hit = values.find((v) => v.toLowerCase() === value.trim().toLowerCase());
  if (!hit) throw bad(message(what, { value, values: values.join(', ') }));
  return hit;
}

function ratio(value: number | undefined, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isFinite(value) || value < 1 || value > 100) {
    throw bad(message('error.cluster.badRatio', { param: what, value: String(value) }));
  }
  return value;
}

/** The pod must belong to the zone given. */
export function checkPodInZone(pod: PodRow, zone: ZoneRow): void {
  if (pod.zone_id !== zone.id) {
    throw invalidParameter(
      'POD.NOT_IN_ZONE',
      message('error.pod.notInZone', { pod: pod.name, podId: pod.uuid, zone: zone.name, zoneId: zone.uuid }),
    );
  }
}

async function nameTaken(db: Db, podId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('clusters')
    .select('id')
    .where('pod_id', '=', podId)
    .where('removed', 'is', null)
    .where(equalsIgnoreCase('name', name));
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

async function lockPod(trx: Db, dialect: 'sqlite' | 'postgres', podId: number): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('pods').select('id').where('id', '=', podId).forUpdate().execute();
}

export interface NewClusterValues {
  zone: ZoneRow;
  pod: PodRow;
  name: string;
  hypervisor: Hypervisor;
  clusterType?: string;
  allocationState?: AllocationState;
  arch?: string;
}

/**
 * Inserts a cluster inside the caller's transaction (addCluster, and addHost with a clustername
 * that does not exist yet). New clusters start Enabled unless told otherwise, as CloudStack's do.
 */
export async function insertCluster(trx: Db, dialect: 'sqlite' | 'postgres', v: NewClusterValues): Promise<ClusterRow> {
  await lockPod(trx, dialect, v.pod.id);
  if (await nameTaken(trx, v.pod.id, v.name)) {
    throw conflict('CLUSTER.NAME_TAKEN', message('error.cluster.nameTaken', { name: v.name, pod: v.pod.name }));
  }
  return trx
    .insertInto('clusters')
    .values({
      uuid: crypto.randomUUID(),
      zone_id: v.zone.id,
      pod_id: v.pod.id,
      name: v.name,
      hypervisor_type: v.hypervisor,
      cluster_type: v.clusterType ?? 'CloudManaged',
      allocation_state: v.allocationState ?? INITIAL_ALLOCATION_STATE.Cluster,
      managed_state: 'Managed',
      arch: v.arch ?? 'x86_64',
      // Superseded by the cluster-scoped overprovisioning factors (migration 0013).
      cpu_overcommit_ratio: 1,
      memory_overcommit_ratio: 1,
      created: nowIso(),
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Clusters (CloudStack's cluster): hosts of one hypervisor in a pod, sharing primary storage. */
export class ClusterService {
  constructor(private readonly services: CoreServices) {}

  private get db() {
    return this.services.store.db;
  }

  async add(caller: Caller, input: AddClusterInput): Promise<Cluster> {
    const zone = await requireZone(this.db, input.zoneid, 'zoneid');
    const pod = await requirePod(this.db, input.podid, 'podid');
    checkPodInZone(pod, zone);
    const name = checkName(input.clustername, 'Cluster name');
    const hypervisor = this.services.hypervisors.resolve(input.hypervisor);
    const clusterType =
      input.clustertype === undefined
        ? 'CloudManaged'
        : pick(CLUSTER_TYPES, input.clustertype, 'error.cluster.badType');
    const arch = input.arch === undefined ? 'x86_64' : pick(CLUSTER_ARCHES, input.arch, 'error.cluster.badArch');
    const cpu = ratio(input.cpuovercommitratio, 'cpuovercommitratio');
    const memory = ratio(input.memoryovercommitratio, 'memoryovercommitratio');
    const { store } = this.services;
    const cluster = await store.db.transaction().execute((trx) =>
      insertCluster(trx, store.dialect, {
        zone,
        pod,
        name,
        hypervisor,
        clusterType,
        allocationState: input.allocationstate,
        arch,
      }),
    );
    await this.setRatios(cluster, cpu, memory);
    await this.recordCreated(caller, cluster, pod);
    return clusterResponse(cluster, zone, pod, this.services.config);
  }

  /**
   * cpuovercommitratio and memoryovercommitratio are the cluster's values of
   * cpu.overprovisioning.factor and mem.overprovisioning.factor (CloudStack's cluster details).
   */
  private async setRatios(cluster: ClusterRow, cpu: number | undefined, memory: number | undefined): Promise<void> {
    const target = {
      scope: 'cluster' as const,
      resourceId: cluster.id,
      chain: { clusterId: cluster.id, zoneId: cluster.zone_id },
    };
    if (cpu !== undefined) await this.services.config.update('cpu.overprovisioning.factor', String(cpu), target);
    if (memory !== undefined) await this.services.config.update('mem.overprovisioning.factor', String(memory), target);
  }

  async recordCreated(caller: Caller, cluster: ClusterRow, pod: Pick<PodRow, 'name'>): Promise<void> {
    await this.services.events.record({
      type: 'CLUSTER.CREATE',
      message: message('event.cluster.created', {
        hypervisor: cluster.hypervisor_type,
        name: cluster.name,
        pod: pod.name,
        id: cluster.uuid,
      }),
      caller,
      resourceType: 'Cluster',
      resourceId: cluster.uuid,
    });
  }

  async update(caller: Caller, input: UpdateClusterInput): Promise<Cluster> {
    const cluster = await requireCluster(this.db, input.id, 'id');
    const name = input.clustername === undefined ? undefined : checkName(input.clustername, 'Cluster name');
    const managedState =
      input.managedstate === undefined
        ? undefined
        : pick(MANAGED_STATES, input.managedstate, 'error.cluster.badManagedState');
    const cpu = ratio(input.cpuovercommitratio, 'cpuovercommitratio');
    const memory = ratio(input.memoryovercommitratio, 'memoryovercommitratio');
    const { store } = this.services;
    const updated = await store.db.transaction().execute(async (trx) => {
      if (name !== undefined && name !== cluster.name) {
        await lockPod(trx, store.dialect, cluster.pod_id);
        if (await nameTaken(trx, cluster.pod_id, name, cluster.id)) {
          throw conflict('CLUSTER.NAME_TAKEN', message('error.cluster.nameTakenInPod', { name }));
        }
      }
      const changes = {
        ...(name !== undefined ? { name } : {}),
        ...(input.allocationstate !== undefined
          ? {
              allocation_state: allocationChange(cluster.allocation_state, input.allocationstate, {
                kind: 'Cluster',
                name: cluster.name,
              }),
            }
          : {}),
        ...(managedState !== undefined ? { managed_state: managedState } : {}),
      };
      // Nothing to change answers the cluster as it is, as CloudStack does.
      if (Object.keys(changes).length === 0) return cluster;
      const row = await trx
        .updateTable('clusters')
        .set(changes)
        .where('id', '=', cluster.id)
        .where('removed', 'is', null)
        .returningAll()
        .executeTakeFirst();
      if (!row)
        throw invalidParameter(
          'CLUSTER.NOT_FOUND',
          message('error.notFound', { resource: 'cluster', id: cluster.uuid }),
        );
      return row;
    });
    await this.setRatios(updated, cpu, memory);
    const allocation = input.allocationstate;
    await this.services.events.record({
      type: allocation === undefined ? 'CLUSTER.UPDATE' : allocationEventType('CLUSTER', allocation === 'Enabled'),
      message: message(
        allocation === undefined
          ? 'event.cluster.updated'
          : allocation === 'Enabled'
            ? 'event.cluster.enabled'
            : 'event.cluster.disabled',
        { name: updated.name, id: updated.uuid },
      ),
      caller,
      resourceType: 'Cluster',
      resourceId: updated.uuid,
    });
    return this.response(updated);
  }

  async delete(caller: Caller, input: DeleteClusterInput): Promise<void> {
    const cluster = await requireCluster(this.db, input.id, 'id');
    const { store } = this.services;
    await store.db.transaction().execute(async (trx) => {
      await lockPod(trx, store.dialect, cluster.pod_id);
      const live = async (table: 'hosts' | 'storage_pools') =>
        (await trx
          .selectFrom(table)
          .select('id')
          .where('cluster_id', '=', cluster.id)
          .where('removed', 'is', null)
          .executeTakeFirst()) !== undefined;
      if (await live('hosts')) {
        throw inUse('CLUSTER.IN_USE', message('error.cluster.hasHosts', { name: cluster.name }));
      }
      if (await live('storage_pools')) {
        throw inUse('CLUSTER.IN_USE', message('error.cluster.hasStoragePools', { name: cluster.name }));
      }
      const n = await trx
        .updateTable('clusters')
        .set({ removed: nowIso() })
        .where('id', '=', cluster.id)
        .where('removed', 'is', null)
        .executeTakeFirst();
      if (Number(n.numUpdatedRows) === 0) {
        throw invalidParameter(
          'CLUSTER.NOT_FOUND',
          message('error.notFound', { resource: 'cluster', id: cluster.uuid }),
        );
      }
    });
    await this.services.events.record({
      type: 'CLUSTER.DELETE',
      message: message('event.cluster.deleted', { name: cluster.name, id: cluster.uuid }),
      caller,
      resourceType: 'Cluster',
      resourceId: cluster.uuid,
    });
  }

  async list(input: ListClustersInput): Promise<{ items: Cluster[]; count: number }> {
    const zoneId = input.zoneid !== undefined ? (await requireZone(this.db, input.zoneid, 'zoneid')).id : undefined;
    const podId = input.podid !== undefined ? (await requirePod(this.db, input.podid, 'podid')).id : undefined;
    const hypervisor = input.hypervisor !== undefined ? (canonicalHypervisor(input.hypervisor) ?? '') : undefined;
    const clusterType =
      input.clustertype !== undefined ? pick(CLUSTER_TYPES, input.clustertype, 'error.cluster.badType') : undefined;
    const managedState =
      input.managedstate !== undefined
        ? pick(MANAGED_STATES, input.managedstate, 'error.cluster.badManagedState')
        : undefined;
    const keyword = keywordPattern(input.keyword);
    const filtered = () => {
      let q = this.db.selectFrom('clusters').where('removed', 'is', null);
      if (input.id !== undefined) q = q.where('uuid', '=', input.id);
      if (input.name !== undefined) q = q.where(equalsIgnoreCase('name', input.name));
      if (zoneId !== undefined) q = q.where('zone_id', '=', zoneId);
      if (podId !== undefined) q = q.where('pod_id', '=', podId);
      if (hypervisor !== undefined) q = q.where('hypervisor_type', '=', hypervisor);
      if (clusterType !== undefined) q = q.where('cluster_type', '=', clusterType);
      if (input.allocationstate !== undefined) q = q.where('allocation_state', '=', input.allocationstate);
      if (managedState !== undefined) q = q.where('managed_state', '=', managedState);
      if (keyword !== undefined) q = q.where(ilike('name', keyword));
      return q;
    };
    const window = pageWindow(input, this.services.config);
    const order = listOrder(input, CLUSTER_SORT_COLUMNS, BY_ID);
    const { ids, count } = await pageOfIds(this.db, filtered, window, order);
    if (ids.length === 0) return { items: [], count };
    const rows = await this.db.selectFrom('clusters').selectAll().where('id', 'in', ids).execute();
    return { items: await this.responses(inPageOrder(rows, ids)), count };
  }

  /** CloudStack's cluster response for one row. */
  private async response(row: ClusterRow): Promise<Cluster> {
    const [zones, pods] = await Promise.all([
      namesById(this.db, 'zones', [row.zone_id]),
      namesById(this.db, 'pods', [row.pod_id]),
    ]);
    return clusterResponse(row, zones.get(row.zone_id), pods.get(row.pod_id), this.services.config);
  }

  /** CloudStack's cluster response for each row, in order. */
  async responses(rows: ClusterRow[]): Promise<Cluster[]> {
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
    return rows.map((r) => clusterResponse(r, zones.get(r.zone_id), pods.get(r.pod_id), this.services.config));
  }
}
