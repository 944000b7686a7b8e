import { describe, expect, it } from 'vitest';
import type { SimulatorOperation } from '../../../domain/infrastructure';
import { HostOperationError, InvalidHostRequest, type HostTarget } from '../types';
import { SimulatorDriver, type SimulatorMockEffect, type SimulatorMockPort, type SimulatorMockScope } from './driver';
import { addressFor, cpuLoadPercent, memoryUsedBytes } from './metrics';
import { MockValueError, parseMockValue } from './mock-value';
import { parseSimulatorHostUrl, storageCapacityOverrideGiB } from './url';

const GiB = 1024 ** 3;
const DEFAULTS = { cpuNumber: 16, cpuSpeed: 2400, memoryGiB: 64, storageCapacityGiB: 2048 };

/** A port that fires the given effect for one operation and records every call. */
function port(effects: Partial<Record<SimulatorOperation, Omit<SimulatorMockEffect, 'mockId'>>> = {}) {
  const calls: { operation: SimulatorOperation; scope: SimulatorMockScope }[] = [];
  const mocks: SimulatorMockPort = {
    async fire(operation, scope) {
      calls.push({ operation, scope });
      const e = effects[operation];
      return e ? { ...e, mockId: 'mock-1' } : undefined;
    },
  };
  return { mocks, calls };
}

const host: HostTarget = {
  hostId: 7,
  uuid: '5b0f9a8e-1c1d-4a52-9d53-5d1f0e8a7b01',
  url: 'http://sim/c0/h0',
  zoneId: 1,
  podId: 2,
  clusterId: 3,
};

describe('Simulator host URLs', () => {
  it('names the host from the path and reads per-host overrides', () => {
    expect(parseSimulatorHostUrl('http://sim/c0/h0')).toMatchObject({ name: 'sim-c0-h0', base: 'http://sim/c0/h0' });
    const u = parseSimulatorHostUrl('http://sim/c1/h9?cpunumber=32&cpuspeed=2000&memory=131072');
    expect(u).toMatchObject({ name: 'sim-c1-h9', cpuNumber: 32, cpuSpeed: 2000, memoryMiB: 131072 });
  });

  it('takes any host part containing "sim", as CloudStack does (advancedsg.cfg, advdualzone.cfg)', () => {
    expect(parseSimulatorHostUrl('http://simulator0')).toMatchObject({
      name: 'simulator0',
      base: 'http://simulator0/',
    });
    expect(parseSimulatorHostUrl('http://sim1/c1/h1')).toMatchObject({ name: 'sim1-c1-h1' });
    expect(parseSimulatorHostUrl('http://sim2/c1/h1').name).not.toBe(parseSimulatorHostUrl('http://sim1/c1/h1').name);
  });

  it.each([
    ['not a url', 'expected a URL'],
    ['https://sim/c0/h0', 'http://sim/<path>'],
    ['http://example.com/c0/h0', 'http://sim/<path>'],
    ['http://sim:8080/h0', 'http://sim/<path>'],
    ['http://sim/', 'the path must name the host'],
    ['http://sim/c0/h0?cpunumber=abc', 'Invalid cpunumber=abc'],
    ['http://sim/c0/h0?memory=1', 'Invalid memory=1'],
    ['http://sim/c0/h0?disks=4', 'Unknown parameter "disks"'],
  ])('refuses %s', (url, text) => {
    let error: unknown;
    try {
      parseSimulatorHostUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HostOperationError);
    expect((error as HostOperationError).operation).toBe('url');
    expect((error as Error).message).toContain(text);
  });
});

describe('Simulator URL refusals', () => {
  const refusal = (parse: () => unknown) => {
    try {
      parse();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidHostRequest);
      return { text: (e as InvalidHostRequest).message, ...(e as InvalidHostRequest).translatable };
    }
    throw new Error('expected a refusal');
  };

  it('says each by a catalogue message, in the English it always had', () => {
    expect(refusal(() => parseSimulatorHostUrl('not a url'))).toEqual({
      text: 'Invalid Simulator host URL "not a url": expected a URL like http://sim/c0/h0',
      key: 'error.simulatorHost.badUrl',
      params: { url: 'not a url' },
    });
    expect(refusal(() => parseSimulatorHostUrl('https://sim/c0/h0'))).toEqual({
      text: 'Invalid Simulator host URL "https://sim/c0/h0": Simulator hosts are addressed as http://sim/<path>, e.g. http://sim/c0/h0',
      key: 'error.simulatorHost.badAddress',
      params: { url: 'https://sim/c0/h0' },
    });
    expect(refusal(() => parseSimulatorHostUrl('http://sim/c0/h0?cpuspeed=5'))).toEqual({
      text: 'Invalid cpuspeed=5 in the Simulator host URL: expected a whole number from 100 to 10000 MHz',
      key: 'error.simulatorHost.badSpeed',
      params: { param: 'cpuspeed', value: '5', min: '100', max: '10000' },
    });
    expect(refusal(() => parseSimulatorHostUrl('http://sim/c0/h0?cpunumber=abc')).text).toBe(
      'Invalid cpunumber=abc in the Simulator host URL: expected a whole number from 1 to 1024',
    );
    expect(refusal(() => parseSimulatorHostUrl('http://sim/c0/h0?memory=1')).text).toBe(
      'Invalid memory=1 in the Simulator host URL: expected a whole number from 128 to 67108864 MiB',
    );
    expect(refusal(() => parseSimulatorHostUrl('http://sim/c0/h0?disks=4'))).toEqual({
      text: 'Unknown parameter "disks" in the Simulator host URL; supported: cpunumber, cpuspeed (MHz), memory (MiB), cpusockets',
      key: 'error.simulatorHost.unknownParam',
      params: { param: 'disks' },
    });
    expect(refusal(() => parseSimulatorHostUrl('http://sim/c0/h 0')).text).toBe(
      `Invalid Simulator host URL "http://sim/c0/h 0": path segments may only use letters, digits, '.', '_' and '-'`,
    );
    expect(refusal(() => storageCapacityOverrideGiB('nfs://10.0.0.5/export/p?capacitygb=0'))).toEqual({
      text: 'Invalid capacitygb=0 in the storage URL: expected a whole number of GiB from 1 to 1073741824',
      key: 'error.storage.badCapacityOverride',
      params: { value: '0', max: '1073741824' },
    });
  });
});

describe('mock values', () => {
  it('parses result and wait in either order', () => {
    expect(parseMockValue('result:fail')).toEqual({ fail: true, waitMs: 0 });
    expect(parseMockValue('wait:250')).toEqual({ fail: false, waitMs: 250 });
    expect(parseMockValue('wait:10; result:fail')).toEqual({ fail: true, waitMs: 10 });
  });

  it.each(['', 'result:maybe', 'wait:-1', 'wait:abc', 'explode', 'wait:1,wait:2', 'wait:600001'])(
    'refuses %j',
    (value) => {
      expect(() => parseMockValue(value)).toThrow(MockValueError);
    },
  );

  it('says each refusal by a catalogue message, in the English it always had', () => {
    const refusal = (value: string) => {
      try {
        parseMockValue(value);
      } catch (e) {
        return { text: (e as MockValueError).message, ...(e as MockValueError).translatable };
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(' ; ')).toEqual({
      text: "Empty mock value: use 'result:fail' and/or 'wait:<ms>'",
      key: 'error.simulatorMock.emptyValue',
      params: {},
    });
    expect(refusal('explode')).toEqual({
      text: `Invalid mock value "explode": use 'result:fail' and/or 'wait:<ms>'`,
      key: 'error.simulatorMock.badValue',
      params: { value: 'explode' },
    });
    expect(refusal('result:fail,result:pass').text).toBe('Mock value "result:fail,result:pass" gives result twice');
    expect(refusal('wait:1,wait:2').text).toBe('Mock value "wait:1,wait:2" gives wait twice');
    expect(refusal('result:maybe')).toEqual({
      text: 'Invalid result "maybe" in mock value: use result:fail',
      key: 'error.simulatorMock.badResult',
      params: { result: 'maybe' },
    });
    expect(refusal('wait:600001')).toEqual({
      text: 'Invalid wait "600001" in mock value: use wait:<milliseconds> up to 600000',
      key: 'error.simulatorMock.badWait',
      params: { wait: '600001', max: '600000' },
    });
  });
});

describe('SimulatorDriver', () => {
  it('connects without contacting anything and reports sizes from the defaults or the URL', async () => {
    const { mocks, calls } = port();
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS });
    const found = await driver.connect({ url: 'http://sim/c0/h0', zoneId: 1, podId: 2, clusterId: 3 });
    expect(found).toEqual({
      name: 'sim-c0-h0',
      privateIp: addressFor('http://sim/c0/h0'),
      hypervisorVersion: '1.0',
      cpuSockets: 2,
      cpuNumber: 16,
      cpuSpeed: 2400,
      totalMemory: 64 * GiB,
      capabilities: ['hvm'],
      arch: 'x86_64',
    });
    expect(found.privateIp).toMatch(/^172\.16\.\d{1,3}\.\d{1,3}$/);
    expect(calls).toEqual([{ operation: 'ReadyCommand', scope: { zoneId: 1, podId: 2, clusterId: 3, hostId: null } }]);
    const big = await driver.connect({
      url: 'http://sim/c0/h1?cpunumber=4&cpuspeed=1000&memory=2048',
      zoneId: 1,
      podId: 2,
      clusterId: 3,
      hostId: 9,
    });
    expect(big).toMatchObject({ cpuNumber: 4, cpuSpeed: 1000, totalMemory: 2048 * 1024 ** 2, cpuSockets: 1 });
    expect(calls[1]?.scope.hostId).toBe(9);
  });

  it('a bad URL fails before any mock is consulted', async () => {
    const { mocks, calls } = port();
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS });
    await expect(driver.connect({ url: 'ssh://10.0.0.1', zoneId: 1, podId: 2, clusterId: 3 })).rejects.toThrow(
      HostOperationError,
    );
    expect(calls).toEqual([]);
  });

  it('a failing PingCommand means the host does not answer', async () => {
    const { mocks } = port({ PingCommand: { fail: true, waitMs: 0 } });
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS });
    const error = await driver.ping(host).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostOperationError);
    expect(error).toMatchObject({ operation: 'PingCommand', unreachable: true });
    expect((error as Error).message).toContain('sim-c0-h0 did not answer');
  });

  it('a failing MaintainCommand is a failure of a reachable host; jsonresponse details are shown', async () => {
    const { mocks } = port({
      MaintainCommand: { fail: false, waitMs: 0, jsonResponse: '{"result": false, "details": "disk busy"}' },
    });
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS });
    const error = await driver.prepareMaintenance(host).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: 'MaintainCommand', unreachable: false });
    expect((error as Error).message).toContain('disk busy');
  });

  it('a wait mock holds the answer until the wait is over', async () => {
    const { mocks } = port({ PingCommand: { fail: false, waitMs: 60 } });
    let asleep!: (ms: number) => void;
    const slept = new Promise<number>((resolve) => (asleep = resolve));
    let wake!: () => void;
    const sleep = (ms: number) => {
      asleep(ms);
      return new Promise<void>((resolve) => (wake = resolve));
    };
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS, sleep });
    let answered = false;
    const pinging = driver.ping(host).then(() => (answered = true));
    expect(await slept).toBe(60);
    // One turn of the event loop: a driver that did not wait for the sleep would have answered by now.
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    wake();
    await pinging;
    expect(answered).toBe(true);
  });

  it('the default sleep never answers before the wait is over', async () => {
    const { mocks } = port({ PingCommand: { fail: false, waitMs: 60 } });
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS });
    const started = performance.now();
    await driver.ping(host);
    // A lower bound only (the machine may be slow): timers may fire a little early, the driver may not.
    expect(performance.now() - started).toBeGreaterThanOrEqual(60 - 1e-6);
  });

  it('host stats are a deterministic function of host and time, and drift', async () => {
    let now = Date.UTC(2026, 0, 1);
    const { mocks } = port();
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS, now: () => now });
    const a = await driver.hostStats(host);
    const b = await driver.hostStats(host);
    expect(a).toEqual(b);
    expect(a.cpuUsedPercent).toBe(cpuLoadPercent(host.uuid, now));
    expect(a.memoryUsed).toBe(memoryUsedBytes(host.uuid, 64 * GiB, now));
    expect(a.cpuUsedPercent).toBeGreaterThanOrEqual(1);
    expect(a.cpuUsedPercent).toBeLessThanOrEqual(95);
    expect(a.memoryUsed).toBeLessThan(64 * GiB);
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) {
      now += 5 * 60_000;
      const s = await driver.hostStats(host);
      seen.add(s.cpuUsedPercent);
      expect(s.cpuUsedPercent).toBeGreaterThanOrEqual(1);
      expect(s.cpuUsedPercent).toBeLessThanOrEqual(95);
    }
    expect(seen.size).toBeGreaterThan(10);
    // Small steps move the load a little, not at random.
    const x = cpuLoadPercent(host.uuid, now);
    const y = cpuLoadPercent(host.uuid, now + 10_000);
    expect(Math.abs(x - y)).toBeLessThan(5);
  });

  it('storage pools report the configured capacity (or ?capacitygb) and a stable 5-40% used', async () => {
    const { mocks, calls } = port();
    const driver = new SimulatorDriver({ mocks, defaults: () => DEFAULTS });
    const pool = {
      uuid: '0e4b6c0e-3c7e-4d2f-9a51-2f3f1a9b5c11',
      url: 'nfs://10.0.0.5/export/p1',
      poolType: 'NetworkFilesystem',
    };
    const stats = await driver.attachStoragePool(host, pool);
    expect(stats.capacityBytes).toBe(2048 * GiB);
    expect(stats.usedBytes / stats.capacityBytes).toBeGreaterThanOrEqual(0.05);
    expect(stats.usedBytes / stats.capacityBytes).toBeLessThanOrEqual(0.4);
    expect(await driver.attachStoragePool(host, pool)).toEqual(stats);
    const small = await driver.attachStoragePool(host, { ...pool, url: 'nfs://10.0.0.5/export/p2?capacitygb=100' });
    expect(small.capacityBytes).toBe(100 * GiB);
    expect(calls.map((c) => c.operation)).toEqual([
      'ModifyStoragePoolCommand',
      'ModifyStoragePoolCommand',
      'ModifyStoragePoolCommand',
    ]);
    await driver.detachStoragePool(host, pool);
    expect(calls.at(-1)).toEqual({
      operation: 'DeleteStoragePoolCommand',
      scope: { zoneId: 1, podId: 2, clusterId: 3, hostId: 7 },
    });
  });
});
