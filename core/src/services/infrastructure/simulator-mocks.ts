import crypto from 'node:crypto';
import { message } from '../../domain/messages';
import { sql } from 'kysely';
import { invalidParameter, notFound } from '../../domain/errors';
import { SIMULATOR_OPERATIONS, type SimulatorOperation } from '../../domain/infrastructure';
import { nowIso, toCloudStackDate } from '../../domain/time';
import { ilike, matchingCount } from '../../db/query-helpers';
import type { SimulatorMockRow } from '../../db/schema';
import type {
  SimulatorMockEffect,
  SimulatorMockPort,
  SimulatorMockScope,
} from '../../drivers/hypervisor/simulator/driver';
import {
  formatMockValue,
  MockValueError,
  parseMockValue,
  type MockBehaviour,
} from '../../drivers/hypervisor/simulator/mock-value';
import type { Caller } from '../caller';
import type { CoreServices } from '../core-services';
import { pageWindow } from '../paging';
import { compact } from '../../api/schemas/fields';
import type { ConfigureSimulatorInput, ListSimulatorMocksInput, SimulatorMock } from '../../api/schemas/simulator';
import { keywordPattern } from '../tenancy/shared';
import { namesById, requireCluster, requireHost, requirePod, requireZone } from './lookups';

/** A live mock as the port keeps it in memory. */
interface CachedMock {
  id: number;
  uuid: string;
  name: string;
  zoneId: number | null;
  podId: number | null;
  clusterId: number | null;
  hostId: number | null;
  behaviour: MockBehaviour;
  jsonResponse: string | null;
  nth: number;
  callsSeen: number;
  /** Fires left; null = unlimited. */
  remaining: number | null;
}

/** Counter changes not yet written to simulator_mocks. */
interface Pending {
  seen: number;
  fired: number;
}

const FLUSH_DELAY_MS = 500;

function specificity(m: CachedMock): number {
  if (m.hostId !== null) return 4;
  if (m.clusterId !== null) return 3;
  if (m.podId !== null) return 2;
  if (m.zoneId !== null) return 1;
  return 0;
}

function toCached(row: SimulatorMockRow): CachedMock {
  let behaviour: MockBehaviour;
  try {
    behaviour = parseMockValue(row.value);
  } catch {
    behaviour = { fail: false, waitMs: 0 };
  }
  return {
    id: row.id,
    uuid: row.uuid,
    name: row.name,
    zoneId: row.zone_id,
    podId: row.pod_id,
    clusterId: row.cluster_id,
    hostId: row.host_id,
    behaviour,
    jsonResponse: row.json_response,
    nth: Math.max(1, row.nth),
    callsSeen: row.calls_seen,
    remaining: row.remaining,
  };
}

/**
 * The Simulator's fault-injection port: live mocks cached in memory (loaded at start and after
 * every change), matched without touching the database. Calls seen and fires left are counted in
 * memory and written in batches (one UPDATE per mock that changed, at most every half second and
 * at the end of each heartbeat round), so 10k heartbeats cost no writes of their own.
 *
 * Matching follows CloudStack's configureSimulator: the most specific live mock for the operation
 * wins (host, then cluster, pod, zone, global; the newest on a tie). It counts the call and fires
 * from its nth call on, `count` times (unlimited when no count was given).
 */
export class SimulatorMockStore implements SimulatorMockPort {
  private byName = new Map<string, CachedMock[]>();
  private pending = new Map<number, Pending>();
  private readonly ready: Promise<void>;
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly services: Pick<CoreServices, 'store'>) {
    this.ready = this.serial(() => this.load()).catch((error: unknown) => {
      console.error('[simulator] could not load mocks', error instanceof Error ? error.message : error);
    });
  }

  async fire(operation: SimulatorOperation, scope: SimulatorMockScope): Promise<SimulatorMockEffect | undefined> {
    await this.ready;
    const candidates = this.byName.get(operation);
    if (!candidates || candidates.length === 0) return undefined;
    let best: CachedMock | undefined;
    let bestRank = -1;
    for (const m of candidates) {
      if (m.remaining !== null && m.remaining <= 0) continue;
      if (m.hostId !== null && m.hostId !== scope.hostId) continue;
      if (m.clusterId !== null && m.clusterId !== scope.clusterId) continue;
      if (m.podId !== null && m.podId !== scope.podId) continue;
      if (m.zoneId !== null && m.zoneId !== scope.zoneId) continue;
      const rank = specificity(m);
      if (rank > bestRank || (rank === bestRank && best !== undefined && m.id > best.id)) {
        best = m;
        bestRank = rank;
      }
    }
    if (!best) return undefined;
    const pending = this.pendingOf(best.id);
    best.callsSeen += 1;
    pending.seen += 1;
    this.scheduleFlush();
    if (best.callsSeen < best.nth) return undefined;
    if (best.remaining !== null) best.remaining -= 1;
    pending.fired += 1;
    return { ...best.behaviour, mockId: best.uuid, jsonResponse: best.jsonResponse };
  }

  /** Writes pending counters, then re-reads every live mock (after a change, or another server's). */
  async reload(): Promise<void> {
    await this.ready;
    await this.serial(async () => {
      await this.writePending();
      await this.load();
    });
  }

  /** Writes pending counters now. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    await this.serial(() => this.writePending());
  }

  /** Cancels the pending flush timer and writes what is pending (the monitor is stopping). */
  async settle(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Runs database work one piece at a time, so a load never races a counter write. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.chain.then(work, work);
    this.chain = next.catch(() => undefined);
    return next;
  }

  private pendingOf(id: number): Pending {
    let p = this.pending.get(id);
    if (!p) {
      p = { seen: 0, fired: 0 };
      this.pending.set(id, p);
    }
    return p;
  }

  private scheduleFlush(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch((error: unknown) => {
        console.error('[simulator] could not save mock counters', error instanceof Error ? error.message : error);
      });
    }, FLUSH_DELAY_MS);
    this.timer.unref();
  }

  private async load(): Promise<void> {
    const rows = await this.services.store.db
      .selectFrom('simulator_mocks')
      .selectAll()
      .where('removed', 'is', null)
      .orderBy('id')
      .execute();
    const byName = new Map<string, CachedMock[]>();
    for (const row of rows) {
      const m = toCached(row);
      // Counts made since the last write are not in the rows yet.
      const p = this.pending.get(m.id);
      if (p) {
        m.callsSeen += p.seen;
        if (m.remaining !== null) m.remaining = Math.max(0, m.remaining - p.fired);
      }
      const list = byName.get(m.name) ?? [];
      list.push(m);
      byName.set(m.name, list);
    }
    this.byName = byName;
  }

  private async writePending(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const { db } = this.services.store;
    try {
      for (const [id, p] of batch) {
        await db
          .updateTable('simulator_mocks')
          .set({
            calls_seen: sql<number>`calls_seen + ${p.seen}`,
            remaining: sql<
              number | null
            >`case when remaining is null then null when remaining - ${p.fired} < 0 then 0 else remaining - ${p.fired} end`,
          })
          .where('id', '=', id)
          .execute();
        batch.delete(id);
      }
    } catch (error) {
      // Keep what was not written for the next flush.
      for (const [id, p] of batch) {
        const cur = this.pendingOf(id);
        cur.seen += p.seen;
        cur.fired += p.fired;
      }
      throw error;
    }
  }
}

const stores = new WeakMap<object, SimulatorMockStore>();

/** The mock store of a core (one per CoreServices), created on first use. */
export function simulatorMocks(services: Pick<CoreServices, 'store'>): SimulatorMockStore {
  let s = stores.get(services);
  if (!s) {
    s = new SimulatorMockStore(services);
    stores.set(services, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// configureSimulator, querySimulatorMock, cleanupSimulatorMock, listSimulatorMocks

function operationName(name: string): SimulatorOperation {
  const hit = SIMULATOR_OPERATIONS.find((op) => op.toLowerCase() === name.trim().toLowerCase());
  if (!hit) {
    throw invalidParameter(
      'SIMULATOR.UNKNOWN_OPERATION',
      message('error.simulatorMock.unknownOperation', { name, names: SIMULATOR_OPERATIONS.join(', ') }),
    );
  }
  return hit;
}

/** The message for a scope whose child does not belong to its parent. */
const SCOPE_MISMATCH = {
  'host-cluster': 'error.simulatorMock.hostNotInCluster',
  'host-pod': 'error.simulatorMock.hostNotInPod',
  'host-zone': 'error.simulatorMock.hostNotInZone',
  'cluster-pod': 'error.simulatorMock.clusterNotInPod',
  'cluster-zone': 'error.simulatorMock.clusterNotInZone',
  'pod-zone': 'error.simulatorMock.podNotInZone',
} as const;

/** The scope ids of a new mock: what was given, checked for consistency, with parents filled in. */
async function resolveScope(
  services: CoreServices,
  input: ConfigureSimulatorInput,
): Promise<{ zoneId: number | null; podId: number | null; clusterId: number | null; hostId: number | null }> {
  const { db } = services.store;
  const zone = input.zoneid ? await requireZone(db, input.zoneid, 'zoneid') : undefined;
  const pod = input.podid ? await requirePod(db, input.podid, 'podid') : undefined;
  const cluster = input.clusterid ? await requireCluster(db, input.clusterid, 'clusterid') : undefined;
  const host = input.hostid ? await requireHost(db, input.hostid, 'hostid') : undefined;
  const mismatch = (which: keyof typeof SCOPE_MISMATCH) =>
    invalidParameter('SIMULATOR.SCOPE', message(SCOPE_MISMATCH[which], {}));
  if (host && cluster && host.cluster_id !== cluster.id) throw mismatch('host-cluster');
  if (host && pod && host.pod_id !== pod.id) throw mismatch('host-pod');
  if (host && zone && host.zone_id !== zone.id) throw mismatch('host-zone');
  if (cluster && pod && cluster.pod_id !== pod.id) throw mismatch('cluster-pod');
  if (cluster && zone && cluster.zone_id !== zone.id) throw mismatch('cluster-zone');
  if (pod && zone && pod.zone_id !== zone.id) throw mismatch('pod-zone');
  const hostId = host?.id ?? null;
  const clusterId = host?.cluster_id ?? cluster?.id ?? null;
  const podId = host?.pod_id ?? cluster?.pod_id ?? pod?.id ?? null;
  const zoneId = host?.zone_id ?? cluster?.zone_id ?? pod?.zone_id ?? zone?.id ?? null;
  return { zoneId, podId, clusterId, hostId };
}

async function mockResponses(services: CoreServices, rows: SimulatorMockRow[]): Promise<SimulatorMock[]> {
  const { db } = services.store;
  const zones = await namesById(
    db,
    'zones',
    rows.map((r) => r.zone_id),
  );
  const pods = await namesById(
    db,
    'pods',
    rows.map((r) => r.pod_id),
  );
  const clusters = await namesById(
    db,
    'clusters',
    rows.map((r) => r.cluster_id),
  );
  const hostIds = [...new Set(rows.map((r) => r.host_id).filter((id): id is number => id !== null))];
  const hosts = new Map<number, { uuid: string; name: string }>();
  if (hostIds.length > 0) {
    for (const h of await db.selectFrom('hosts').select(['id', 'uuid', 'name']).where('id', 'in', hostIds).execute())
      hosts.set(h.id, h);
  }
  return rows.map((r) =>
    compact({
      id: r.uuid,
      // Only operation names configureSimulator accepted are stored; the column type is text.
      name: r.name as SimulatorOperation,
      value: r.value,
      zoneid: r.zone_id !== null ? zones.get(r.zone_id)?.uuid : undefined,
      podid: r.pod_id !== null ? pods.get(r.pod_id)?.uuid : undefined,
      clusterid: r.cluster_id !== null ? clusters.get(r.cluster_id)?.uuid : undefined,
      hostid: r.host_id !== null ? hosts.get(r.host_id)?.uuid : undefined,
      hostname: r.host_id !== null ? hosts.get(r.host_id)?.name : undefined,
      count: r.remaining,
      nth: r.nth,
      callsseen: r.calls_seen,
      jsonresponse: r.json_response,
      active: r.removed === null && (r.remaining === null || r.remaining > 0),
      created: toCloudStackDate(r.created),
    }),
  );
}

async function mockResponse(services: CoreServices, row: SimulatorMockRow): Promise<SimulatorMock> {
  const [response] = await mockResponses(services, [row]);
  if (!response) throw new Error(`no response built for simulator mock ${row.uuid}`);
  return response;
}

async function requireMock(services: CoreServices, uuid: string): Promise<SimulatorMockRow> {
  const row = await services.store.db
    .selectFrom('simulator_mocks')
    .selectAll()
    .where('uuid', '=', uuid)
    .where('removed', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw notFound('SIMULATOR.MOCK_NOT_FOUND', message('error.notFound', { resource: 'simulator mock', id: uuid }));
  return row;
}

/** configureSimulator: adds a mock; it takes effect at once on this server. */
export async function configureSimulator(
  services: CoreServices,
  caller: Caller,
  input: ConfigureSimulatorInput,
): Promise<SimulatorMock> {
  const name = operationName(input.name);
  let behaviour: MockBehaviour;
  try {
    behaviour = parseMockValue(input.value);
  } catch (error) {
    if (error instanceof MockValueError) throw invalidParameter('SIMULATOR.BAD_VALUE', error.translatable);
    throw error;
  }
  if (input.jsonresponse !== undefined) {
    try {
      JSON.parse(input.jsonresponse);
    } catch {
      throw invalidParameter('SIMULATOR.BAD_JSON', message('error.simulatorMock.badJson', {}));
    }
  }
  const scope = await resolveScope(services, input);
  const row = await services.store.db
    .insertInto('simulator_mocks')
    .values({
      uuid: crypto.randomUUID(),
      zone_id: scope.zoneId,
      pod_id: scope.podId,
      cluster_id: scope.clusterId,
      host_id: scope.hostId,
      name,
      value: formatMockValue(behaviour),
      nth: input.nth ?? 1,
      calls_seen: 0,
      remaining: input.count ?? null,
      json_response: input.jsonresponse ?? null,
      created: nowIso(),
      removed: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await simulatorMocks(services).reload();
  await services.events.record({
    type: 'SIMULATOR.MOCK.CONFIGURE',
    message: message('event.simulatorMock.configured', { name, value: row.value, id: row.uuid }),
    caller,
    resourceType: 'SimulatorMock',
    resourceId: row.uuid,
  });
  return mockResponse(services, row);
}

export async function querySimulatorMock(services: CoreServices, uuid: string): Promise<SimulatorMock> {
  await simulatorMocks(services).flush();
  return mockResponse(services, await requireMock(services, uuid));
}

/** cleanupSimulatorMock: removes a mock; operations stop seeing it at once. */
export async function cleanupSimulatorMock(services: CoreServices, caller: Caller, uuid: string): Promise<void> {
  const mocks = simulatorMocks(services);
  await mocks.flush();
  const row = await requireMock(services, uuid);
  await services.store.db
    .updateTable('simulator_mocks')
    .set({ removed: nowIso() })
    .where('id', '=', row.id)
    .where('removed', 'is', null)
    .execute();
  await mocks.reload();
  await services.events.record({
    type: 'SIMULATOR.MOCK.CLEANUP',
    message: message('event.simulatorMock.removed', { name: row.name, value: row.value, id: row.uuid }),
    caller,
    resourceType: 'SimulatorMock',
    resourceId: row.uuid,
  });
}

export async function listSimulatorMocks(
  services: CoreServices,
  input: ListSimulatorMocksInput,
): Promise<{ items: SimulatorMock[]; count: number }> {
  const { db } = services.store;
  await simulatorMocks(services).flush();
  let q = db.selectFrom('simulator_mocks').where('removed', 'is', null);
  if (input.id) q = q.where('uuid', '=', input.id);
  if (input.hostid) {
    const host = await requireHost(db, input.hostid, 'hostid');
    q = q.where('host_id', '=', host.id);
  }
  if (input.name) q = q.where('name', '=', operationName(input.name));
  const keyword = keywordPattern(input.keyword);
  if (keyword) q = q.where((eb) => eb.or([ilike('name', keyword), ilike('value', keyword)]));
  const page = pageWindow(input, services.config);
  let rowsQ = q.selectAll().orderBy('id');
  if (page) rowsQ = rowsQ.limit(page.limit).offset(page.offset);
  const rows = await rowsQ.execute();
  const count = await matchingCount(() => q, page, rows.length);
  return { items: await mockResponses(services, rows), count };
}

/** The Simulator's fault injection as command handlers use it (configureSimulator and friends). */
export class SimulatorMockService {
  constructor(private readonly deps: CoreServices) {}

  configure(caller: Caller, input: ConfigureSimulatorInput): Promise<SimulatorMock> {
    return configureSimulator(this.deps, caller, input);
  }

  query(uuid: string): Promise<SimulatorMock> {
    return querySimulatorMock(this.deps, uuid);
  }

  cleanup(caller: Caller, uuid: string): Promise<void> {
    return cleanupSimulatorMock(this.deps, caller, uuid);
  }

  list(input: ListSimulatorMocksInput): Promise<{ items: SimulatorMock[]; count: number }> {
    return listSimulatorMocks(this.deps, input);
  }
}
