import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LiveMessage } from '../../src/services/core-services';
import { HostMonitor } from '../../src/services/infrastructure/host-monitor';
import {
  HOUR_MS,
  HostStatsRecorder,
  hourStart,
  rollUpHostSamples,
  writeHostSamples,
  type HostSample,
} from '../../src/services/infrastructure/host-stats-history';
import { dialects, startTestCore, type TestCore } from '../harness';
import { callerOf, createAccount, fails, ok } from '../tenancy/fixtures';
import { seedCluster, seedPod, seedZone } from './seed';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const GiB = 1024 ** 3;

/** CloudStack's date text (no milliseconds) of a time. */
const csDate = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');
/** The API's date parameter of a time ("yyyy-MM-dd HH:mm:ss", UTC). */
const apiDate = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/**
 * Per-host stats history: heartbeat rounds keep the hosts' CPU and memory figures every
 * host.stats.interval, samples older than host.stats.history.retention.days go, and
 * listHostsUsageHistory answers a host's samples in a time range to the roles that list hosts.
 */
describe.each(dialects())('host stats history (%s)', (dialect) => {
  let tc: TestCore;
  let zone: Awaited<ReturnType<typeof seedZone>>;
  let pod: Awaited<ReturnType<typeof seedPod>>;
  let cluster: Awaited<ReturnType<typeof seedCluster>>;
  // A whole minute, so sampled times print without milliseconds.
  let clock = Math.floor(Date.now() / MINUTE) * MINUTE;
  let monitor: HostMonitor;
  const messages: LiveMessage[] = [];
  const hosts: Record<string, any>[] = [];

  const db = () => tc.core.store.db;
  const samplesOf = (uuid: string) =>
    db()
      .selectFrom('host_stats_history')
      .innerJoin('hosts', 'hosts.id', 'host_stats_history.host_id')
      .select([
        'host_stats_history.sampled',
        'host_stats_history.cpu_used_percent',
        'host_stats_history.memory_used',
        'host_stats_history.memory_total',
      ])
      .where('hosts.uuid', '=', uuid)
      .orderBy('host_stats_history.sampled')
      .execute();
  const hostRow = (uuid: string) =>
    db().selectFrom('hosts').selectAll().where('uuid', '=', uuid).executeTakeFirstOrThrow();
  const setting = async (name: string, value: string) => ok(await tc.call('updateConfiguration', { name, value }));
  const tickAt = async (ms: number) => {
    clock = ms;
    await monitor.tick();
  };

  beforeAll(async () => {
    tc = await startTestCore(dialect);
    zone = await seedZone(db(), { name: 'HZ' });
    pod = await seedPod(db(), zone.id, { name: 'HP' });
    cluster = await seedCluster(db(), pod, { name: 'HC' });
    monitor = new HostMonitor(tc.core.services, { now: () => clock });
    tc.core.events.subscribe((m) => messages.push(m));
    for (const name of ['h0', 'h1', 'h2']) {
      const added = await tc.call('addHost', {
        zoneid: zone.uuid,
        podid: pod.uuid,
        clusterid: cluster.uuid,
        hypervisor: 'Simulator',
        url: `http://sim/stats/${name}?memory=32768`,
      });
      hosts.push(ok(added).host[0]);
    }
  });
  afterAll(async () => {
    await monitor?.stop();
    await tc?.close();
  });
  beforeEach(async () => {
    await db().deleteFrom('host_stats_history').execute();
    await db().deleteFrom('host_stats_hourly').execute();
    messages.length = 0;
  });

  it('a heartbeat round keeps each answering host’s CPU and memory as measured, and says so on the live stream', async () => {
    await tickAt(clock + 10 * MINUTE);
    for (const h of hosts) {
      const row = await hostRow(h.id);
      const samples = await samplesOf(h.id);
      expect(samples).toHaveLength(1);
      expect(samples[0]).toMatchObject({ sampled: new Date(clock).toISOString() });
      expect(Number(samples[0]!.cpu_used_percent)).toBeCloseTo(Number(row.cpu_used_percent), 5);
      expect(Number(samples[0]!.memory_used)).toBe(Number(row.memory_used));
      expect(Number(samples[0]!.memory_total)).toBe(32 * GiB);
      expect(Number(samples[0]!.memory_used)).toBeGreaterThan(0);
    }
    expect(messages.filter((m) => m.kind === 'resource' && m.resource.type === 'HostStats')).toHaveLength(1);
  });

  it('samples every host.stats.interval, not every heartbeat', async () => {
    await setting('host.stats.interval', String(5 * MINUTE));
    try {
      const start = clock + 10 * MINUTE;
      // Eleven heartbeats a minute apart (ping.interval is 60 s): samples at 0, 5 and 10 minutes.
      for (let i = 0; i <= 10; i += 1) await tickAt(start + i * MINUTE + (i % 2 === 0 ? 400 : -400));
      const times = (await samplesOf(hosts[0]!.id)).map((s) => Date.parse(s.sampled) - start);
      expect(times).toEqual([400, 5 * MINUTE - 400, 10 * MINUTE + 400]);
    } finally {
      await setting('host.stats.interval', String(MINUTE));
    }
  });

  it('keeps no sample of a host that does not answer', async () => {
    const silent = hosts[2]!;
    const mock = ok(
      await tc.call('configureSimulator', { name: 'PingCommand', value: 'result:fail', hostid: silent.id }),
    ).simulatormock;
    try {
      await tickAt(clock + 10 * MINUTE);
      expect(await samplesOf(silent.id)).toEqual([]);
      expect(await samplesOf(hosts[0]!.id)).toHaveLength(1);
    } finally {
      ok(await tc.call('cleanupSimulatorMock', { id: mock.id }));
      // Back to Up, so the other tests see three answering hosts.
      await tickAt(clock + 10 * MINUTE);
      expect((await hostRow(silent.id)).status).toBe('Up');
    }
  });

  const hoursOf = () =>
    db()
      .selectFrom('host_stats_hourly')
      .select(['host_id', 'hour', 'cpu_used_percent', 'memory_used', 'memory_total', 'samples'])
      .orderBy('host_id')
      .orderBy('hour')
      .execute();
  const sampleOf = (hostId: number, cpu: number, usedGiB: number): HostSample => ({
    hostId,
    cpuUsedPercent: cpu,
    memoryUsed: usedGiB * GiB,
    memoryTotal: 32 * GiB,
  });

  it('averages each hour into one row per host two ping intervals after it ends, once whoever rolls it up', async () => {
    const [a, b] = await Promise.all(hosts.map((h) => hostRow(h.id)));
    const recorder = new HostStatsRecorder(tc.core.services);
    // An hour well after the other tests' clock, so this recorder starts rolling up from it.
    const base = hourStart(clock) + 10 * HOUR_MS;
    await recorder.record([sampleOf(a!.id, 10, 1), sampleOf(b!.id, 50, 8)], base + 10 * MINUTE);
    await recorder.record([sampleOf(a!.id, 30, 3)], base + 40 * MINUTE);
    // One ping interval after the hour: a server may still be writing its samples of it.
    await recorder.record([sampleOf(a!.id, 90, 9)], base + 61 * MINUTE);
    expect(await hoursOf()).toEqual([]);

    await recorder.record([sampleOf(a!.id, 90, 9)], base + 63 * MINUTE);
    const hour = new Date(base).toISOString();
    const rows = (await hoursOf()).map((r) => ({
      ...r,
      cpu_used_percent: Number(r.cpu_used_percent),
      memory_used: Number(r.memory_used),
      memory_total: Number(r.memory_total),
      samples: Number(r.samples),
    }));
    expect(rows).toEqual([
      { host_id: a!.id, hour, cpu_used_percent: 20, memory_used: 2 * GiB, memory_total: 32 * GiB, samples: 2 },
      { host_id: b!.id, hour, cpu_used_percent: 50, memory_used: 8 * GiB, memory_total: 32 * GiB, samples: 1 },
    ]);

    // Another server rolling the same hour up changes nothing.
    expect(await rollUpHostSamples(db(), hour, new Date(base + HOUR_MS).toISOString())).toBe(0);
    expect((await hoursOf()).map((r) => Number(r.samples))).toEqual([2, 1]);
  });

  it('keeps samples for the detail retention hours and hourly averages for the retention days', async () => {
    const h = await hostRow(hosts[0]!.id);
    const now = hourStart(clock) + 20 * HOUR_MS + 30 * MINUTE;
    const ago = (hours: number) => now - hours * HOUR_MS;
    const iso = (ms: number) => new Date(ms).toISOString();
    for (const hoursAgo of [30, 26, 2]) await writeHostSamples(db(), [sampleOf(h.id, 10, 1)], iso(ago(hoursAgo)));
    await db()
      .insertInto('host_stats_hourly')
      .values(
        [8 * 24, 6 * 24].map((hoursAgo) => ({
          host_id: h.id,
          hour: iso(hourStart(ago(hoursAgo))),
          cpu_used_percent: 5,
          memory_used: GiB,
          memory_total: 32 * GiB,
          samples: 60,
        })),
      )
      .execute();

    // The first round rolls up every hour after the last one rolled up, then prunes both tables.
    await new HostStatsRecorder(tc.core.services).record([sampleOf(h.id, 40, 4)], now);
    expect((await samplesOf(h.uuid)).map((s) => s.sampled)).toEqual([iso(ago(2)), iso(now)]);
    expect((await hoursOf()).map((r) => r.hour)).toEqual(
      [6 * 24, 30, 26, 2].map((hoursAgo) => iso(hourStart(ago(hoursAgo)))),
    );

    await setting('host.stats.history.retention.days', '1');
    await setting('host.stats.history.detail.retention.hours', '2');
    try {
      await new HostStatsRecorder(tc.core.services).record([sampleOf(h.id, 40, 4)], now + 10 * MINUTE);
      expect((await samplesOf(h.uuid)).map((s) => s.sampled)).toEqual([iso(now), iso(now + 10 * MINUTE)]);
      expect((await hoursOf()).map((r) => r.hour)).toEqual([iso(hourStart(ago(2)))]);
    } finally {
      await setting('host.stats.history.retention.days', '7');
      await setting('host.stats.history.detail.retention.hours', '24');
    }
  });

  it('a week is answered from hourly averages up to the last hour rolled up, then from the samples since', async () => {
    const a = await hostRow(hosts[0]!.id);
    const now = Date.now();
    const hour = hourStart(now);
    const whole = (ms: number) => ms - (ms % 1000);
    for (const [at, cpu] of [
      [hour - 3 * 24 * HOUR_MS, 7],
      [hour - 2 * HOUR_MS, 11],
    ] as const) {
      await db()
        .insertInto('host_stats_hourly')
        .values({
          host_id: a.id,
          hour: new Date(at).toISOString(),
          cpu_used_percent: cpu,
          memory_used: 2 * GiB,
          memory_total: 32 * GiB,
          samples: 60,
        })
        .execute();
    }
    // A sample of an hour rolled up, then two since.
    const samples = [hour - 2 * HOUR_MS + 10 * MINUTE, hour - HOUR_MS + 5 * MINUTE, whole(now - MINUTE)];
    for (const at of samples) await writeHostSamples(db(), [sampleOf(a.id, 60, 4)], new Date(at).toISOString());

    const week = ok(await tc.call('listHostsUsageHistory', { id: a.uuid, startdate: apiDate(now - 7 * DAY) }));
    expect(week.host[0].stats).toEqual([
      { timestamp: csDate(hour - 3 * DAY), cpuused: '7%', memorykbs: 2 * 1024 ** 2, memoryintfreekbs: 30 * 1024 ** 2 },
      {
        timestamp: csDate(hour - 2 * HOUR_MS),
        cpuused: '11%',
        memorykbs: 2 * 1024 ** 2,
        memoryintfreekbs: 30 * 1024 ** 2,
      },
      { timestamp: csDate(samples[1]!), cpuused: '60%', memorykbs: 4 * 1024 ** 2, memoryintfreekbs: 28 * 1024 ** 2 },
      { timestamp: csDate(samples[2]!), cpuused: '60%', memorykbs: 4 * 1024 ** 2, memoryintfreekbs: 28 * 1024 ** 2 },
    ]);

    // The last day is within the detail retention: every sample.
    const day = ok(await tc.call('listHostsUsageHistory', { id: a.uuid }));
    expect(day.host[0].stats.map((s: any) => s.timestamp)).toEqual(samples.map(csDate));
  });

  it('listHostsUsageHistory answers each host’s samples in the range, oldest first, in CloudStack’s shape', async () => {
    const [a, b, c] = await Promise.all(hosts.map((h) => hostRow(h.id)));
    const now = Date.now();
    const t = (minutesAgo: number) => now - minutesAgo * MINUTE - (now % 1000);
    for (const [minutesAgo, cpu, used] of [
      [3 * 24 * 60, 5, 1],
      [90, 10.5, 2],
      [30, 20.25, 4],
      [10, 33.333, 8],
    ] as const) {
      await writeHostSamples(
        db(),
        [
          { hostId: a!.id, cpuUsedPercent: cpu, memoryUsed: used * GiB, memoryTotal: 32 * GiB },
          { hostId: b!.id, cpuUsedPercent: cpu + 1, memoryUsed: used * GiB, memoryTotal: 32 * GiB },
        ],
        new Date(t(minutesAgo)).toISOString(),
      );
    }

    // Without dates: the last 24 hours.
    const day = ok(await tc.call('listHostsUsageHistory', { id: a!.uuid }));
    expect(day.count).toBe(1);
    expect(day.host).toEqual([
      {
        id: a!.uuid,
        name: a!.name,
        stats: [
          { timestamp: csDate(t(90)), cpuused: '10.5%', memorykbs: 2 * 1024 ** 2, memoryintfreekbs: 30 * 1024 ** 2 },
          { timestamp: csDate(t(30)), cpuused: '20.25%', memorykbs: 4 * 1024 ** 2, memoryintfreekbs: 28 * 1024 ** 2 },
          { timestamp: csDate(t(10)), cpuused: '33.33%', memorykbs: 8 * 1024 ** 2, memoryintfreekbs: 24 * 1024 ** 2 },
        ],
      },
    ]);

    // A range: the last hour, up to 20 minutes ago.
    const hour = ok(
      await tc.call('listHostsUsageHistory', {
        id: a!.uuid,
        startdate: apiDate(now - 60 * MINUTE),
        enddate: apiDate(now - 20 * MINUTE),
      }),
    );
    expect(hour.host[0].stats.map((s: any) => s.timestamp)).toEqual([csDate(t(30))]);

    // Several hosts by ids (a host without samples still answers, with none); by name.
    const both = ok(
      await tc.call('listHostsUsageHistory', { ids: `${a!.uuid},${c!.uuid}`, startdate: apiDate(now - 4 * DAY) }),
    );
    expect(both.host.map((h: any) => [h.name, h.stats.length])).toEqual([
      [a!.name, 4],
      [c!.name, 0],
    ]);
    const named = ok(await tc.call('listHostsUsageHistory', { name: b!.name.slice(-3) }));
    expect(named.host.map((h: any) => h.id)).toEqual([b!.uuid]);
    expect(named.host[0].stats[0].cpuused).toBe('11.5%');

    // Pages of hosts: all three hosts, one per page.
    const page2 = ok(await tc.call('listHostsUsageHistory', { pagesize: '1', page: '2' }));
    expect(page2.count).toBe(3);
    expect(page2.host.map((h: any) => h.id)).toEqual([b!.uuid]);

    fails(
      await tc.call('listHostsUsageHistory', { startdate: '2020-01-02', enddate: '2020-01-01' }),
      431,
      /enddate must not be before startdate/,
    );
    fails(
      await tc.call('listHostsUsageHistory', { id: a!.uuid, ids: b!.uuid }),
      431,
      /id and ids are mutually exclusive/,
    );
  });

  it('answers resource admins, as listHosts does, and refuses domain admins and users', async () => {
    const ra = await createAccount(tc, { username: `stats-ra-${dialect}`, accounttype: 3 });
    const da = await createAccount(tc, { username: `stats-da-${dialect}`, accounttype: 2 });
    const user = await createAccount(tc, { username: `stats-user-${dialect}` });
    const params = { id: hosts[0]!.id };
    expect(ok(await tc.call('listHostsUsageHistory', params, await callerOf(tc, ra.user[0].id))).host).toHaveLength(1);
    for (const who of [da, user]) {
      fails(await tc.call('listHostsUsageHistory', params, await callerOf(tc, who.user[0].id)), 432);
    }
  });
});
