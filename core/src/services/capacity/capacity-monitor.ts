import { ALERT_TYPES, CAPACITY_ALERT_TYPE, CAPACITY_TYPES } from '../../domain/infrastructure';
import { message } from '../../domain/messages';
import { nowIso } from '../../domain/time';
import { raiseAlert } from '../alerts';
import type { CoreServices } from '../core-services';
import { PeriodicTask } from '../periodic';
import { refreshLocalImageStores } from '../infrastructure/image-stores';
import {
  computeCapacity,
  percentOf,
  type CapacityFigure,
  type CapacityLevel,
  type CapacitySnapshot,
} from './calculate';
import { historyFigures, lastSampled, pruneHistory, writeHistory } from './history';

/** CloudStack's capacity notification thresholds: which figure each one watches, and what the alert says. */
interface Threshold {
  level: CapacityLevel;
  type: number;
  setting: string;
  /** CloudStack's alert name for the type. */
  name: string;
  /** The alert's message; its level fixes the places it names (zone; pod and zone; cluster, pod and zone). */
  key: CapacityAlertKey;
}

type CapacityAlertKey =
  | 'alert.capacity.cpu'
  | 'alert.capacity.memory'
  | 'alert.capacity.storage'
  | 'alert.capacity.storageAllocated'
  | 'alert.capacity.localStorage'
  | 'alert.capacity.privateIp'
  | 'alert.capacity.publicIp'
  | 'alert.capacity.directIp'
  | 'alert.capacity.secondaryStorage'
  | 'alert.capacity.vlan';

const THRESHOLDS: readonly Threshold[] = [
  {
    level: 'cluster',
    type: CAPACITY_TYPES.CPU,
    setting: 'cluster.cpu.allocated.capacity.notificationthreshold',
    name: 'ALERT.CPU',
    key: 'alert.capacity.cpu',
  },
  {
    level: 'cluster',
    type: CAPACITY_TYPES.MEMORY,
    setting: 'cluster.memory.allocated.capacity.notificationthreshold',
    name: 'ALERT.MEMORY',
    key: 'alert.capacity.memory',
  },
  {
    level: 'cluster',
    type: CAPACITY_TYPES.STORAGE,
    setting: 'cluster.storage.capacity.notificationthreshold',
    name: 'ALERT.STORAGE',
    key: 'alert.capacity.storage',
  },
  {
    level: 'cluster',
    type: CAPACITY_TYPES.STORAGE_ALLOCATED,
    setting: 'cluster.storage.allocated.capacity.notificationthreshold',
    name: 'ALERT.STORAGE.ALLOCATED',
    key: 'alert.capacity.storageAllocated',
  },
  {
    level: 'cluster',
    type: CAPACITY_TYPES.LOCAL_STORAGE,
    setting: 'cluster.localStorage.capacity.notificationthreshold',
    name: 'ALERT.STORAGE.LOCAL',
    key: 'alert.capacity.localStorage',
  },
  {
    level: 'pod',
    type: CAPACITY_TYPES.PRIVATE_IP,
    setting: 'pod.privateip.capacity.notificationthreshold',
    name: 'ALERT.NETWORK.PRIVATEIP',
    key: 'alert.capacity.privateIp',
  },
  {
    level: 'zone',
    type: CAPACITY_TYPES.VIRTUAL_NETWORK_PUBLIC_IP,
    setting: 'zone.virtualnetwork.publicip.capacity.notificationthreshold',
    name: 'ALERT.NETWORK.PUBLICIP',
    key: 'alert.capacity.publicIp',
  },
  {
    level: 'zone',
    type: CAPACITY_TYPES.DIRECT_ATTACHED_PUBLIC_IP,
    setting: 'zone.directnetwork.publicip.capacity.notificationthreshold',
    name: 'ALERT.NETWORK.DIRECTPUBLICIP',
    key: 'alert.capacity.directIp',
  },
  {
    level: 'zone',
    type: CAPACITY_TYPES.SECONDARY_STORAGE,
    setting: 'zone.secstorage.capacity.notificationthreshold',
    name: 'ALERT.STORAGE.SECONDARY',
    key: 'alert.capacity.secondaryStorage',
  },
  {
    level: 'zone',
    type: CAPACITY_TYPES.VLAN,
    setting: 'zone.vlan.capacity.notificationthreshold',
    name: 'ALERT.NETWORK.VLAN',
    key: 'alert.capacity.vlan',
  },
];

/** Where a figure is (the names of its zone, pod and cluster) and the uuid of the resource it is about. */
function locate(
  snapshot: CapacitySnapshot,
  f: CapacityFigure,
): { names: { zone: string; pod: string; cluster: string }; uuid: string } | undefined {
  const zone = snapshot.zones.get(f.zoneId);
  if (!zone) return undefined;
  if (f.level === 'zone') return { names: { zone: zone.name, pod: '', cluster: '' }, uuid: zone.uuid };
  const pod = f.podId === null ? undefined : snapshot.pods.get(f.podId);
  if (!pod) return undefined;
  if (f.level === 'pod') return { names: { zone: zone.name, pod: pod.name, cluster: '' }, uuid: pod.uuid };
  const cluster = f.clusterId === null ? undefined : snapshot.clusters.get(f.clusterId);
  if (!cluster) return undefined;
  return { names: { zone: zone.name, pod: pod.name, cluster: cluster.name }, uuid: cluster.uuid };
}

/** How long after start the first sample runs. */
const FIRST_SAMPLE_DELAY_MS = 5_000;

/**
 * Capacity sampling (CloudStack's capacity checker): every capacity.check.period ms, computes
 * capacity per zone, pod and cluster, keeps a sample for the charts (capacity_history, pruned after
 * capacity.history.retention.days), and raises alerts when a figure crosses its
 * *.notificationthreshold. An alert that stays crossed is refreshed, not repeated; one whose
 * figure drops back below the threshold is archived.
 */
export class CapacityMonitor {
  private running: Promise<void> | undefined;
  private stopped = false;
  private readonly periodic: PeriodicTask;

  constructor(
    private readonly services: CoreServices,
    /** Tests shorten the delay before the first sample. */
    options: { firstSampleDelayMs?: number } = {},
  ) {
    this.periodic = new PeriodicTask(
      () => this.period(),
      () => this.tick(),
      options.firstSampleDelayMs ?? FIRST_SAMPLE_DELAY_MS,
    );
  }

  start(): void {
    if (this.stopped) return;
    this.periodic.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.periodic.stop();
    await this.running?.catch(() => undefined);
  }

  /** Samples now; a sample already running is awaited first (samples never overlap). */
  async sample(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    const run = this.sampleOnce();
    this.running = run;
    try {
      await run;
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  private period(): number {
    return Math.max(1000, this.services.config.get<number>('capacity.check.period'));
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      // Several servers on one database: skip when another one sampled within this period.
      const last = await lastSampled(this.services.store.db);
      const fresh = last !== undefined && Date.now() - Date.parse(last) < this.period() * 0.8;
      if (!fresh) await this.sample();
    } catch (error) {
      console.error('[capacity] sample failed:', error instanceof Error ? error.stack : error);
    }
  }

  private async sampleOnce(): Promise<void> {
    const { services } = this;
    const { db } = services.store;
    await refreshLocalImageStores(services);
    const snapshot = await computeCapacity(services);
    const sampled = nowIso();
    await writeHistory(db, historyFigures(snapshot), sampled);
    const days = services.config.get<number>('capacity.history.retention.days');
    await pruneHistory(db, new Date(Date.now() - days * 24 * 3600 * 1000).toISOString());
    await this.checkThresholds(snapshot);
    services.events.publish({
      kind: 'resource',
      scope: { accountId: null, domainId: null },
      resource: { type: 'Capacity', ids: [], change: 'sampled' },
    });
  }

  private async checkThresholds(snapshot: CapacitySnapshot): Promise<void> {
    const { services } = this;
    const crossed = new Set<string>();
    const byKey = new Map(THRESHOLDS.map((t) => [`${t.level}:${t.type}`, t]));
    for (const f of snapshot.figures) {
      const t = byKey.get(`${f.level}:${f.type}`);
      if (!t || f.total <= 0) continue;
      // A threshold set on the figure's cluster or zone wins over the global one (CloudStack's scoped keys).
      const threshold = services.config
        .in({ clusterId: f.clusterId ?? undefined, zoneId: f.zoneId })
        .get<number>(t.setting);
      const pct = percentOf(f.used, f.total);
      if (pct / 100 <= threshold) continue;
      const place = locate(snapshot, f);
      const alertType = CAPACITY_ALERT_TYPE[f.type];
      if (!place || alertType === undefined) continue;
      crossed.add(`${alertType}:${place.uuid}`);
      await raiseAlert(services, {
        type: alertType,
        name: t.name,
        // A zone-level key does not name a pod or cluster: their names are empty and unused.
        message: message(t.key, {
          ...place.names,
          used: pct.toFixed(2),
          threshold: Math.round(threshold * 10000) / 100,
        }),
        zoneId: f.zoneId,
        podId: f.level === 'zone' ? null : f.podId,
        clusterId: f.level === 'cluster' ? f.clusterId : null,
        resourceId: place.uuid,
      });
    }
    // Archive the capacity alerts whose condition has cleared.
    const names = [...new Set(THRESHOLDS.map((t) => t.name))];
    const types = [...new Set(THRESHOLDS.map((t) => CAPACITY_ALERT_TYPE[t.type] ?? ALERT_TYPES.ALERT_TYPE_MEMORY))];
    const open = await services.store.db
      .selectFrom('alerts')
      .select(['id', 'uuid', 'type', 'resource_id'])
      .where('archived', '=', 0)
      .where('type', 'in', types)
      .where('name', 'in', names)
      .execute();
    const cleared = open.filter((a) => a.resource_id !== null && !crossed.has(`${a.type}:${a.resource_id}`));
    for (let i = 0; i < cleared.length; i += 500) {
      await services.store.db
        .updateTable('alerts')
        .set({ archived: 1 })
        .where(
          'id',
          'in',
          cleared.slice(i, i + 500).map((a) => a.id),
        )
        .execute();
    }
    if (cleared.length > 0) {
      services.events.publish({
        kind: 'resource',
        scope: { accountId: null, domainId: null },
        resource: { type: 'Alert', ids: cleared.map((a) => a.uuid), change: 'archived' },
      });
    }
  }
}
