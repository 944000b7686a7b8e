import { sql, type RawBuilder } from 'kysely';
import type { HostStatus } from '../../domain/infrastructure';
import { hostStatus } from '../../domain/state-machines/index';
import type { HostRow } from '../../db/schema';
import { HostOperationError, type HostStats } from '../../drivers/hypervisor/types';
import type { CoreServices } from '../core-services';
import { PeriodicTask } from '../periodic';
import { adoptHosts, rebalanceHosts } from './host-ownership';
import { HostStatsRecorder } from './host-stats-history';
import { driverFor, hostTarget } from './host-support';
import { noticeAnsweringHost, noticeSilentHosts } from './host-state-notices';
import { yieldToEventLoop } from '../event-loop';

export interface HostMonitorOptions {
  /** The clock heartbeat ages are judged by (tests drive it by hand). */
  now?: () => number;
  /** Hosts pinged at once. */
  concurrency?: number;
  /** Hosts read, and written back, per batch. */
  batchSize?: number;
}

type MonitoredHost = Pick<
  HostRow,
  | 'id'
  | 'uuid'
  | 'name'
  | 'url'
  | 'zone_id'
  | 'pod_id'
  | 'cluster_id'
  | 'hypervisor_type'
  | 'status'
  | 'total_memory'
  | 'last_ping'
  | 'status_changed'
  | 'created'
>;

type Check = { kind: 'skip' } | { kind: 'ok'; stats?: HostStats } | { kind: 'failed' };

/** Statuses an answered heartbeat brings back to Up. */
const RECOVERABLE = hostStatus.sources('PingAnswered');

class TimeoutError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runPool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

/** Hosts whose answers one statement records (a statement's text stays well under SQLite's 1 MB). */
const RECORD_CHUNK = 1000;
/** The longest pause between two batches of a round (a round of 11,000 hosts: 21 pauses). */
const MAX_BATCH_PAUSE_MS = 50;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Finite numbers only: they are inlined into the statement (no parameter typing issues, fewer binds). */
function literalRows(rows: { id: number; cpu: number; memory: number }[]): RawBuilder<unknown> {
  return sql.join(rows.map((r) => sql`(${sql.lit(r.id)}, ${sql.lit(r.cpu)}, ${sql.lit(r.memory)})`));
}

/** The hosts that answered, with the load figures of those that gave usable stats. */
interface Answers {
  answered: MonitoredHost[];
  cpu: Map<number, number>;
  memory: Map<number, number>;
}

interface BatchOutcome extends Answers {
  /** Silent hosts whose window has passed, by "from>to" status. */
  moves: Map<string, MonitoredHost[]>;
}

/** Sorts a batch's checks into hosts that answered (with their stats) and silent hosts due to move on. */
function sortChecks(batch: MonitoredHost[], checks: Check[], now: number, windowMs: number): BatchOutcome {
  const outcome: BatchOutcome = { answered: [], cpu: new Map(), memory: new Map(), moves: new Map() };
  batch.forEach((h, i) => {
    const c = checks[i];
    if (!c || c.kind === 'skip') return;
    if (c.kind === 'ok') {
      outcome.answered.push(h);
      if (c.stats && Number.isFinite(c.stats.cpuUsedPercent) && Number.isFinite(c.stats.memoryUsed)) {
        outcome.cpu.set(h.id, Math.round(Math.min(100, Math.max(0, c.stats.cpuUsedPercent)) * 100) / 100);
        outcome.memory.set(h.id, Math.round(Math.min(Number(h.total_memory), Math.max(0, c.stats.memoryUsed))));
      }
      return;
    }
    const next = hostStatus.target(h.status, 'PingTimeout');
    if (!next) return;
    const since =
      h.status === 'Up' || h.status === 'Connecting'
        ? Date.parse(h.last_ping ?? h.created)
        : Date.parse(h.status_changed);
    if (!(now - since >= windowMs)) return;
    const key = `${h.status}>${next}`;
    outcome.moves.set(key, [...(outcome.moves.get(key) ?? []), h]);
  });
  return outcome;
}

/**
 * Heartbeats (CloudStack's AgentManager pings and the host state machine). Every ping.interval
 * seconds it pings the hosts this server owns that are not in Maintenance, in batches of ids at
 * bounded concurrency, adopting hosts whose server is gone (also at every server heartbeat: takeOver). A host that answers gets last_ping and
 * fresh stats (recorded once per round, in one transaction) and, if it was Connecting/Disconnected/Alert/Down, is Up
 * again (its host alerts archived). A host silent for ping.interval * ping.timeout seconds becomes
 * Disconnected, which raises an ALERT_TYPE_HOST alert at once; each further such window moves it to
 * Alert, then Down, and the alert says so. Every such change is a HOST.STATE.CHANGE event with its
 * reason (host-state-notices.ts). One live 'Host' state change is published per tick. The round's
 * stats also go into the usage history (host-stats-history.ts).
 */
export class HostMonitor {
  private readonly now: () => number;
  private readonly concurrency: number;
  private readonly batchSize: number;
  private running: Promise<void> | undefined;
  private active = false;
  private readonly history: HostStatsRecorder;
  private readonly periodic = new PeriodicTask(
    () => this.services.config.get<number>('ping.interval') * 1000,
    () =>
      this.tick().catch((error: unknown) => {
        if (this.active) console.error('[hosts] heartbeat round failed', error instanceof Error ? error.stack : error);
      }),
  );

  constructor(
    private readonly services: CoreServices,
    options: HostMonitorOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.concurrency = Math.max(1, options.concurrency ?? 64);
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.history = new HostStatsRecorder(services);
  }

  start(): void {
    if (this.active) return;
    this.active = true;
    this.periodic.start();
  }

  async stop(): Promise<void> {
    this.active = false;
    this.periodic.stop();
    if (this.running) await this.running.catch(() => undefined);
    for (const driver of this.services.hypervisors.all()) await driver.settle?.().catch(() => undefined);
  }

  /**
   * Called at every management-server heartbeat (a few seconds, not ping.interval): takes over
   * the hosts of servers found dead at once, and with agent.lb.enabled this server's fair share.
   * Hosts it took are pinged right away, so they stay Up under their new owner.
   */
  async takeOver(): Promise<void> {
    if (!this.active) return;
    let taken = await adoptHosts(this.services);
    if (this.services.config.get<boolean>('agent.lb.enabled')) taken += await rebalanceHosts(this.services);
    if (taken > 0 && this.active) void this.tick().catch(() => undefined);
  }

  /** One round of heartbeats; a call while a round runs waits for that round. */
  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.round().finally(() => {
        this.running = undefined;
      });
    }
    return this.running;
  }

  private async round(): Promise<void> {
    const { config } = this.services;
    const windowMs = config.get<number>('ping.interval') * config.get<number>('ping.timeout') * 1000;
    const now = this.now();
    const drivers = this.services.hypervisors.all();
    for (const driver of drivers) await driver.beforeHeartbeats?.();
    await adoptHosts(this.services);
    const changed: string[] = [];
    // Answers are recorded once for the round (one transaction): each commit makes every server's
    // read view forget what it read of hosts.
    const answers: Answers = { answered: [], cpu: new Map(), memory: new Map() };
    try {
      await this.pingAll(windowMs, now, answers, changed);
    } finally {
      await this.recordAnswers(answers, new Date(now).toISOString());
    }
    await this.keepHistory(answers, now);
    for (const driver of drivers) await driver.afterHeartbeats?.();
    if (changed.length > 0) {
      this.services.events.publish({
        kind: 'resource',
        scope: { accountId: null, domainId: null },
        resource: { type: 'Host', ids: changed, change: 'state' },
      });
    }
  }

  /** Pings this server's hosts batch by batch, moving their states and gathering their answers. */
  private async pingAll(windowMs: number, now: number, answers: Answers, changed: string[]): Promise<void> {
    const { config, serverId } = this.services;
    const { db } = this.services.store;
    const interval = config.get<number>('ping.interval');
    let lastId = 0;
    for (;;) {
      const batch: MonitoredHost[] = await db
        .selectFrom('hosts')
        .select([
          'id',
          'uuid',
          'name',
          'url',
          'zone_id',
          'pod_id',
          'cluster_id',
          'hypervisor_type',
          'status',
          'total_memory',
          'last_ping',
          'status_changed',
          'created',
        ])
        .where('owner_server', '=', serverId)
        .where('removed', 'is', null)
        .where('resource_state', '!=', 'Maintenance')
        .where('id', '>', lastId)
        .orderBy('id')
        .limit(this.batchSize)
        .execute();
      if (batch.length === 0) break;
      lastId = (batch[batch.length - 1] as MonitoredHost).id;
      const checks = await runPool(batch, this.concurrency, (h) => this.check(h, interval * 1000));
      await this.apply(batch, checks, now, windowMs, { answers, changed });
      if (batch.length < this.batchSize) break;
      // Simulator answers and SQLite calls resolve at once: without a pause a round of 11,000
      // hosts held the event loop (and every request) for about half a second. A short pause
      // spreads the round's work, so requests meanwhile wait a little each instead of all at once.
      await pause(Math.min(MAX_BATCH_PAUSE_MS, (interval * 1000) / 200));
    }
  }

  private async check(h: MonitoredHost, timeoutMs: number): Promise<Check> {
    const driver = driverFor(this.services, h.hypervisor_type);
    if (!driver) return { kind: 'skip' };
    const target = hostTarget(h);
    try {
      await withTimeout(driver.ping(target), timeoutMs);
    } catch (error) {
      if (!(error instanceof HostOperationError) && !(error instanceof TimeoutError)) {
        console.error(`[hosts] ping of ${h.name} failed unexpectedly`, error instanceof Error ? error.message : error);
      }
      return { kind: 'failed' };
    }
    try {
      return { kind: 'ok', stats: await withTimeout(driver.hostStats(target), timeoutMs) };
    } catch {
      return { kind: 'ok' };
    }
  }

  private async apply(
    batch: MonitoredHost[],
    checks: Check[],
    now: number,
    windowMs: number,
    { answers, changed }: { answers: Answers; changed: string[] },
  ): Promise<void> {
    const nowText = new Date(now).toISOString();
    const outcome = sortChecks(batch, checks, now, windowMs);
    if (outcome.answered.length > 0) {
      answers.answered.push(...outcome.answered);
      for (const [id, cpu] of outcome.cpu) answers.cpu.set(id, cpu);
      for (const [id, memory] of outcome.memory) answers.memory.set(id, memory);
      await this.recover(outcome.answered, nowText, changed);
    }
    await this.moveSilent(outcome.moves, nowText, changed);
  }

  /** last_ping and load figures of every host that answered, in one transaction (statements of RECORD_CHUNK hosts). */
  private async recordAnswers({ answered, cpu, memory }: Answers, nowText: string): Promise<void> {
    if (answered.length === 0) return;
    await this.services.store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < answered.length; i += RECORD_CHUNK) {
        const chunk = answered.slice(i, i + RECORD_CHUNK);
        const withStats = chunk.filter((h) => cpu.has(h.id));
        const withoutStats = chunk.filter((h) => !cpu.has(h.id));
        if (withStats.length > 0) {
          const rows = withStats.map((h) => ({ id: h.id, cpu: cpu.get(h.id) ?? 0, memory: memory.get(h.id) ?? 0 }));
          await sql`update hosts set last_ping = ${nowText}, cpu_used_percent = v.column2, memory_used = v.column3 from (values ${literalRows(rows)}) as v where hosts.id = v.column1`.execute(
            trx,
          );
        }
        if (withoutStats.length > 0) {
          await trx
            .updateTable('hosts')
            .set({ last_ping: nowText })
            .where(
              'id',
              'in',
              withoutStats.map((h) => h.id),
            )
            .execute();
        }
        // Requests go on between statements (reads use their own connections, writes wait for this one).
        await yieldToEventLoop();
      }
    });
  }

  /** The round's stats into the usage history, when a sample is due; a failure there does not fail the round. */
  private async keepHistory({ answered, cpu, memory }: Answers, now: number): Promise<void> {
    const samples = answered.flatMap((h) => {
      const cpuUsed = cpu.get(h.id);
      return cpuUsed === undefined
        ? []
        : [
            {
              hostId: h.id,
              cpuUsedPercent: cpuUsed,
              memoryUsed: memory.get(h.id) ?? 0,
              memoryTotal: Number(h.total_memory),
            },
          ];
    });
    try {
      await this.history.record(samples, now);
    } catch (error) {
      if (this.active) console.error('[hosts] stats history failed', error instanceof Error ? error.stack : error);
    }
  }

  /** Hosts that answered after a missed heartbeat are Up again, and their host alerts cleared. */
  private async recover(answered: MonitoredHost[], nowText: string, changed: string[]): Promise<void> {
    const recovered = answered.filter((h) => hostStatus.can(h.status, 'PingAnswered'));
    if (recovered.length === 0) return;
    const back = await this.services.store.db
      .updateTable('hosts')
      .set({ status: 'Up', status_changed: nowText })
      .where(
        'id',
        'in',
        recovered.map((h) => h.id),
      )
      .where('status', 'in', RECOVERABLE)
      .returning('id')
      .execute();
    const ids = new Set(back.map((b) => b.id));
    for (const h of recovered) {
      if (!ids.has(h.id)) continue;
      changed.push(h.uuid);
      await noticeAnsweringHost(this.services, h);
    }
  }

  /** Moves silent hosts one state further (guarded by their current state), with their events and alerts. */
  private async moveSilent(moves: Map<string, MonitoredHost[]>, nowText: string, changed: string[]): Promise<void> {
    for (const [key, hosts] of moves) {
      const [from, to] = key.split('>') as [string, HostStatus];
      const moved = await this.services.store.db
        .updateTable('hosts')
        .set({ status: to, status_changed: nowText })
        .where(
          'id',
          'in',
          hosts.map((h) => h.id),
        )
        .where('status', '=', from)
        .where('removed', 'is', null)
        .returning('id')
        .execute();
      const ids = new Set(moved.map((m) => m.id));
      const done = hosts.filter((h) => ids.has(h.id));
      for (const h of done) changed.push(h.uuid);
      await noticeSilentHosts(this.services, done, from as HostStatus, to);
    }
  }
}
