import type { SimulatorOperation } from '../../../domain/infrastructure';
import {
  HostOperationError,
  type DiscoveredHost,
  type HostConnectRequest,
  type HostStats,
  type HostTarget,
  type HypervisorDriver,
  type PodNetwork,
  type StoragePoolStats,
  type StoragePoolTarget,
} from '../types';
import { podAddresses } from './address';
import { addressFor, cpuLoadPercent, memoryUsedBytes, poolUsedBytes } from './metrics';
import type { MockBehaviour } from './mock-value';
import { parseSimulatorHostUrl, storageCapacityOverrideGiB, type SimulatorHostUrl } from './url';

/** Where an operation happens; a mock matches when each id it names equals the target's. */
export interface SimulatorMockScope {
  zoneId: number;
  podId: number;
  clusterId: number;
  /** null while a new host is being connected (it has no id yet). */
  hostId: number | null;
}

/** A mock that fired for an operation. */
export interface SimulatorMockEffect extends MockBehaviour {
  /** The mock's uuid, named in failure messages. */
  mockId: string;
  /** configureSimulator's jsonresponse; {"result": false, "details": "..."} fails with that text. */
  jsonResponse?: string | null;
}

/**
 * Fault injection (CloudStack's configureSimulator): asked before every operation whether a mock
 * fires for it. The services side keeps the mocks in memory and counts calls.
 */
export interface SimulatorMockPort {
  fire(operation: SimulatorOperation, scope: SimulatorMockScope): Promise<SimulatorMockEffect | undefined>;
  /** Picks up mocks configured since (another server may have added some). */
  reload?(): Promise<void>;
  /** Saves the call counters the mocks have gathered. */
  flush?(): Promise<void>;
  /** Waits for counter writes under way. */
  settle?(): Promise<void>;
}

/** Sizes of new Simulator hosts and pools (settings simulator.host.* and simulator.storage.capacity.gb). */
export interface SimulatorDefaults {
  cpuNumber: number;
  /** MHz */
  cpuSpeed: number;
  memoryGiB: number;
  storageCapacityGiB: number;
}

export interface SimulatorDriverOptions {
  mocks: SimulatorMockPort;
  defaults: () => SimulatorDefaults;
  /** Clock for host stats (tests pin it). */
  now?: () => number;
  /** How a mock's wait is served (tests may shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

export const SIMULATOR_VERSION = '1.0';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

/**
 * Waits at least `ms`. Node fires timers by its loop's millisecond clock, which can run a little
 * ahead of the precise one: a mock's wait:250 must never answer after 249.7 ms.
 */
async function defaultSleep(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) {
    await new Promise<void>((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}

/** Operations whose failure means the host does not answer at all. */
const UNREACHABLE_ON_FAILURE = new Set<SimulatorOperation>(['PingCommand', 'ReadyCommand']);

/**
 * The Simulator hypervisor (CloudStack's simulator): in-process hosts addressed as
 * http://sim/<path>, with realistic sizes and drifting load. It never contacts anything; every
 * operation first asks the mock port whether a fault is configured for it.
 */
export class SimulatorDriver implements HypervisorDriver {
  readonly hypervisor = 'Simulator' as const;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SimulatorDriverOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
  }

  validateHostUrl(url: string): void {
    parseSimulatorHostUrl(url);
  }

  /**
   * Simulator hosts have no address of their own: one is chosen in the pod's subnet; the address
   * it reported (outside the pod) only when the subnet has no room.
   */
  *managementAddresses(host: { url: string; discovered: DiscoveredHost; pod: PodNetwork }): Iterable<string> {
    yield* podAddresses(host.url, host.pod);
    yield host.discovered.privateIp;
  }

  async beforeHeartbeats(): Promise<void> {
    await this.options.mocks.reload?.();
  }

  async afterHeartbeats(): Promise<void> {
    await this.options.mocks.flush?.();
  }

  async settle(): Promise<void> {
    await this.options.mocks.settle?.();
  }

  async connect(request: HostConnectRequest): Promise<DiscoveredHost> {
    const url = parseSimulatorHostUrl(request.url);
    await this.gate('ReadyCommand', { ...request, hostId: request.hostId ?? null }, () => url.name);
    const d = this.options.defaults();
    const cpuNumber = url.cpuNumber ?? d.cpuNumber;
    return {
      name: url.name,
      privateIp: addressFor(url.base),
      hypervisorVersion: SIMULATOR_VERSION,
      cpuSockets: Math.min(url.cpuSockets ?? (cpuNumber >= 16 ? 2 : 1), cpuNumber),
      cpuNumber,
      cpuSpeed: url.cpuSpeed ?? d.cpuSpeed,
      totalMemory: this.totalMemory(url),
      capabilities: ['hvm'],
      arch: 'x86_64',
    };
  }

  async ping(host: HostTarget): Promise<void> {
    await this.gate('PingCommand', host, () => this.nameOf(host));
  }

  async hostStats(host: HostTarget): Promise<HostStats> {
    await this.gate('GetHostStatsCommand', host, () => this.nameOf(host));
    const now = this.now();
    let total: number;
    try {
      total = this.totalMemory(parseSimulatorHostUrl(host.url));
    } catch {
      total = this.options.defaults().memoryGiB * GiB;
    }
    return { cpuUsedPercent: cpuLoadPercent(host.uuid, now), memoryUsed: memoryUsedBytes(host.uuid, total, now) };
  }

  async prepareMaintenance(host: HostTarget): Promise<void> {
    // Nothing runs on a Simulator host yet; VM migration joins with the VM work.
    await this.gate('MaintainCommand', host, () => this.nameOf(host));
  }

  async attachStoragePool(host: HostTarget, pool: StoragePoolTarget): Promise<StoragePoolStats> {
    const gib = storageCapacityOverrideGiB(pool.url) ?? this.options.defaults().storageCapacityGiB;
    await this.gate('ModifyStoragePoolCommand', host, () => this.nameOf(host));
    const capacityBytes = gib * GiB;
    return { capacityBytes, usedBytes: poolUsedBytes(pool.uuid, capacityBytes) };
  }

  async detachStoragePool(host: HostTarget, _pool: StoragePoolTarget): Promise<void> {
    await this.gate('DeleteStoragePoolCommand', host, () => this.nameOf(host));
  }

  async forget(_host: HostTarget): Promise<void> {
    // Simulator hosts keep no connection state.
  }

  private totalMemory(url: SimulatorHostUrl): number {
    return url.memoryMiB !== undefined ? url.memoryMiB * MiB : this.options.defaults().memoryGiB * GiB;
  }

  private nameOf(host: HostTarget): string {
    try {
      return parseSimulatorHostUrl(host.url).name;
    } catch {
      return host.uuid;
    }
  }

  /** Applies the mock configured for an operation, if one fires: wait, then fail or go on. */
  private async gate(
    operation: SimulatorOperation,
    where: { zoneId: number; podId: number; clusterId: number; hostId: number | null },
    hostName: () => string,
  ): Promise<void> {
    const effect = await this.options.mocks.fire(operation, {
      zoneId: where.zoneId,
      podId: where.podId,
      clusterId: where.clusterId,
      hostId: where.hostId,
    });
    if (!effect) return;
    if (effect.waitMs > 0) await this.sleep(effect.waitMs);
    const answer = parseAnswer(effect.jsonResponse);
    if (effect.fail || answer.failed) {
      const unreachable = UNREACHABLE_ON_FAILURE.has(operation);
      const name = hostName();
      const what =
        operation === 'PingCommand'
          ? `Host ${name} did not answer the ping`
          : operation === 'ReadyCommand'
            ? `Unable to connect to host ${name}`
            : `${operation} failed on host ${name}`;
      const detail = answer.details ? `: ${answer.details}` : '';
      throw new HostOperationError(operation, `${what}${detail} (simulated by mock ${effect.mockId})`, unreachable);
    }
  }
}

/** A jsonresponse like CloudStack's agent answers: {"result": false, "details": "..."} means failure. */
function parseAnswer(json: string | null | undefined): { failed: boolean; details?: string } {
  if (!json) return { failed: false };
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object') {
      const v = value as { result?: unknown; details?: unknown };
      const details = typeof v.details === 'string' && v.details.length > 0 ? v.details.slice(0, 512) : undefined;
      return { failed: v.result === false, details };
    }
  } catch {
    // not JSON: ignored, as the agent would reject it
  }
  return { failed: false };
}
