import type { Kysely } from 'kysely';
import { invalidParameter } from '../../domain/errors';
import { message } from '../../domain/messages';
import { CAPACITY_TYPES, capacityTypeName } from '../../domain/infrastructure';
import { toCloudStackDate } from '../../domain/time';
import type { Database } from '../../db/schema';
import { compact } from '../../api/schemas/fields';
import type { CapacityHistory, ListCapacityHistoryInput } from '../../api/schemas/capacity';
import type { CoreServices } from '../core-services';
import { requireCluster, requirePod, requireZone } from '../infrastructure/lookups';
import { type CapacityFigure, type CapacitySnapshot, percentText } from './calculate';

type Db = Kysely<Database>;

/**
 * Which figures are kept for charts. Zone rows of every type; pod rows for the pod-only type
 * (PRIVATE_IP); cluster rows for the host and primary storage types, and only clusters with
 * capacity. This bounds the table at large scale (one row per type per zone, four per cluster per
 * sample) while the dashboard and the cluster pages still get their series.
 */
const CLUSTER_HISTORY_TYPES = new Set<number>([
  CAPACITY_TYPES.MEMORY,
  CAPACITY_TYPES.CPU,
  CAPACITY_TYPES.STORAGE,
  CAPACITY_TYPES.STORAGE_ALLOCATED,
]);
const POD_HISTORY_TYPES = new Set<number>([CAPACITY_TYPES.PRIVATE_IP]);

export function historyFigures(snapshot: CapacitySnapshot): CapacityFigure[] {
  return snapshot.figures.filter((f) => {
    if (f.level === 'zone') return true;
    if (f.level === 'pod') return POD_HISTORY_TYPES.has(f.type);
    return CLUSTER_HISTORY_TYPES.has(f.type) && f.total > 0;
  });
}

/** Rows per INSERT: 7 values each keeps well under SQLite's and PostgreSQL's parameter limits. */
const BATCH = 500;

export async function writeHistory(db: Db, figures: CapacityFigure[], sampled: string): Promise<number> {
  const rows = figures.map((f) => ({
    sampled,
    capacity_type: f.type,
    zone_id: f.zoneId,
    pod_id: f.level === 'zone' ? null : f.podId,
    cluster_id: f.level === 'cluster' ? f.clusterId : null,
    total: f.total,
    used: f.used,
  }));
  if (rows.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += BATCH) {
      await trx
        .insertInto('capacity_history')
        .values(rows.slice(i, i + BATCH))
        .execute();
    }
  });
  return rows.length;
}

/** Deletes samples older than the cutoff, one capacity type at a time (the (type, sampled) index serves each). */
export async function pruneHistory(db: Db, before: string): Promise<number> {
  let deleted = 0;
  for (const type of Object.values(CAPACITY_TYPES)) {
    const r = await db
      .deleteFrom('capacity_history')
      .where('capacity_type', '=', type)
      .where('sampled', '<', before)
      .executeTakeFirst();
    deleted += Number(r.numDeletedRows);
  }
  return deleted;
}

/** When the last sample was written (any server), or undefined. */
export async function lastSampled(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('capacity_history')
    .select((eb) => eb.fn.max('sampled').as('last'))
    .where('capacity_type', '=', CAPACITY_TYPES.MEMORY)
    .executeTakeFirst();
  return (row?.last as string | null | undefined) ?? undefined;
}

/** listCapacityHistory's parameters with the dates parsed. */
export type CapacityHistoryQuery = Omit<ListCapacityHistoryInput, 'startdate' | 'enddate'> & {
  /** ISO-8601 bounds. */
  startDate?: string;
  endDate?: string;
};

/** By default a chart asks for the last day. */
const DEFAULT_WINDOW_MS = 24 * 3600 * 1000;

/**
 * listCapacityHistory: the samples of one level, the most specific filter deciding which
 * (clusterid: that cluster's rows; podid: that pod's rows; zoneid or nothing: zone rows). Ordered
 * by time, then type. Without startdate the last 24 hours are returned. Every row in the window is
 * returned unless page/pagesize are given (a chart wants the whole series).
 */
export async function listCapacityHistory(
  services: Pick<CoreServices, 'store'>,
  input: CapacityHistoryQuery,
): Promise<{ items: CapacityHistory[]; count: number }> {
  const { db } = services.store;
  const zone = input.zoneid ? await requireZone(db, input.zoneid, 'zoneid') : undefined;
  const pod = input.podid ? await requirePod(db, input.podid, 'podid') : undefined;
  const cluster = input.clusterid ? await requireCluster(db, input.clusterid, 'clusterid') : undefined;
  const start = input.startDate ?? new Date(Date.now() - DEFAULT_WINDOW_MS).toISOString();
  const end = input.endDate;
  if (end !== undefined && end < start) {
    throw invalidParameter('CAPACITY.HISTORY_DATES', message('error.capacity.endBeforeStart', {}));
  }
  if (input.pagesize !== undefined && input.pagesize < 1 && input.pagesize !== -1) {
    throw invalidParameter('API.PAGE_SIZE', message('error.paging.badPageSize', {}));
  }
  let q = db
    .selectFrom('capacity_history')
    .select(['sampled', 'capacity_type', 'zone_id', 'pod_id', 'cluster_id', 'total', 'used'])
    .where('sampled', '>=', start);
  if (end !== undefined) q = q.where('sampled', '<=', end);
  if (input.type !== undefined) q = q.where('capacity_type', '=', input.type);
  if (cluster) q = q.where('cluster_id', '=', cluster.id);
  else if (pod) q = q.where('pod_id', '=', pod.id).where('cluster_id', 'is', null);
  else {
    q = q.where('pod_id', 'is', null).where('cluster_id', 'is', null);
    if (zone) q = q.where('zone_id', '=', zone.id);
  }
  if (zone && (pod || cluster)) q = q.where('zone_id', '=', zone.id);
  q = q.orderBy('sampled').orderBy('capacity_type').orderBy('zone_id').orderBy('id');
  const size = input.pagesize !== undefined && input.pagesize > 0 ? input.pagesize : undefined;
  const rows = await (size ? q.limit(size).offset(((input.page ?? 1) - 1) * size) : q).execute();
  const count = size
    ? Number(
        (
          await q
            .clearSelect()
            .clearOrderBy()
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    : rows.length;
  const ids = <K extends 'zone_id' | 'pod_id' | 'cluster_id'>(k: K) => rows.map((r) => r[k]);
  const [zones, pods, clusters] = await Promise.all([
    uuidsById(db, 'zones', ids('zone_id')),
    uuidsById(db, 'pods', ids('pod_id')),
    uuidsById(db, 'clusters', ids('cluster_id')),
  ]);
  const items = rows.map((r): CapacityHistory => {
    const total = Number(r.total);
    const used = Number(r.used);
    return compact({
      type: r.capacity_type,
      name: capacityTypeName(r.capacity_type),
      zoneid: r.zone_id === null ? undefined : zones.get(r.zone_id),
      podid: r.pod_id === null ? undefined : pods.get(r.pod_id),
      clusterid: r.cluster_id === null ? undefined : clusters.get(r.cluster_id),
      sampled: toCloudStackDate(r.sampled),
      capacitytotal: total,
      capacityused: used,
      percentused: percentText(used, total),
    });
  });
  return { items, count };
}

async function uuidsById(
  db: Db,
  table: 'zones' | 'pods' | 'clusters',
  ids: (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  const out = new Map<number, string>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await db
      .selectFrom(table)
      .select(['id', 'uuid'])
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.uuid);
  }
  return out;
}
