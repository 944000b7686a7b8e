import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { capacityTypeName } from '../../domain/infrastructure';
import { compact } from '../../api/schemas/fields';
import type { Capacity, CapacityHistory, ListCapacityInput } from '../../api/schemas/capacity';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { requireCluster, requirePod, requireZone } from '../infrastructure/lookups';
import { computeCapacity, percentOf, percentText, type CapacityFigure, type CapacitySnapshot } from './calculate';
import { listCapacityHistory, type CapacityHistoryQuery } from './history';

/** CloudStack's CapacityResponse for one figure. */
export function capacityResponse(snapshot: CapacitySnapshot, f: CapacityFigure): Capacity {
  const zone = snapshot.zones.get(f.zoneId);
  const pod = f.podId === null ? undefined : snapshot.pods.get(f.podId);
  const cluster = f.clusterId === null ? undefined : snapshot.clusters.get(f.clusterId);
  return compact({
    type: f.type,
    name: capacityTypeName(f.type),
    zoneid: zone?.uuid,
    zonename: zone?.name,
    podid: pod?.uuid,
    podname: pod?.name,
    clusterid: cluster?.uuid,
    clustername: cluster?.name,
    capacitytotal: f.total,
    capacityused: f.used,
    capacityallocated: f.allocated,
    percentused: percentText(f.used, f.total),
  });
}

/**
 * listCapacity: figures computed live from the inventory (fetchlatest is accepted; every call is
 * the latest). Without zoneid, podid or clusterid it answers one row per type per zone, as
 * CloudStack groups; zoneid keeps that zone's rows; podid answers the pod's rows and clusterid the
 * cluster's. Rows are ordered by zone name, then type, or with sortby=usage by percentused
 * (highest first).
 */
export async function listCapacity(
  services: CoreServices,
  input: ListCapacityInput,
): Promise<{ items: Capacity[]; count: number }> {
  const { db } = services.store;
  const usage = input.sortby !== undefined;
  if (usage && input.sortby?.toLowerCase() !== 'usage') {
    throw invalidParameter('CAPACITY.SORT_BY', message('error.capacity.sortBy', {}));
  }
  const zone = input.zoneid ? await requireZone(db, input.zoneid, 'zoneid') : undefined;
  const pod = input.podid ? await requirePod(db, input.podid, 'podid') : undefined;
  const cluster = input.clusterid ? await requireCluster(db, input.clusterid, 'clusterid') : undefined;
  const zoneId = cluster?.zone_id ?? pod?.zone_id ?? zone?.id;
  const page = pageWindow(input, services.config);
  if ((zone && pod && pod.zone_id !== zone.id) || (zone && cluster && cluster.zone_id !== zone.id)) {
    return { items: [], count: 0 };
  }
  if (pod && cluster && cluster.pod_id !== pod.id) return { items: [], count: 0 };
  const snapshot = await computeCapacity(services, { zoneId });
  const level = cluster ? 'cluster' : pod ? 'pod' : 'zone';
  let figures = snapshot.figures.filter((f) => f.level === level);
  if (cluster) figures = figures.filter((f) => f.clusterId === cluster.id);
  else if (pod) figures = figures.filter((f) => f.podId === pod.id);
  if (input.type !== undefined) figures = figures.filter((f) => f.type === input.type);
  const names = (f: CapacityFigure) => ({
    zone: snapshot.zones.get(f.zoneId)?.name ?? '',
    pod: f.podId === null ? '' : (snapshot.pods.get(f.podId)?.name ?? ''),
    cluster: f.clusterId === null ? '' : (snapshot.clusters.get(f.clusterId)?.name ?? ''),
  });
  figures.sort((a, b) => {
    const na = names(a);
    const nb = names(b);
    const byZone = na.zone.localeCompare(nb.zone);
    if (byZone !== 0) return byZone;
    const second = usage ? percentOf(b.used, b.total) - percentOf(a.used, a.total) : a.type - b.type;
    if (second !== 0) return second;
    return na.pod.localeCompare(nb.pod) || na.cluster.localeCompare(nb.cluster) || a.type - b.type;
  });
  const count = figures.length;
  const shown = page ? figures.slice(page.offset, page.offset + page.limit) : figures;
  return { items: shown.map((f) => capacityResponse(snapshot, f)), count };
}

/** Capacity as command handlers read it (listCapacity, listCapacityHistory). */
export class CapacityQueries {
  constructor(private readonly deps: CoreServices) {}

  list(input: ListCapacityInput): Promise<{ items: Capacity[]; count: number }> {
    return listCapacity(this.deps, input);
  }

  history(query: CapacityHistoryQuery): Promise<{ items: CapacityHistory[]; count: number }> {
    return listCapacityHistory(this.deps, query);
  }
}
